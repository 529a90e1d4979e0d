// The dashboard of `loopai serve` at GET /: one page (packages/loopai/dashboard/, plain HTML, CSS and
// a JS module with no build step) that reads the JSON API and draws its charts with Chart.js. The page's
// routes, its files read once and Chart.js from node_modules (no CDN: the page works on a machine without
// internet), are @toolchain/web-page's, which keeps them out of the OpenAPI document: no part of the API.

import { findPageDir, registerStaticPage } from "@toolchain/web-page";
import type { FastifyInstance } from "fastify";

export interface DashboardOptions {
  /** Whether the routes that write need an API key: the page then asks for it. */
  readonly apiKeyRequired: boolean;
}

/** Registers GET / and the page's assets on the application. */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions): void {
  const dir = findPageDir(import.meta.url, "dashboard");
  if (dir === undefined)
    throw new Error(`loopai serve: the dashboard's files (dashboard/index.html) are missing from the package`);
  registerStaticPage(app, {
    dir,
    files: ["dashboard.js", "dashboard.css"],
    html: (text) => text.replace("{{API_KEY_REQUIRED}}", String(options.apiKeyRequired)),
  });
}
