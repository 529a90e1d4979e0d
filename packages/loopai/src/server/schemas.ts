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
