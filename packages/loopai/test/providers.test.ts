// Provider adapters against a loopback HTTP server speaking each provider's wire format:
// request shapes, usage fields, error bodies, 429 with retry-after, timeouts, garbage.

import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { LlmOracle } from "../src/oracles/llm.js";
import { AnthropicProvider } from "../src/providers/anthropic.js";
import { FallbackChain } from "../src/providers/fallback.js";
import { GeminiProvider } from "../src/providers/gemini.js";
import { AzureOpenAiProvider, OpenAiProvider } from "../src/providers/openai.js";
import { costOf } from "../src/providers/prices.js";
import type { ProviderError } from "../src/providers/types.js";
import { withDefaults } from "../src/spec.js";

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
  const spec = withDefaults({
    name: "t",
    input: { type: "text" },
    output: { type: "label", labels: ["spam", "ham"] },
    oracle: { type: "llm", providers: [{ kind: "openai", model: "m" }] },
  });
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
