// A real PostgreSQL server for the tests, started on a free loopback port in a temporary data
// directory (Debian's postgresql package: initdb and postgres from /usr/lib/postgresql/<v>/bin).
// PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user the
// package creates (spawned with that uid directly: a wrapper such as runuser would not pass
// signals on, and the server would outlive the tests).

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import pg from "pg";

export interface PostgresServer {
  /** A URL for a new, empty database on the server. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, "bin")).find((d) => existsSync(join(d, "initdb")));
  if (!found) throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `npm run setup`");
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Spawn options that run PostgreSQL as the postgres user when we are root (it will not run as root). */
function serverUser(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? userIds("postgres") : {};
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "loopai-pg-"));
  const data = join(dir, "data");
  const user = serverUser();
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const init = spawnSync(join(bin, "initdb"), ["-D", data, "-U", "loopai", "--auth=trust", "-E", "UTF8", "--no-sync"], {
    encoding: "utf8",
    cwd: dir,
    ...user,
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const args = [
    "-D",
    data,
    "-k",
    dir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    // A test server: durability is not what is tested, and 2 cores are shared.
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "max_connections=200",
  ];
  const server: ChildProcess = spawn(join(bin, "postgres"), args, {
    stdio: ["ignore", "ignore", "pipe"],
    cwd: dir,
    ...user,
  });
  let log = "";
  server.stderr?.on("data", (c: Buffer) => {
    log += c.toString();
  });
  const base = `postgres://loopai@127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    const ok = await client
      .connect()
      .then(() => client.end())
      .then(() => true)
      .catch(() => false);
    if (ok) break;
    if (server.exitCode !== null || i > 300) throw new Error(`postgres did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async database(name) {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      return `${base}/${name}`;
    },
    async stop() {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      // SIGINT: PostgreSQL's fast shutdown (clients are disconnected).
      server.kill("SIGINT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`no user "${name}" (Debian's postgresql package creates it)`);
  return { uid: Number(r.stdout), gid: Number(g.stdout) };
}

/** A server for this test file: started before its tests, stopped after them. */
export function postgresForTests(): () => PostgresServer {
  let server: PostgresServer | undefined;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("the PostgreSQL server is not started yet");
    return server;
  };
}
