/** Redis connections for the BullMQ launcher and worker. The first connection is checked with retries
 * off, so a Redis that is down gives a clear error instead of an endless reconnect loop. */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { Redis, type RedisOptions } from "ioredis";
import { KogineError } from "./errors.js";

export async function connectRedis(url: string): Promise<Redis> {
  const tls = tlsOptions(url);
  const probe = new Redis(url, { ...tls, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
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
  const connection = new Redis(url, { ...tls, maxRetriesPerRequest: null });
  connection.on("error", (error) => process.stderr.write(`kogine: redis ${url}: ${error.message}\n`));
  return connection;
}

/** For a `rediss://` URL, the certificate authorities Node would trust had it read NODE_EXTRA_CA_CERTS as it
 * started: the `kogine` command starts Node without it (bin/kogine), to spare every command the parsing. */
function tlsOptions(url: string): RedisOptions {
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (!extra || !url.toLowerCase().startsWith("rediss://")) return {};
  try {
    return { tls: { ca: [...rootCertificates, readFileSync(extra, "utf8")] } };
  } catch (error) {
    // What Node itself does with an unreadable file.
    process.stderr.write(`Warning: Ignoring extra certs from \`${extra}\`, load failed: ${(error as Error).message}\n`);
    return {};
  }
}
