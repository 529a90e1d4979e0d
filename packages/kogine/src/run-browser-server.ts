/** `kogine ui`: the run browser's HTTP server. Fastify (as `loopai serve`): a schema on every route checks
 * and coerces the URL's parts, and errors answer as JSON. GET / is the page (packages/kogine/ui/: plain
 * HTML, CSS and a JS module, no build step, served by @toolchain/web-page with Chart.js from node_modules,
 * so the page needs no internet), which reads the JSON API under /api and polls it while a run is running. */
import { existsSync, statSync } from "node:fs";
import { findPageDir, registerStaticPage } from "@toolchain/web-page";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { KogineError } from "./errors.js";
import { RunBrowserData } from "./run-browser-data.js";

export interface RunBrowserOptions {
  runsDir: string;
  host: string;
  port: number;
}

const runParams = {
  type: "object",
  required: ["date", "name"],
  properties: { date: { type: "string" }, name: { type: "string" } },
} as const;
const taskParams = {
  type: "object",
  required: ["date", "name", "index"],
  properties: { ...runParams.properties, index: { type: "integer", minimum: 0 } },
} as const;
const offsetQuery = {
  type: "object",
  properties: { from: { type: "integer", minimum: 0 } },
} as const;
const logQuery = {
  type: "object",
  properties: { ...offsetQuery.properties, stream: { enum: ["stdout", "stderr"], default: "stdout" } },
} as const;

type RunRoute = { Params: { date: string; name: string } };
type TaskRoute<Query> = { Params: { date: string; name: string; index: number }; Querystring: Query };

/** The application over the run store at `runsDir`, not yet listening. */
export function buildRunBrowser(runsDir: string): FastifyInstance {
  const data = new RunBrowserData(runsDir);
  const app = Fastify({ logger: false });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof KogineError) return reply.status(404).send({ error: error.message });
    if (error.validation) return reply.status(400).send({ error: error.message });
    return reply.status(500).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: `no route ${request.method} ${request.url}` }),
  );

  const pageDir = findPageDir(import.meta.url, "ui");
  if (pageDir === undefined)
    throw new KogineError("the run browser's page (ui/index.html) is missing from the kogine package");
  registerStaticPage(app, { dir: pageDir, files: ["run-browser.js", "run-browser.css"] });
  app.get("/api/runs", async () => ({ runsDir, runs: data.runs() }));
  app.get<RunRoute>("/api/runs/:date/:name", { schema: { params: runParams } }, async (request) =>
    data.run(`${request.params.date}/${request.params.name}`),
  );
  app.get<TaskRoute<{ from?: number }>>(
    "/api/runs/:date/:name/tasks/:index/metrics",
    { schema: { params: taskParams, querystring: offsetQuery } },
    async (request) => {
      const { date, name, index } = request.params;
      return data.metricSeries(`${date}/${name}`, index, request.query.from ?? 0);
    },
  );
  app.get<TaskRoute<{ from?: number; stream: "stdout" | "stderr" }>>(
    "/api/runs/:date/:name/tasks/:index/logs",
    { schema: { params: taskParams, querystring: logQuery } },
    async (request) => {
      const { date, name, index } = request.params;
      return data.log(`${date}/${name}`, index, request.query.stream, request.query.from);
    },
  );
  return app;
}

/** Starts the server; bad options and a port in use are KogineErrors. Returns the address it listens on. */
export async function startRunBrowser(options: RunBrowserOptions): Promise<{ app: FastifyInstance; url: string }> {
  if (!existsSync(options.runsDir) || !statSync(options.runsDir).isDirectory())
    throw new KogineError(
      `no run store at ${options.runsDir}: run something first (kogine run ...), or name the store with --runs-dir or $KOGINE_RUNS_DIR`,
    );
  const app = buildRunBrowser(options.runsDir);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    if (code === "EADDRINUSE")
      throw new KogineError(
        `cannot listen on ${where}: the port is in use (choose another with --port, or 0 for any free port)`,
      );
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new KogineError(`cannot listen on ${where}: no such address on this machine (--host)`);
    if (code === "EACCES")
      throw new KogineError(`cannot listen on ${where}: permission denied (ports below 1024 need root)`);
    throw new KogineError(`cannot listen on ${where}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return { app, url: `http://${host}:${port}/` };
}

/** Serves until Ctrl-C or SIGTERM, then lets requests in flight finish. */
export async function serveRunBrowser(options: RunBrowserOptions): Promise<void> {
  const { app, url } = await startRunBrowser(options);
  process.stdout.write(`kogine ui: serving the runs in ${options.runsDir} at ${url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await app.close();
}
