/** Redis connections for the BullMQ launcher and worker. The first connection is checked with retries
 * off, so a Redis that is down gives a clear error instead of an endless reconnect loop. */
import { Redis } from "ioredis";
import { KogineError } from "./errors.js";

export async function connectRedis(url: string): Promise<Redis> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: Error | null = null;
  probe.on("error", (error) => {
    cause = error;
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    probe.disconnect();
    throw new KogineError(
      `cannot reach Redis at ${url} (${(cause ?? (error as Error)).message}). Start a Redis server there (e.g. redis-server --port ` +
        `${new URL(url).port || 6379}) or pass the right --redis URL; no task was submitted.`,
    );
  }
  probe.disconnect();
  // BullMQ needs maxRetriesPerRequest: null for its blocking commands.
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on("error", (error) => process.stderr.write(`kogine: redis ${url}: ${error.message}\n`));
  return connection;
}
