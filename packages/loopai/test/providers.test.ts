// Provider adapters against a loopback HTTP server speaking each provider's wire format:
// request shapes, usage fields, error bodies, 429 with retry-after, timeouts, garbage.

import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { LlmOracle } from "../src/oracles/llm.js";
import { AnthropicProvider } from "../src/providers/anthropic.js";
import { CircuitBreaker, CircuitBreakerProvider, withBreaker } from "../src/providers/circuit-breaker.js";
import { FallbackChain } from "../src/providers/fallback.js";
import { GeminiProvider, geminiSchema } from "../src/providers/gemini.js";
import { createProviderChain, providerProblem } from "../src/providers/index.js";
import { AzureOpenAiProvider, maxTokensField, OpenAiProvider, strictCompatible } from "../src/providers/openai.js";
import { costOf } from "../src/providers/prices.js";
import type { ProviderError } from "../src/providers/types.js";
import { type ProviderSpec, withDefaults } from "../src/spec.js";

/** A spam/ham label task whose oracle is an OpenAI model. */
const spamSpec = () =>
  withDefaults({
    name: "t",
    input: { type: "text" },
    output: { type: "label", labels: ["spam", "ham"] },
    oracle: { type: "llm", providers: [{ kind: "openai", model: "m" }] },
  });

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

type Script = (seen: Seen, res: ServerResponse, attempt: number) => void;

let server: Server;
let base = "";
const seen: Seen[] = [];
const scripts = new Map<string, Script>();
const attempts = new Map<string, number>();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

before(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const s: Seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: raw ? JSON.parse(raw) : {},
      };
      seen.push(s);
      // Scripts are keyed by the first path segment, which each test picks.
      const key = (req.url ?? "").split("/")[1];
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      const script = scripts.get(key);
      if (!script) return send(res, 404, { error: { message: "no script" } });
      script(s, res, n);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

const fast = { retries: 3, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000 };

const openAiOk = (text: string) => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  model: "gpt-4o-mini",
  choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
  usage: { prompt_tokens: 120, completion_tokens: 3, total_tokens: 123 },
});

describe("OpenAI-compatible chat completions", () => {
  test("sends the chat-completions request and prices the usage", async () => {
    scripts.set("oa1", (_s, res) => send(res, 200, openAiOk("spam")));
    const p = new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/oa1/v1`, apiKey: "sk-test", http: fast });
    const r = await p.complete({ system: "classify", messages: [{ role: "user", content: "hello" }], maxTokens: 5 });
    const req = seen.at(-1) as Seen;
    assert.equal(req.url, "/oa1/v1/chat/completions");
    assert.equal(req.headers.authorization, "Bearer sk-test");
    assert.deepEqual(req.body.messages, [
      { role: "system", content: "classify" },
      { role: "user", content: "hello" },
    ]);
    assert.equal(req.body.model, "gpt-4o-mini");
    // max_tokens is deprecated (and refused by reasoning models): max_completion_tokens instead.
    assert.equal(req.body.max_completion_tokens, 5);
    assert.ok(!("max_tokens" in req.body));
    assert.ok(!("response_format" in req.body), "free text: no response_format");
    assert.equal(r.text, "spam");
    assert.deepEqual(r.usage, { inputTokens: 120, outputTokens: 3 });
    assert.equal(r.cost, costOf("gpt-4o-mini", 120, 3));
    assert.ok(r.cost > 0);
  });

  test("retries a 429 after its retry-after, then succeeds", async () => {
    scripts.set("oa2", (_s, res, n) =>
      n === 1
        ? send(
            res,
            429,
            { error: { message: "Rate limit reached for gpt-4o-mini", type: "requests", code: "rate_limit_exceeded" } },
            { "retry-after": "0.05" },
          )
        : send(res, 200, openAiOk("ham")),
    );
    const r = await new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/oa2/v1`, http: fast }).complete({
      messages: [{ role: "user", content: "x" }],
    });
    assert.equal(r.text, "ham");
    assert.equal(r.attempts, 2);
  });

  test("reports a 401 at once with the provider's message, without retrying", async () => {
    scripts.set("oa3", (_s, res) =>
      send(res, 401, {
        error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" },
      }),
    );
    const p = new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/oa3/v1`, http: fast });
    await assert.rejects(p.complete({ messages: [{ role: "user", content: "x" }] }), (e: ProviderError) => {
      assert.match(e.message, /HTTP 401: Incorrect API key provided/);
      assert.equal(e.retryable, false);
      return true;
    });
    assert.equal(attempts.get("oa3"), 1);
  });

  test("gives up on garbage after its retries, saying what came back", async () => {
    scripts.set("oa4", (_s, res) => send(res, 200, "<html>bad gateway</html>"));
    const p = new OpenAiProvider({ model: "m", baseUrl: `${base}/oa4/v1`, http: { ...fast, retries: 2 } });
    await assert.rejects(p.complete({ messages: [{ role: "user", content: "x" }] }), /malformed response/);
    assert.equal(attempts.get("oa4"), 3);
  });

  test("a refusal and an answer cut off at the token limit are reported as such, not retried", async () => {
    scripts.set("oa6", (_s, res) =>
      send(res, 200, {
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: null, refusal: "I can't help with that." },
            finish_reason: "stop",
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5 },
      }),
    );
    scripts.set("oa7", (_s, res) =>
      send(res, 200, {
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: "sp" }, finish_reason: "length" }],
        usage: { prompt_tokens: 10, completion_tokens: 1 },
      }),
    );
    const provider = (key: string) => new OpenAiProvider({ model: "m", baseUrl: `${base}/${key}/v1`, http: fast });
    await assert.rejects(
      provider("oa6").complete({ messages: [{ role: "user", content: "x" }] }),
      /the model refused: I can't help with that\./,
    );
    await assert.rejects(
      provider("oa7").complete({ messages: [{ role: "user", content: "x" }] }),
      /cut off at the token limit/,
    );
    assert.equal(attempts.get("oa6"), 1);
    assert.equal(attempts.get("oa7"), 1);
  });

  test("times out a silent server", async () => {
    scripts.set("oa5", () => {});
    const p = new OpenAiProvider({
      model: "m",
      baseUrl: `${base}/oa5/v1`,
      http: { ...fast, retries: 1, timeoutMs: 100 },
    });
    await assert.rejects(p.complete({ messages: [{ role: "user", content: "x" }] }), /no response within 100 ms/);
    assert.equal(attempts.get("oa5"), 2);
  });
});

test("Azure OpenAI: deployment URL, api-version and api-key header", async () => {
  scripts.set("az", (_s, res) => send(res, 200, openAiOk("refund")));
  const p = new AzureOpenAiProvider({
    model: "gpt-4o",
    endpoint: `${base}/az`,
    deployment: "prod-4o",
    apiVersion: "2024-10-21",
    apiKey: "azkey",
    http: fast,
  });
  const r = await p.complete({ messages: [{ role: "user", content: "x" }] });
  const req = seen.at(-1) as Seen;
  assert.equal(req.url, "/az/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21");
  assert.equal(req.headers["api-key"], "azkey");
  assert.equal(r.text, "refund");
  assert.equal(r.cost, costOf("gpt-4o", 120, 3));
});

describe("Anthropic Messages", () => {
  test("request shape, headers and usage", async () => {
    scripts.set("an1", (_s, res) =>
      send(res, 200, {
        id: "msg_1",
        type: "message",
        role: "assistant",
        model: "claude-3-5-haiku-latest",
        content: [{ type: "text", text: "spam" }],
        stop_reason: "end_turn",
        usage: { input_tokens: 200, output_tokens: 2 },
      }),
    );
    const p = new AnthropicProvider({
      model: "claude-3-5-haiku-latest",
      baseUrl: `${base}/an1`,
      apiKey: "ak",
      http: fast,
    });
    const r = await p.complete({ system: "sys", messages: [{ role: "user", content: "hi" }], maxTokens: 8 });
    const req = seen.at(-1) as Seen;
    assert.equal(req.url, "/an1/v1/messages");
    assert.equal(req.headers["x-api-key"], "ak");
    assert.equal(req.headers["anthropic-version"], "2023-06-01");
    assert.equal(req.body.system, "sys");
    assert.equal(req.body.max_tokens, 8);
    assert.equal(r.text, "spam");
    assert.equal(r.cost, costOf("claude-3-5-haiku-latest", 200, 2));
  });

  test("an answer cut off at max_tokens, or a refusal, is reported as such and not retried", async () => {
    const message = (stop: string) => ({
      id: "msg_2",
      type: "message",
      role: "assistant",
      model: "claude-3-5-haiku-latest",
      content: [{ type: "text", text: "sp" }],
      stop_reason: stop,
      usage: { input_tokens: 200, output_tokens: 8 },
    });
    scripts.set("an3", (_s, res) => send(res, 200, message("max_tokens")));
    scripts.set("an4", (_s, res) => send(res, 200, message("refusal")));
    const provider = (key: string) =>
      new AnthropicProvider({ model: "claude-3-5-haiku-latest", baseUrl: `${base}/${key}`, apiKey: "ak", http: fast });
    await assert.rejects(
      provider("an3").complete({ messages: [{ role: "user", content: "hi" }], maxTokens: 8 }),
      /the answer was cut off at max_tokens \(8\)/,
    );
    await assert.rejects(
      provider("an4").complete({ messages: [{ role: "user", content: "hi" }] }),
      /refused to answer/,
    );
    assert.equal(attempts.get("an3"), 1);
    assert.equal(attempts.get("an4"), 1);
  });

  test("retries 529 overloaded and 429 rate_limit_error", async () => {
    scripts.set("an2", (_s, res, n) =>
      n === 1
        ? send(res, 529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } })
        : n === 2
          ? send(
              res,
              429,
              { type: "error", error: { type: "rate_limit_error", message: "rate limited" } },
              { "retry-after": "0" },
            )
          : send(res, 200, {
              type: "message",
              content: [{ type: "text", text: "ok" }],
              usage: { input_tokens: 1, output_tokens: 1 },
            }),
    );
    const r = await new AnthropicProvider({ model: "x", baseUrl: `${base}/an2`, http: fast }).complete({
      messages: [{ role: "user", content: "x" }],
    });
    assert.equal(r.text, "ok");
    assert.equal(r.attempts, 3);
  });
});

describe("Gemini generateContent", () => {
  test("request shape and usageMetadata", async () => {
    scripts.set("ge1", (_s, res) =>
      send(res, 200, {
        candidates: [{ content: { role: "model", parts: [{ text: "ham" }] }, finishReason: "STOP" }],
        usageMetadata: { promptTokenCount: 50, candidatesTokenCount: 1, totalTokenCount: 51 },
      }),
    );
    const p = new GeminiProvider({ model: "gemini-2.0-flash", baseUrl: `${base}/ge1`, apiKey: "gk", http: fast });
    const r = await p.complete({ system: "sys", messages: [{ role: "user", content: "hi" }] });
    const req = seen.at(-1) as Seen;
    assert.equal(req.url, "/ge1/v1beta/models/gemini-2.0-flash:generateContent");
    assert.equal(req.headers["x-goog-api-key"], "gk");
    assert.deepEqual(req.body.contents, [{ role: "user", parts: [{ text: "hi" }] }]);
    assert.deepEqual(req.body.systemInstruction, { parts: [{ text: "sys" }] });
    assert.equal(r.text, "ham");
    assert.equal(r.cost, costOf("gemini-2.0-flash", 50, 1));
  });

  test("RESOURCE_EXHAUSTED is reported with Google's message once retries are spent", async () => {
    scripts.set("ge2", (_s, res) =>
      send(res, 429, { error: { code: 429, message: "Quota exceeded", status: "RESOURCE_EXHAUSTED" } }),
    );
    const p = new GeminiProvider({ model: "gemini-2.0-flash", baseUrl: `${base}/ge2`, http: { ...fast, retries: 1 } });
    await assert.rejects(
      p.complete({ messages: [{ role: "user", content: "x" }] }),
      /HTTP 429: Quota exceeded \(RESOURCE_EXHAUSTED\)/,
    );
  });
});

test("a fallback chain moves to the next provider when one fails", async () => {
  scripts.set("fb1", (_s, res) => send(res, 500, { error: { message: "internal" } }));
  scripts.set("fb2", (_s, res) =>
    send(res, 200, {
      type: "message",
      content: [{ type: "text", text: "spam" }],
      usage: { input_tokens: 3, output_tokens: 1 },
    }),
  );
  const chain = new FallbackChain([
    new OpenAiProvider({ model: "m", baseUrl: `${base}/fb1/v1`, http: { ...fast, retries: 1 } }),
    new AnthropicProvider({ model: "claude-3-5-haiku-latest", baseUrl: `${base}/fb2`, http: fast }),
  ]);
  const r = await chain.complete({ messages: [{ role: "user", content: "x" }] });
  assert.equal(r.text, "spam");
  assert.equal(r.provider, "anthropic:claude-3-5-haiku-latest");
  assert.equal(attempts.get("fb1"), 2);
});

test("the LLM oracle rejects an answer outside the label set and reports it", async () => {
  scripts.set("or1", (_s, res) => send(res, 200, openAiOk("probably spam, I think")));
  const spec = spamSpec();
  const oracle = new LlmOracle(
    spec,
    new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/or1/v1`, http: fast }),
  );
  const r = await oracle.ask("buy now");
  assert.equal(r.kind, "error");
  assert.match((r as { error: string }).error, /outside the label set/);
});

describe("the whole call's deadline and quota", () => {
  test("a hanging provider holds a call no longer than totalMs, retries included", async () => {
    scripts.set("hang", () => {});
    const p = new OpenAiProvider({
      model: "m",
      baseUrl: `${base}/hang/v1`,
      http: { ...fast, retries: 10, timeoutMs: 300, totalMs: 700 },
    });
    const started = Date.now();
    await assert.rejects(
      p.complete({ messages: [{ role: "user", content: "x" }] }),
      /gave up: the call's 700 ms are spent/,
    );
    const took = Date.now() - started;
    assert.ok(took < 1500, `${took} ms`);
    assert.ok((attempts.get("hang") ?? 0) <= 3, `${attempts.get("hang")} attempts`);
  });

  test("a 429 insufficient_quota is reported at once, not retried", async () => {
    scripts.set("quota", (_s, res) =>
      send(res, 429, {
        error: {
          message: "You exceeded your current quota, please check your plan and billing details.",
          type: "insufficient_quota",
          code: "insufficient_quota",
        },
      }),
    );
    const p = new OpenAiProvider({ model: "m", baseUrl: `${base}/quota/v1`, http: fast });
    await assert.rejects(p.complete({ messages: [{ role: "user", content: "x" }] }), (e: ProviderError) => {
      assert.match(e.message, /HTTP 429: You exceeded your current quota/);
      assert.equal(e.retryable, false);
      return true;
    });
    assert.equal(attempts.get("quota"), 1);
  });
});

describe("OpenAI structured outputs and cached tokens", () => {
  const completion = (
    content: string,
    usage: Record<string, unknown> = { prompt_tokens: 10, completion_tokens: 2 },
  ) => ({
    object: "chat.completion",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop" }],
    usage,
  });

  test("a label set goes as a strict json_schema enum wrapped in {answer}; the label comes back unwrapped", async () => {
    scripts.set("so1", (_s, res) => send(res, 200, completion('{"answer":"ham"}')));
    const p = new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/so1/v1`, http: fast });
    const r = await p.complete({ messages: [{ role: "user", content: "x" }], output: { labels: ["spam", "ham"] } });
    assert.deepEqual((seen.at(-1) as Seen).body.response_format, {
      type: "json_schema",
      json_schema: {
        name: "answer",
        strict: true,
        schema: {
          type: "object",
          properties: { answer: { type: "string", enum: ["spam", "ham"] } },
          required: ["answer"],
          additionalProperties: false,
        },
      },
    });
    assert.equal(r.text, "ham");
  });

  test("an object schema goes as is (strict only when strict mode takes it); any other root is wrapped and unwrapped", async () => {
    scripts.set("so2", (s, res) => {
      const format = s.body.response_format as { json_schema: { schema: { type: string } } };
      send(
        res,
        200,
        completion(
          format.json_schema.schema.type === "object" && s.url.includes("wrapped") ? '{"answer":[1,2]}' : '{"a":"x"}',
        ),
      );
    });
    const strictSchema = {
      type: "object",
      properties: { a: { type: "string" } },
      required: ["a"],
      additionalProperties: false,
    };
    const looseSchema = {
      type: "object",
      properties: { a: { type: "string" }, b: { type: "number" } },
      required: ["a"],
    };
    const p = new OpenAiProvider({ model: "m", baseUrl: `${base}/so2/v1`, http: fast });
    const strict = await p.complete({ messages: [{ role: "user", content: "x" }], output: { schema: strictSchema } });
    const sentStrict = (seen.at(-1) as Seen).body.response_format as { json_schema: Record<string, unknown> };
    assert.deepEqual(sentStrict.json_schema, { name: "answer", schema: strictSchema, strict: true });
    assert.equal(strict.text, '{"a":"x"}');
    await p.complete({ messages: [{ role: "user", content: "x" }], output: { schema: looseSchema } });
    const sentLoose = (seen.at(-1) as Seen).body.response_format as { json_schema: Record<string, unknown> };
    assert.deepEqual(sentLoose.json_schema, { name: "answer", schema: looseSchema, strict: false });
    const arraySchema = { type: "array", items: { type: "integer" } };
    const wrapped = new OpenAiProvider({ model: "m", baseUrl: `${base}/so2/wrapped/v1`, http: fast });
    const r = await wrapped.complete({ messages: [{ role: "user", content: "x" }], output: { schema: arraySchema } });
    const sentWrapped = (seen.at(-1) as Seen).body.response_format as { json_schema: Record<string, unknown> };
    assert.deepEqual(sentWrapped.json_schema, {
      name: "answer",
      strict: true,
      schema: {
        type: "object",
        properties: { answer: arraySchema },
        required: ["answer"],
        additionalProperties: false,
      },
    });
    assert.equal(r.text, "[1,2]");
    assert.equal(strictCompatible({ type: "object", properties: {}, additionalProperties: false, allOf: [] }), false);
  });

  test("cached prompt tokens are reported and priced at the cached-input price (the input price where none is known)", async () => {
    const usage = {
      prompt_tokens: 2000,
      completion_tokens: 10,
      prompt_tokens_details: { cached_tokens: 1536 },
      completion_tokens_details: { reasoning_tokens: 0 },
    };
    scripts.set("ca1", (_s, res) => send(res, 200, completion("spam", usage)));
    const r = await new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/ca1/v1`, http: fast }).complete({
      messages: [{ role: "user", content: "x" }],
    });
    assert.deepEqual(r.usage, { inputTokens: 2000, outputTokens: 10, cachedInputTokens: 1536, reasoningTokens: 0 });
    // gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million.
    assert.ok(Math.abs(r.cost - (464 * 0.15 + 1536 * 0.075 + 10 * 0.6) / 1e6) < 1e-12, `${r.cost}`);
    assert.ok(r.cost < costOf("gpt-4o-mini", 2000, 10));
    const own = await new OpenAiProvider({
      model: "local",
      baseUrl: `${base}/ca1/v1`,
      http: fast,
      prices: { local: { input: 1, output: 2 } },
    }).complete({ messages: [{ role: "user", content: "x" }] });
    assert.ok(Math.abs(own.cost - (2000 * 1 + 10 * 2) / 1e6) < 1e-12, `${own.cost}`);
  });

  test("an answer withheld by a content filter is reported as such, not retried", async () => {
    scripts.set("cf1", (_s, res) =>
      send(res, 200, {
        choices: [{ index: 0, message: { role: "assistant", content: "" }, finish_reason: "content_filter" }],
        usage: { prompt_tokens: 3, completion_tokens: 0 },
      }),
    );
    const p = new OpenAiProvider({ model: "m", baseUrl: `${base}/cf1/v1`, http: fast });
    await assert.rejects(p.complete({ messages: [{ role: "user", content: "x" }] }), /withheld by a content filter/);
    assert.equal(attempts.get("cf1"), 1);
  });

  test("the LLM oracle asks for its label set as structured output and reads the unwrapped label", async () => {
    scripts.set("or2", (_s, res) => send(res, 200, completion('{"answer":"spam"}')));
    const spec = spamSpec();
    const oracle = new LlmOracle(
      spec,
      new OpenAiProvider({ model: "gpt-4o-mini", baseUrl: `${base}/or2/v1`, http: fast }),
    );
    const r = await oracle.ask("buy now");
    assert.equal(r.kind, "answer");
    assert.equal((r as { output: unknown }).output, "spam");
    const format = (seen.at(-1) as Seen).body.response_format as { json_schema: { schema: Record<string, unknown> } };
    assert.deepEqual(format.json_schema.schema.properties, { answer: { type: "string", enum: ["spam", "ham"] } });
  });
});

describe("Azure OpenAI v1 API and Microsoft Entra ID", () => {
  test("v1: {endpoint}/openai/v1/chat/completions, no api-version, the deployment as model, a bearer token", async () => {
    scripts.set("az1", (_s, res) => send(res, 200, openAiOk("refund")));
    const p = new AzureOpenAiProvider({
      model: "gpt-4o",
      endpoint: `${base}/az1`,
      deployment: "prod-4o",
      apiVersion: "v1",
      token: () => "entra-token",
      apiKey: "azkey",
      http: fast,
    });
    const r = await p.complete({ messages: [{ role: "user", content: "x" }], maxTokens: 7 });
    const req = seen.at(-1) as Seen;
    assert.equal(req.url, "/az1/openai/v1/chat/completions");
    assert.equal(req.headers.authorization, "Bearer entra-token");
    assert.equal(req.headers["api-key"], undefined, "the token, not the key");
    assert.equal(req.body.model, "prod-4o");
    assert.equal(req.body.max_completion_tokens, 7);
    assert.equal(r.text, "refund");
    assert.equal(r.cost, costOf("gpt-4o", 120, 3));
  });

  test("an endpoint ending in /openai/v1 is the v1 API; the dated form has no model in the body", async () => {
    scripts.set("az2", (_s, res) => send(res, 200, openAiOk("ok")));
    await new AzureOpenAiProvider({
      model: "gpt-4o",
      endpoint: `${base}/az2/openai/v1/`,
      deployment: "d1",
      apiKey: "k",
      http: fast,
    }).complete({ messages: [{ role: "user", content: "x" }] });
    assert.equal((seen.at(-1) as Seen).url, "/az2/openai/v1/chat/completions");
    assert.equal((seen.at(-1) as Seen).headers["api-key"], "k");
    await new AzureOpenAiProvider({
      model: "gpt-4o",
      endpoint: `${base}/az2`,
      deployment: "d1",
      apiKey: "k",
      http: fast,
    }).complete({ messages: [{ role: "user", content: "x" }] });
    const dated = seen.at(-1) as Seen;
    assert.equal(dated.url, "/az2/openai/deployments/d1/chat/completions?api-version=2024-10-21");
    assert.ok(!("model" in dated.body));
    // The GA 2024-10-21 knows only max_tokens; previews from 2024-09-01 take max_completion_tokens.
    assert.equal(dated.body.max_tokens, 1024);
    assert.ok(!("max_completion_tokens" in dated.body));
    assert.equal(maxTokensField("2025-04-01-preview"), "max_completion_tokens");
    assert.equal(maxTokensField("2024-08-01-preview"), "max_tokens");
    assert.equal(maxTokensField(), "max_completion_tokens");
  });

  test("a spec's tokenEnv is read on every call; neither key nor token is refused at init", async () => {
    scripts.set("az3", (_s, res) => send(res, 200, openAiOk("ok")));
    const spec: ProviderSpec = {
      kind: "azure",
      model: "gpt-4o",
      baseUrl: `${base}/az3`,
      apiVersion: "v1",
      tokenEnv: "LOOPAI_TEST_ENTRA",
      retries: 0,
    };
    const env: NodeJS.ProcessEnv = { LOOPAI_TEST_ENTRA: "t1" };
    assert.equal(providerProblem(spec, env), undefined);
    const chain = createProviderChain([spec], env);
    await chain.complete({ messages: [{ role: "user", content: "x" }] });
    assert.equal((seen.at(-1) as Seen).headers.authorization, "Bearer t1");
    env.LOOPAI_TEST_ENTRA = "t2"; // refreshed
    await chain.complete({ messages: [{ role: "user", content: "x" }] });
    assert.equal((seen.at(-1) as Seen).headers.authorization, "Bearer t2");

    assert.match(providerProblem(spec, {}) ?? "", /needs a Microsoft Entra ID token in \$LOOPAI_TEST_ENTRA/);
    const keyed: ProviderSpec = { kind: "azure", model: "gpt-4o", baseUrl: "https://x.openai.azure.com" };
    assert.match(
      providerProblem(keyed, {}) ?? "",
      /provider azure \(gpt-4o\) needs an API key in \$AZURE_OPENAI_API_KEY, or a Microsoft Entra ID token/,
    );
    assert.equal(providerProblem(keyed, { AZURE_OPENAI_API_KEY: "k" }), undefined);
    assert.match(providerProblem({ kind: "azure", model: "m" }, { AZURE_OPENAI_API_KEY: "k" }) ?? "", /needs baseUrl/);
    assert.match(
      providerProblem({ kind: "openai", model: "m", baseUrl: "http://x", tokenEnv: "T" }, {}) ?? "",
      /tokenEnv .* is for kind azure/,
    );
  });
});

describe("Anthropic Retry-After and stop_reason", () => {
  test("a 429's retry-after is waited before the next attempt, beyond the backoff's cap", async () => {
    const times: number[] = [];
    scripts.set("ra1", (_s, res, n) => {
      times.push(Date.now());
      if (n === 1)
        send(
          res,
          429,
          { type: "error", error: { type: "rate_limit_error", message: "rate limited" } },
          { "retry-after": "0.3" },
        );
      else send(res, 200, { type: "message", content: [{ type: "text", text: "ok" }], stop_reason: "end_turn" });
    });
    // maxDelayMs 50: the backoff alone would come back far sooner than the provider asked.
    const r = await new AnthropicProvider({ model: "x", baseUrl: `${base}/ra1`, http: fast }).complete({
      messages: [{ role: "user", content: "x" }],
    });
    assert.equal(r.attempts, 2);
    assert.ok(times[1] - times[0] >= 290, `${times[1] - times[0]} ms`);
  });

  test("a retry-after past the call's deadline gives up at once, the wait on the error", async () => {
    scripts.set("ra2", (_s, res) =>
      send(
        res,
        529,
        { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
        { "retry-after": "30" },
      ),
    );
    const started = Date.now();
    await assert.rejects(
      new AnthropicProvider({ model: "x", baseUrl: `${base}/ra2`, http: { ...fast, totalMs: 5000 } }).complete({
        messages: [{ role: "user", content: "x" }],
      }),
      (e: ProviderError) => {
        assert.match(e.message, /HTTP 529: Overloaded \(overloaded_error\)/);
        assert.match(e.message, /gave up: retry-after 30 s is past the call's 5000 ms/);
        assert.equal(e.retryAfterMs, 30_000);
        return true;
      },
    );
    assert.ok(Date.now() - started < 1000);
    assert.equal(attempts.get("ra2"), 1);
  });

  test("a 429 for the spend limit is not retried; an answer cut off at the context window is reported", async () => {
    scripts.set("ra3", (_s, res) =>
      send(res, 429, {
        type: "error",
        error: {
          type: "rate_limit_error",
          message: "monthly spend limit reached",
          details: { error_code: "enforced_spend_limit_reached" },
        },
      }),
    );
    await assert.rejects(
      new AnthropicProvider({ model: "x", baseUrl: `${base}/ra3`, http: fast }).complete({
        messages: [{ role: "user", content: "x" }],
      }),
      /spend limit/,
    );
    assert.equal(attempts.get("ra3"), 1);
    scripts.set("an5", (_s, res) =>
      send(res, 200, {
        type: "message",
        content: [{ type: "text", text: "sp" }],
        stop_reason: "model_context_window_exceeded",
        usage: { input_tokens: 1, output_tokens: 1 },
      }),
    );
    await assert.rejects(
      new AnthropicProvider({ model: "x", baseUrl: `${base}/an5`, http: fast }).complete({
        messages: [{ role: "user", content: "x" }],
      }),
      /cut off at the model's context window/,
    );
    assert.equal(attempts.get("an5"), 1);
  });
});

describe("Gemini thinking, structured output and safety", () => {
  const geminiOk = (
    text: string,
    usage: Record<string, number> = { promptTokenCount: 50, candidatesTokenCount: 1 },
  ) => ({
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP" }],
    usageMetadata: usage,
  });

  test("2.5 Flash: thinking off for a label, the label set as an enum responseSchema, the label read back", async () => {
    scripts.set("gt1", (_s, res) => send(res, 200, geminiOk('"ham"')));
    const p = new GeminiProvider({ model: "gemini-2.5-flash", baseUrl: `${base}/gt1`, http: fast });
    const r = await p.complete({
      messages: [{ role: "user", content: "x" }],
      maxTokens: 16,
      output: { labels: ["spam", "ham"] },
    });
    assert.deepEqual((seen.at(-1) as Seen).body.generationConfig, {
      maxOutputTokens: 16,
      temperature: 0,
      thinkingConfig: { thinkingBudget: 0 },
      responseMimeType: "application/json",
      responseSchema: { type: "STRING", enum: ["spam", "ham"] },
    });
    assert.equal(r.text, "ham");
    // A long answer keeps the model's own thinking; a model without thinking, or one that cannot
    // turn it off (2.5 Pro), is sent no thinkingConfig.
    await p.complete({ messages: [{ role: "user", content: "x" }], maxTokens: 2048 });
    assert.ok(!("thinkingConfig" in ((seen.at(-1) as Seen).body.generationConfig as object)));
    for (const model of ["gemini-2.0-flash", "gemini-2.5-pro"]) {
      await new GeminiProvider({ model, baseUrl: `${base}/gt1`, http: fast }).complete({
        messages: [{ role: "user", content: "x" }],
        maxTokens: 16,
      });
      assert.ok(!("thinkingConfig" in ((seen.at(-1) as Seen).body.generationConfig as object)), model);
    }
  });

  test("a thinkingBudget is sent and added to maxOutputTokens; thought tokens are priced as output", async () => {
    scripts.set("gt2", (_s, res) =>
      send(
        res,
        200,
        geminiOk("ok", {
          promptTokenCount: 50,
          candidatesTokenCount: 5,
          thoughtsTokenCount: 300,
          cachedContentTokenCount: 0,
        }),
      ),
    );
    const p = new GeminiProvider({ model: "gemini-2.5-pro", baseUrl: `${base}/gt2`, http: fast, thinkingBudget: 512 });
    const r = await p.complete({ messages: [{ role: "user", content: "x" }], maxTokens: 100 });
    const config = (seen.at(-1) as Seen).body.generationConfig as Record<string, unknown>;
    assert.deepEqual(config.thinkingConfig, { thinkingBudget: 512 });
    assert.equal(config.maxOutputTokens, 612);
    assert.deepEqual(r.usage, { inputTokens: 50, outputTokens: 305, cachedInputTokens: 0, reasoningTokens: 300 });
    assert.equal(r.cost, costOf("gemini-2.5-pro", 50, 305));
    assert.ok(p.estimateCost({ messages: [{ role: "user", content: "x" }], maxTokens: 100 }) >= (612 * 10) / 1e6);
  });

  test("a JSON schema goes as responseSchema in Gemini's form", async () => {
    scripts.set("gt3", (_s, res) => send(res, 200, geminiOk('{"a":null,"n":3}')));
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { a: { type: ["string", "null"] }, n: { type: "integer", minimum: 0 }, k: { const: "x" } },
      required: ["a"],
      additionalProperties: false,
    };
    const r = await new GeminiProvider({ model: "gemini-2.0-flash", baseUrl: `${base}/gt3`, http: fast }).complete({
      messages: [{ role: "user", content: "x" }],
      output: { schema },
    });
    const config = (seen.at(-1) as Seen).body.generationConfig as Record<string, unknown>;
    assert.equal(config.responseMimeType, "application/json");
    assert.deepEqual(config.responseSchema, {
      type: "OBJECT",
      properties: {
        a: { nullable: true, type: "STRING" },
        n: { type: "INTEGER", minimum: 0 },
        k: { enum: ["x"], type: "STRING" },
      },
      required: ["a"],
    });
    assert.deepEqual(config.responseSchema, geminiSchema(schema));
    assert.equal(r.text, '{"a":null,"n":3}');
  });

  test("safety blocks and an answer cut off by thinking are reported as such, not retried", async () => {
    scripts.set("gs1", (_s, res) =>
      send(res, 200, { promptFeedback: { blockReason: "PROHIBITED_CONTENT" }, usageMetadata: { promptTokenCount: 9 } }),
    );
    scripts.set("gs2", (_s, res) =>
      send(res, 200, {
        candidates: [
          {
            finishReason: "SAFETY",
            safetyRatings: [
              { category: "HARM_CATEGORY_HARASSMENT", probability: "HIGH", blocked: true },
              { category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" },
            ],
          },
        ],
        usageMetadata: { promptTokenCount: 9 },
      }),
    );
    scripts.set("gs3", (_s, res) =>
      send(res, 200, {
        candidates: [{ content: { role: "model", parts: [] }, finishReason: "MAX_TOKENS" }],
        usageMetadata: { promptTokenCount: 9, thoughtsTokenCount: 16 },
      }),
    );
    const p = (key: string, model = "gemini-2.0-flash") =>
      new GeminiProvider({ model, baseUrl: `${base}/${key}`, http: fast });
    const notRetried = (pattern: RegExp) => (e: ProviderError) => {
      assert.match(e.message, pattern);
      assert.equal(e.retryable, false);
      return true;
    };
    await assert.rejects(
      p("gs1").complete({ messages: [{ role: "user", content: "x" }] }),
      notRetried(/the prompt was blocked \(promptFeedback.blockReason PROHIBITED_CONTENT\)/),
    );
    await assert.rejects(
      p("gs2").complete({ messages: [{ role: "user", content: "x" }] }),
      notRetried(/the answer was blocked \(finishReason SAFETY: HARM_CATEGORY_HARASSMENT\)/),
    );
    await assert.rejects(
      p("gs3", "gemini-2.5-pro").complete({ messages: [{ role: "user", content: "x" }], maxTokens: 16 }),
      notRetried(/cut off at maxOutputTokens \(16, 16 of them spent thinking: set thinkingBudget\)/),
    );
    for (const key of ["gs1", "gs2", "gs3"]) assert.equal(attempts.get(key), 1, key);
  });
});

describe("circuit breakers", () => {
  const failing = (res: ServerResponse) => send(res, 503, { error: { message: "upstream unavailable" } });
  const ask = (p: { complete: OpenAiProvider["complete"] }) =>
    p.complete({ messages: [{ role: "user", content: "x" }] });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test("opens after N failed calls in a row: while open the server sees no request and the error says when", async () => {
    scripts.set("cb1", (_s, res) => failing(res));
    const p = withBreaker(
      new OpenAiProvider({ model: "m", baseUrl: `${base}/cb1/v1`, http: { ...fast, retries: 0 } }),
      `${base}/cb1`,
      {
        failures: 3,
        cooldownMs: 300,
      },
    );
    for (let i = 0; i < 3; i++) await assert.rejects(ask(p), /HTTP 503/);
    assert.equal(p.breaker.state, "open");
    const started = Date.now();
    await assert.rejects(ask(p), (e: ProviderError) => {
      assert.match(
        e.message,
        /not called, its circuit breaker is open for 1 s more \(3 failures in a row, the last: .*HTTP 503/,
      );
      assert.ok(e.retryAfterMs !== undefined && e.retryAfterMs > 0 && e.retryAfterMs <= 300, `${e.retryAfterMs}`);
      return true;
    });
    assert.ok(Date.now() - started < 50, "refused at once");
    assert.equal(attempts.get("cb1"), 3, "the server saw no fourth request");
  });

  test("half-opens after the cooldown for one trial call: a failure reopens it for twice as long, a success closes it", async () => {
    let healthy = false;
    let slow = 0;
    scripts.set("cb2", (_s, res) => {
      if (!healthy) return failing(res);
      setTimeout(() => send(res, 200, openAiOk("ok")), slow);
    });
    const breaker = new CircuitBreaker({ failures: 2, cooldownMs: 150, maxCooldownMs: 10_000 });
    const p = new CircuitBreakerProvider(
      new OpenAiProvider({ model: "m", baseUrl: `${base}/cb2/v1`, http: { ...fast, retries: 0 } }),
      breaker,
    );
    await assert.rejects(ask(p));
    await assert.rejects(ask(p));
    assert.equal(breaker.state, "open");
    await sleep(170);
    assert.equal(breaker.state, "half-open");
    await assert.rejects(ask(p), /HTTP 503/); // the trial call, and it fails
    assert.equal(attempts.get("cb2"), 3);
    const wait = breaker.unavailableForMs();
    assert.ok(wait > 150 && wait <= 300, `reopened for ${wait} ms (doubled)`);
    await sleep(wait + 20);
    // Half open again, the server healthy and slow: of three calls at once, one goes through.
    healthy = true;
    slow = 100;
    const results = await Promise.allSettled([ask(p), ask(p), ask(p)]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    assert.equal(attempts.get("cb2"), 4);
    assert.equal(breaker.state, "closed");
    slow = 0;
    await ask(p);
    assert.equal(attempts.get("cb2"), 5);
  });

  test("a 429 with Retry-After: 1 opens it for about a second", async () => {
    let limited = true;
    scripts.set("cb3", (_s, res) =>
      limited
        ? send(res, 429, { error: { message: "Rate limit reached", type: "requests" } }, { "retry-after": "1" })
        : send(res, 200, openAiOk("ok")),
    );
    const p = withBreaker(
      new OpenAiProvider({ model: "m", baseUrl: `${base}/cb3/v1`, http: { ...fast, retries: 0 } }),
      `${base}/cb3`,
    );
    await assert.rejects(ask(p), (e: ProviderError) => e.retryAfterMs === 1000);
    assert.equal(p.breaker.state, "open", "one 429 with Retry-After opens it (the default threshold is 5)");
    const wait = p.unavailableForMs();
    assert.ok(wait > 900 && wait <= 1000, `${wait} ms`);
    await assert.rejects(ask(p), /circuit breaker is open for 1 s more/);
    assert.equal(attempts.get("cb3"), 1);
    limited = false;
    await sleep(wait + 30);
    assert.equal((await ask(p)).text, "ok");
    assert.equal(attempts.get("cb3"), 2);
    assert.equal(p.breaker.state, "closed");
  });

  test("a refusal or a 400 is an answer, not a failure", async () => {
    scripts.set("cb4", (_s, res) =>
      send(res, 400, { error: { message: "bad request", type: "invalid_request_error" } }),
    );
    const p = withBreaker(new OpenAiProvider({ model: "m", baseUrl: `${base}/cb4/v1`, http: fast }), `${base}/cb4`, {
      failures: 1,
    });
    await assert.rejects(ask(p), /HTTP 400/);
    await assert.rejects(ask(p), /HTTP 400/);
    assert.equal(p.breaker.state, "closed");
  });

  test("a chain skips a provider whose breaker is open; with every breaker open it fails at once, saying when", async () => {
    scripts.set("cb5", (_s, res) => failing(res));
    let secondUp = true;
    scripts.set("cb6", (_s, res) => (secondUp ? send(res, 200, openAiOk("from the second")) : failing(res)));
    const http = { ...fast, retries: 0 };
    const chain = new FallbackChain([
      withBreaker(new OpenAiProvider({ model: "m", baseUrl: `${base}/cb5/v1`, http }), `${base}/cb5`, {
        failures: 1,
        cooldownMs: 5000,
      }),
      withBreaker(new OpenAiProvider({ model: "m2", baseUrl: `${base}/cb6/v1`, http }), `${base}/cb6`, {
        failures: 1,
        cooldownMs: 3000,
      }),
    ]);
    assert.equal((await chain.complete({ messages: [{ role: "user", content: "x" }] })).text, "from the second");
    assert.equal((await chain.complete({ messages: [{ role: "user", content: "x" }] })).text, "from the second");
    assert.equal(attempts.get("cb5"), 1, "skipped while its breaker is open");
    secondUp = false;
    await assert.rejects(chain.complete({ messages: [{ role: "user", content: "x" }] }), (e: ProviderError) => {
      assert.match(e.message, /skipped, its circuit breaker is open/);
      assert.match(e.message, /every circuit breaker is now open; the first reopens in 3 s/);
      return true;
    });
    const started = Date.now();
    await assert.rejects(chain.complete({ messages: [{ role: "user", content: "x" }] }), (e: ProviderError) => {
      assert.match(e.message, /every provider's circuit breaker is open \(openai:m for 5 s, openai:m2 for 3 s\)/);
      assert.ok(e.retryAfterMs !== undefined && e.retryAfterMs > 2900 && e.retryAfterMs <= 3000, `${e.retryAfterMs}`);
      assert.equal(e.retryable, true);
      return true;
    });
    assert.ok(Date.now() - started < 50);
    assert.equal(attempts.get("cb5"), 1);
    assert.equal(attempts.get("cb6"), 3);
  });

  test("chains built from the same provider spec share its breaker; another endpoint has its own", async () => {
    scripts.set("cb7", (_s, res) => failing(res));
    scripts.set("cb8", (_s, res) => send(res, 200, openAiOk("ok")));
    const spec = (key: string): ProviderSpec => ({
      kind: "openai",
      model: "gpt-4o-mini",
      baseUrl: `${base}/${key}/v1`,
      retries: 0,
      breaker: { failures: 2, cooldownMs: 60_000 },
    });
    const a = createProviderChain([spec("cb7")], {});
    const b = createProviderChain([spec("cb7")], {});
    await assert.rejects(ask(a), /HTTP 503/);
    await assert.rejects(ask(b), /HTTP 503/);
    await assert.rejects(ask(createProviderChain([spec("cb7")], {})), /circuit breaker is open for 60 s more/);
    assert.equal(attempts.get("cb7"), 2);
    assert.equal((await ask(createProviderChain([spec("cb8")], {}))).text, "ok");
  });
});
