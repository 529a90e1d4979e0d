// The dashboard of `loopai serve` at GET /: one page (packages/loopai/dashboard/, plain HTML, CSS and
// a JS module with no build step) that reads the JSON API and draws its charts with Chart.js, whose
// UMD build is served from node_modules (no CDN: the page works on a machine without internet).
// The files are read once, when the server is built. These routes are not part of the API: the
// OpenAPI document leaves them out.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

export interface DashboardOptions {
  /** Whether the routes that write need an API key: the page then asks for it. */
  readonly apiKeyRequired: boolean;
}

const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The page's own files, by the name they are served under, and their content types. */
const PAGE_FILES: Record<string, string> = {
  "dashboard.js": "text/javascript; charset=utf-8",
  "dashboard.css": "text/css; charset=utf-8",
};

/**
 * The folder of the page's files: `dashboard/` at the package's root, found by walking up from this
 * module (which runs from `dist/src/server/`, or from `src/server/` under a TypeScript loader).
 */
function dashboardDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "dashboard", "index.html"))) return join(dir, "dashboard");
    dir = dirname(dir);
  }
  throw new Error(`loopai serve: the dashboard's files (dashboard/index.html) are missing from the package`);
}

/** Chart.js's UMD build (it defines the global `Chart`); the package's exports do not name the file. */
function chartJsPath(): string {
  const main = createRequire(import.meta.url).resolve("chart.js");
  return join(dirname(main), "chart.umd.min.js");
}

/** Registers GET / and the page's assets on the application. */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions): void {
  const dir = dashboardDir();
  const html = readFileSync(join(dir, "index.html"), "utf8").replace(
    "{{API_KEY_REQUIRED}}",
    String(options.apiKeyRequired),
  );
  const assets = new Map<string, { body: string; type: string }>();
  for (const [name, type] of Object.entries(PAGE_FILES))
    assets.set(name, { body: readFileSync(join(dir, name), "utf8"), type });
  assets.set("chart.umd.js", { body: readFileSync(chartJsPath(), "utf8"), type: "text/javascript; charset=utf-8" });

  app.get("/", { schema: { hide: true } }, async (_request, reply) => {
    void reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      // The page runs its own scripts only, and is framed by no one: it shows what users sent.
      .header("content-security-policy", CSP);
    return html;
  });
  for (const [name, asset] of assets)
    app.get(`/assets/${name}`, { schema: { hide: true } }, async (_request, reply) => {
      void reply.type(asset.type).header("cache-control", "no-cache");
      return asset.body;
    });
}
