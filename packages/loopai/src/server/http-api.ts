// `loopai serve`: the loop over HTTP (Fastify, chosen for its schema-driven validation and
// serialisation and its OpenAPI generation). Every route declares its request and response schemas
// (schemas.ts); a bad request gets a 4xx with a JSON error naming the field; write routes take an
// API key when one is set; `close()` stops accepting, lets requests in flight finish, then writes
// the loop's execution counters to the store.

import swagger from "@fastify/swagger";
import { Ajv } from "ajv";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type BucketBy, bucketAgreement } from "../agreement.js";
import { LoopaiError } from "../errors.js";
import type { Loopai } from "../loop.js";
import type { LoopaiStore } from "../store.js";
import { versionsReport } from "../versions-report.js";
import { registerDashboard } from "./dashboard.js";
import { createMetrics } from "./metrics.js";
import * as schemas from "./schemas.js";

export interface ServerOptions {
  /** Required (as `Authorization: Bearer KEY` or `X-API-Key: KEY`) by the routes that write. */
  readonly apiKey?: string;
  /** The largest request body in bytes (default 8 MiB): a bigger one is refused with 413. */
  readonly bodyLimit?: number;
}

type OnTask<Body = unknown, Query = unknown> = { Params: { task: string }; Body: Body; Querystring: Query };

/** The HTTP application over a loop and its store, not yet listening. */
export async function buildServer(
  loop: Loopai,
  store: LoopaiStore,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024, logger: false });
  // A body is checked as sent: no unknown field dropped, no value coerced (Fastify's defaults would
  // accept `{"inputs": "x"}` as a list of one); the URL's parts are text, so those are coerced.
  const strict = new Ajv({ allErrors: false, strict: false });
  const lenient = new Ajv({ coerceTypes: true, useDefaults: true, strict: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === "body" ? strict : lenient).compile(schema));
  // JSON bodies: JSON.parse, then a walk over the parsed value for prototype-poisoning keys, which
  // Fastify's own parser (secure-json-parse) finds by running regular expressions over the text
  // first: per byte of an email-sized body, that scan cost as much as the parse. A body the walk
  // flags, an empty one and one that does not parse go to Fastify's parser, which answers them
  // exactly as before.
  const secureJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    let parsed: unknown;
    let ok = false;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
        ok = !poisoned(parsed);
      } catch {
        // Fastify's parser answers it.
      }
    }
    if (ok) done(null, parsed);
    else secureJson(request, text, done);
  });
  const metrics = createMetrics(loop, store);
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "loopai", version: "1", description: "Generated programs in place of repeated LLM calls." },
      components: {
        securitySchemes: { apiKey: { type: "http", scheme: "bearer" } },
      },
    },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorReply(error);
    metrics.rejected(request.routeOptions.url ?? request.url, status);
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: `no route ${request.method} ${request.url}` });
  });

  const writes = options.apiKey === undefined ? {} : { preHandler: requireKey(options.apiKey) };
  const errors = { 400: schemas.errorResponse, 401: schemas.errorResponse, 404: schemas.errorResponse };

  app.post<OnTask<{ input: unknown }>>(
    "/v1/tasks/:task/execute",
    {
      ...writes,
      schema: {
        params: schemas.taskParams,
        body: schemas.executeBody,
        response: { ...schemas.executeResponse, ...errors },
      },
    },
    async (request) => {
      const { task } = request.params;
      const result = await loop.execute(task, request.body.input);
      metrics.observe(task, result);
      return result;
    },
  );
  app.post<OnTask<{ inputs: unknown[] }>>(
    "/v1/tasks/:task/execute-batch",
    {
      ...writes,
      schema: {
        params: schemas.taskParams,
        body: schemas.executeBatchBody,
        response: { ...schemas.executeBatchResponse, ...errors },
      },
    },
    async (request) => {
      const { task } = request.params;
      const results = await loop.executeBatch(task, request.body.inputs);
      for (const result of results) metrics.observe(task, result);
      return { results };
    },
  );
  app.post<OnTask<{ input: unknown; output: unknown }>>(
    "/v1/tasks/:task/feedback",
    {
      ...writes,
      schema: {
        params: schemas.taskParams,
        body: schemas.feedbackBody,
        response: { ...schemas.feedbackResponse, ...errors },
      },
    },
    async (request) => loop.feedback(request.params.task, request.body.input, request.body.output),
  );
  app.get("/v1/tasks", { schema: { response: schemas.tasksResponse } }, async () => ({
    tasks: await Promise.all((await store.listTasks()).map((task) => loop.status(task))),
  }));
  app.get<OnTask>(
    "/v1/tasks/:task",
    { schema: { params: schemas.taskParams, response: { ...schemas.taskResponse, ...errors } } },
    async (request) => loop.status(request.params.task),
  );
  app.get<OnTask<unknown, { limit: number }>>(
    "/v1/tasks/:task/reviews",
    {
      schema: {
        params: schemas.taskParams,
        querystring: schemas.reviewsQuery,
        response: { ...schemas.reviewsResponse, ...errors },
      },
    },
    async (request) => {
      const { task } = request.params;
      const items = await loop.pendingReviews(task, request.query.limit);
      const output = (await store.getTask(task))?.spec.output;
      return {
        items,
        output: output?.type === "label" ? { type: "label", labels: output.labels } : { type: "json" },
      };
    },
  );
  app.get<OnTask>(
    "/v1/tasks/:task/versions",
    { schema: { params: schemas.taskParams, response: { ...schemas.versionsResponse, ...errors } } },
    async (request) => {
      const { task } = request.params;
      await requireTask(store, task);
      return versionsReport(store, task);
    },
  );
  app.get<OnTask<unknown, { limit: number; buckets: number; by: BucketBy }>>(
    "/v1/tasks/:task/agreement",
    {
      schema: {
        params: schemas.taskParams,
        querystring: schemas.agreementQuery,
        response: { ...schemas.agreementResponse, ...errors },
      },
    },
    async (request) => {
      const { task } = request.params;
      const { limit, buckets, by } = request.query;
      await requireTask(store, task);
      // The store gives the newest first; the buckets go oldest first.
      const samples = [...(await store.samples(task, limit))].reverse();
      return { task, ...bucketAgreement(samples, { by, buckets }) };
    },
  );
  app.post<{ Params: { id: number }; Body: { label: unknown } }>(
    "/v1/reviews/:id",
    {
      ...writes,
      schema: {
        params: schemas.reviewParams,
        body: schemas.reviewBody,
        response: { ...schemas.reviewResponse, ...errors },
      },
    },
    async (request) => loop.answerReview(request.params.id, request.body.label),
  );
  app.get("/healthz", { schema: { response: schemas.healthResponse } }, async () => ({
    status: "ok",
    tasks: (await store.listTasks()).length,
  }));
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    void reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerDashboard(app, { apiKeyRequired: options.apiKey !== undefined });
  app.addHook("onClose", async () => {
    await loop.close();
  });
  return app;
}

/**
 * Whether a parsed JSON value holds what secure-json-parse refuses: an object with its own
 * `__proto__` key, or a `constructor` key whose value has a `prototype`.
 */
function poisoned(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === "object") stack.push(item);
      continue;
    }
    if (Object.hasOwn(node, "__proto__")) return true;
    const record = node as Record<string, unknown>;
    const ctor = record.constructor;
    if (
      Object.hasOwn(node, "constructor") &&
      ctor !== null &&
      typeof ctor === "object" &&
      Object.hasOwn(ctor, "prototype")
    )
      return true;
    for (const key in record) {
      const v = record[key];
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
  return false;
}

/** A task the store knows, or a 404 naming the ones it does. */
async function requireTask(store: LoopaiStore, task: string): Promise<void> {
  if ((await store.getTask(task)) !== undefined) return;
  const known = (await store.listTasks()).join(", ") || "none";
  throw new LoopaiError(`unknown task "${task}" (known: ${known})`, "missing");
}

/** The routes that write require the key, as a bearer token or an X-API-Key header. */
function requireKey(key: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, "");
    if (bearer === key || request.headers["x-api-key"] === key) return;
    await reply.status(401).send({ error: "this route needs the API key (Authorization: Bearer KEY or X-API-Key)" });
  };
}

/** The status and JSON body of an error: the field a validation error is about, a task that does not exist. */
function errorReply(error: FastifyError): { status: number; body: { error: string; field?: string } } {
  if (error.validation !== undefined) {
    const first = error.validation[0];
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const path = [first?.instancePath?.replace(/^\//, "").replaceAll("/", "."), missing ?? extra]
      .filter(Boolean)
      .join(".");
    const where = error.validationContext ?? "body";
    const field = path === "" ? where : path;
    const message =
      extra !== undefined
        ? `${where}: unknown field "${extra}"`
        : `${where}${first?.instancePath ?? ""} ${first?.message ?? "is invalid"}`;
    return { status: 400, body: { error: message, field } };
  }
  if (error instanceof LoopaiError) {
    const status = error.kind === "missing" ? 404 : error.kind === "input" || error.kind === "usage" ? 400 : 500;
    const field = (error.details as { field?: string } | undefined)?.field;
    return { status, body: field === undefined ? { error: error.message } : { error: error.message, field } };
  }
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  return { status, body: { error: status === 500 ? `internal error: ${error.message}` : error.message } };
}
