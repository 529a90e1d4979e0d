// The HTTP API's request and response shapes, as JSON schemas: Fastify validates requests and
// serialises responses with them, and @fastify/swagger turns them into the OpenAPI document served
// at GET /openapi.json. One place for every shape the API speaks.

/** Any JSON value: a task's input or output, typed by its spec, checked by the loop. */
const anyJson = {};

export const taskParams = {
  type: "object",
  required: ["task"],
  properties: { task: { type: "string", minLength: 1, maxLength: 200 } },
} as const;

export const reviewParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer", minimum: 1 } },
} as const;

export const executeBody = {
  type: "object",
  required: ["input"],
  additionalProperties: false,
  properties: { input: anyJson },
} as const;

/** How many inputs one execute-batch request may carry. */
export const MAX_BATCH = 10_000;

export const executeBatchBody = {
  type: "object",
  required: ["inputs"],
  additionalProperties: false,
  properties: { inputs: { type: "array", maxItems: MAX_BATCH, items: anyJson } },
} as const;

export const feedbackBody = {
  type: "object",
  required: ["input", "output"],
  additionalProperties: false,
  properties: { input: anyJson, output: anyJson },
} as const;

export const reviewBody = {
  type: "object",
  required: ["label"],
  additionalProperties: false,
  properties: { label: anyJson },
} as const;

export const reviewsQuery = {
  type: "object",
  properties: { limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
} as const;

const answer = {
  type: "object",
  required: ["output", "confidence", "version", "servedBy"],
  properties: {
    output: anyJson,
    confidence: { type: "number" },
    version: { type: ["integer", "null"] },
    servedBy: { type: "string", enum: ["program", "previous", "oracle", "none"] },
  },
} as const;

export const executeResponse = { 200: answer } as const;

export const executeBatchResponse = {
  200: { type: "object", required: ["results"], properties: { results: { type: "array", items: answer } } },
} as const;

export const feedbackResponse = {
  200: {
    type: "object",
    properties: { agree: { type: ["boolean", "null"] }, version: { type: ["integer", "null"] } },
  },
} as const;

/** `loopai status` as JSON: the named figures, and the rest of TaskStatus as it is. */
const taskStatus = {
  type: "object",
  additionalProperties: true,
  properties: {
    task: { type: "string" },
    activeVersion: { type: ["integer", "null"] },
    requests: { type: "integer" },
    labels: { type: "integer" },
    answeredBy: { type: "object", additionalProperties: { type: "integer" } },
    agreement: { type: "object", additionalProperties: true },
    oracle: { type: "object", additionalProperties: true },
    pendingReviews: { type: "integer" },
    versions: { type: "integer" },
    cost: { type: "object", additionalProperties: true },
  },
} as const;

export const taskResponse = { 200: taskStatus } as const;

export const tasksResponse = {
  200: { type: "object", required: ["tasks"], properties: { tasks: { type: "array", items: taskStatus } } },
} as const;

export const reviewsResponse = {
  200: {
    type: "object",
    required: ["items"],
    properties: {
      /** What a label must be: one of the task's labels, or JSON its output schema accepts. */
      output: {
        type: "object",
        required: ["type"],
        properties: {
          type: { type: "string", enum: ["label", "json"] },
          labels: { type: "array", items: { type: "string" } },
        },
      },
      items: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "integer" },
            version: { type: "integer" },
            input: anyJson,
            predicted: anyJson,
            confidence: { type: "number" },
          },
        },
      },
    },
  },
} as const;

/** `GET /v1/tasks/{task}/versions`: every version without its program, and the audit log (as `loopai versions --json`). */
export const versionsResponse = {
  200: {
    type: "object",
    required: ["task", "versions", "audit"],
    properties: {
      task: { type: "string" },
      versions: {
        type: "array",
        items: {
          type: "object",
          required: ["version", "strategy", "kind", "status", "accuracy", "createdAt"],
          properties: {
            task: { type: "string" },
            version: { type: "integer" },
            strategy: { type: "string" },
            kind: { type: "string", enum: ["data", "code"] },
            trainingHash: { type: "string" },
            trainingSize: { type: "integer" },
            /** Held-out accuracy and its Wilson interval; the estimate is null when never measured. */
            accuracy: {
              type: "object",
              properties: {
                estimate: { type: ["number", "null"] },
                low: { type: "number" },
                high: { type: "number" },
              },
            },
            holdoutSize: { type: "integer" },
            /** Measured mean execution time per input, microseconds. */
            costMicros: { type: "number" },
            /** Dollars and milliseconds its generation took. */
            generationCost: { type: "number" },
            generationMs: { type: "number" },
            status: {
              type: "string",
              enum: ["candidate", "canary", "active", "retired", "rejected", "rolled_back", "superseded"],
            },
            createdAt: { type: "string" },
            parent: { type: "integer" },
            notes: { type: "string" },
          },
        },
      },
      audit: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "at", "action", "fromVersion", "toVersion"],
          properties: {
            id: { type: "integer" },
            task: { type: "string" },
            at: { type: "string" },
            /** activate, canary-start, canary-advance, awaiting-approval, promote, rollback, reject, ... */
            action: { type: "string" },
            fromVersion: { type: ["integer", "null"] },
            toVersion: { type: ["integer", "null"] },
            detail: anyJson,
          },
        },
      },
    },
  },
} as const;

export const agreementQuery = {
  type: "object",
  properties: {
    /** The most recent samples to look at (500: the window `loopai status` uses). */
    limit: { type: "integer", minimum: 1, maximum: 100_000, default: 500 },
    buckets: { type: "integer", minimum: 1, maximum: 500, default: 20 },
    by: { type: "string", enum: ["count", "time"], default: "count" },
  },
} as const;

const agreementTally = {
  agreed: { type: "integer" },
  total: { type: "integer" },
  errors: { type: "integer" },
  estimate: { type: ["number", "null"] },
  low: { type: ["number", "null"] },
  high: { type: ["number", "null"] },
} as const;

/** `GET /v1/tasks/{task}/agreement`: the task's recent comparisons with the oracle, in buckets (agreement.ts). */
export const agreementResponse = {
  200: {
    type: "object",
    required: ["task", "by", "samples", "agreed", "total", "buckets"],
    properties: {
      task: { type: "string" },
      by: { type: "string", enum: ["count", "time"] },
      samples: { type: "integer" },
      ...agreementTally,
      buckets: {
        type: "array",
        items: {
          type: "object",
          required: ["start", "end", "first", "last", "agreed", "total", "errors", "estimate", "low", "high"],
          properties: {
            start: { type: ["string", "null"] },
            end: { type: ["string", "null"] },
            first: { type: "integer" },
            last: { type: "integer" },
            ...agreementTally,
            versions: { type: "array", items: { type: "integer" } },
          },
        },
      },
    },
  },
} as const;

export const reviewResponse = { 200: { type: "object", properties: { agree: { type: "boolean" } } } } as const;

export const healthResponse = {
  200: { type: "object", properties: { status: { type: "string" }, tasks: { type: "integer" } } },
} as const;

/** Every error: what was wrong, and the request field it was about when there is one. */
export const errorResponse = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "string" }, field: { type: "string" } },
} as const;
