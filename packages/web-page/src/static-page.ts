/** A tool's browser page on its Fastify application: GET / is the page's `index.html`, and /assets/<name>
 * its own files (plain HTML, CSS and JS modules, no build step), the page kit every tool's page uses
 * (`assets/page-kit.js` and `page-kit.css` of this package) and Chart.js's UMD build, served from node_modules so that a page
 * works on a machine without internet. The files are read once, when the routes are registered. The routes
 * are hidden from an OpenAPI document: they are no part of an API. */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

export interface StaticPageOptions {
  /** The folder that holds `index.html` and the page's files. */
  dir: string;
  /** The page's own files in `dir` besides `index.html` (`.js` or `.css`), each served as /assets/<name>. */
  files: readonly string[];
  /** Fills in what the server knows into the HTML (e.g. a placeholder in an attribute); none by default. */
  html?: (text: string) => string;
}

/** The page runs scripts from its own origin only, and is framed by no one: it shows what users sent. */
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

declare module "fastify" {
  interface FastifySchema {
    /** @fastify/swagger's flag (declared as it declares it) that leaves a route out of the OpenAPI document;
     * an application without the plugin does not read it. */
    hide?: boolean;
  }
}

const HIDDEN = { schema: { hide: true } };

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Registers GET / and GET /assets/<name> for the page in `options.dir`. */
export function registerStaticPage(app: FastifyInstance, options: StaticPageOptions): void {
  const html = (options.html ?? ((text) => text))(readFileSync(join(options.dir, "index.html"), "utf8"));
  const assets = new Map<string, { body: string; type: string }>();
  const add = (name: string, path: string) => {
    const type = CONTENT_TYPES[extname(name)];
    if (type === undefined) throw new Error(`registerStaticPage: ${name}: only .js and .css files are served`);
    assets.set(name, { body: readFileSync(path, "utf8"), type });
  };
  for (const name of options.files) add(name, join(options.dir, name));
  add("page-kit.js", pageKitPath("page-kit.js"));
  add("page-kit.css", pageKitPath("page-kit.css"));
  add("chart.umd.js", chartJsPath());

  app.get("/", HIDDEN, async (_request, reply) => {
    void reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("content-security-policy", CSP);
    return html;
  });
  for (const [name, asset] of assets)
    app.get(`/assets/${name}`, HIDDEN, async (_request, reply) => {
      void reply.type(asset.type).header("cache-control", "no-cache");
      return asset.body;
    });
}

/**
 * The folder `folder` (holding an `index.html`) at the root of the package of the module at `moduleUrl`,
 * found by walking up from it: a module runs from `dist/src/…`, or from `src/…` under a TypeScript
 * loader. Undefined when it is missing: the caller says what is wrong in its own words.
 */
export function findPageDir(moduleUrl: string, folder: string): string | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, folder, "index.html"))) return join(dir, folder);
    dir = dirname(dir);
  }
  return undefined;
}

/** A file of this package's `assets/`, two folders up from `dist/src/` (or one from `src/`). */
function pageKitPath(name: string): string {
  for (const up of [`../../assets/${name}`, `../assets/${name}`]) {
    const path = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`@toolchain/web-page: assets/${name} is missing from the package`);
}

/** Chart.js's UMD build (it defines the global `Chart`); the package's exports do not name the file. */
function chartJsPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js");
}
