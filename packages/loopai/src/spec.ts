// Task specifications: the YAML/JSON file a user writes, its JSON schema, and loading with errors
// that say what was wrong and where (file:line for YAML and JSON alike).

import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { LoopaiError } from "./errors.js";

export type JsonSchema = Record<string, unknown>;

/** What the task is given; `maxBytes` bounds one input (default 1 MiB, validation.ts). */
export type InputSpec = { type: "text"; maxBytes?: number } | { type: "json"; schema: JsonSchema; maxBytes?: number };
export type OutputSpec = { type: "label"; labels: string[] } | { type: "json"; schema: JsonSchema };

export interface Example {
  input: unknown;
  output: unknown;
}

export type SamplingStrategy = "random" | "stratified" | "uncertainty" | "adaptive";

export interface SamplingSpec {
  strategy: SamplingStrategy;
  /** Target fraction of requests sent to the oracle (the starting rate for adaptive). */
  rate: number;
  /** Adaptive: the bounds the rate moves between. */
  minRate?: number;
  maxRate?: number;
  /** Uncertainty: answers below this confidence always qualify (still capped at `rate`). */
  confidenceThreshold?: number;
  /** Uncertainty: share of the budget spent on uniformly random items, for an unbiased agreement estimate. */
  explore?: number;
  seed?: number;
}

export interface ProviderSpec {
  kind: "openai" | "anthropic" | "gemini" | "azure";
  model: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  /** Azure: deployment name and api-version. */
  deployment?: string;
  apiVersion?: string;
  /** One attempt's deadline, the retries after a failed one, and the whole call's deadline. */
  timeoutMs?: number;
  retries?: number;
  totalMs?: number;
  /** Azure: the variable holding a Microsoft Entra ID token (sent as a bearer token instead of the key). */
  tokenEnv?: string;
  /** Gemini: thinkingConfig.thinkingBudget (0 off, -1 dynamic); default 0 for short answers on 2.5 Flash. */
  thinkingBudget?: number;
  /** Circuit breaker: failed calls in a row that open it (5), its first cooldown (30 s) and cap (10 min). */
  breaker?: { failures?: number; cooldownMs?: number; maxCooldownMs?: number };
}

export type OracleSpec =
  | { type: "dataset"; path: string; inputField?: string; outputField?: string; costPerCall?: number }
  | { type: "human"; costPerCall?: number }
  | { type: "llm"; providers: ProviderSpec[]; costPerCall?: number; temperature?: number };

export type Comparison = "exact" | "normalized" | "json" | "numeric";

export interface ImprovementSpec {
  /** Regenerate after this many new oracle labels have accumulated (and on agreement drops). */
  minNewLabels: number;
  /** ...or once the labelled set has grown by this factor since the last generation. */
  growthFactor: number;
  /**
   * The largest share of the time that training on new labels may take (0 < share ≤ 1): after a
   * training that took T, the next waits (1/share − 1)·T. A busy server labels faster than it trains,
   * and without pacing a training thread runs without end beside the requests on the same cores.
   * Drift (agreement below target) is not paced.
   */
  maxTrainingShare: number;
  rollout: "canary" | "immediate";
  canaryStages: number[];
  /** Requests served (by either program) that each canary stage lasts: the rollout's schedule. */
  requestsPerStage: number;
  /** Paired comparisons (labelled requests both programs answered) the canary needs before 100%. */
  minComparisons: number;
  /** Significance level for declaring a regression (rollback). */
  alpha: number;
  requireApproval: boolean;
}

export interface TaskSpec {
  name: string;
  description: string;
  input: InputSpec;
  output: OutputSpec;
  examples: Example[];
  accuracyTarget: number;
  sampling: SamplingSpec;
  oracle: OracleSpec;
  budget: { maxOracleCalls?: number; maxGenerationCost?: number };
  comparison: Comparison;
  numericTolerance: number;
  /** What answers a request when the active program fails: the previous good version, or the oracle. */
  onProgramError: "previous" | "oracle";
  improvement: ImprovementSpec;
  /** `deadlineMs`: how long generated code may take per input (default the worker pool's, 100 ms). */
  synthesis: { strategies?: string[]; codegen?: boolean; maxChars?: number; deadlineMs?: number };
  serving: ServingSpec;
}

/** How requests meet the oracle. */
export interface ServingSpec {
  /**
   * A cascade: a request whose answer the sampling policy picked for low confidence waits for the
   * oracle's answer, at most `deadlineMs`, and is served that; past the deadline it gets the
   * program's answer. Without it, no request waits for the oracle while a program can answer.
   */
  cascade?: { deadlineMs: number };
  /** Oracle calls in flight at once, per task and process (default 4). */
  oracleConcurrency: number;
  /** Samples waiting for the oracle beyond which new ones are dropped and counted (default 1,000). */
  oracleBacklog: number;
}

const providerSchema = {
  type: "object",
  required: ["kind", "model"],
  additionalProperties: false,
  properties: {
    kind: { enum: ["openai", "anthropic", "gemini", "azure"] },
    model: { type: "string", minLength: 1 },
    baseUrl: { type: "string" },
    apiKeyEnv: { type: "string" },
    deployment: { type: "string" },
    apiVersion: { type: "string" },
    timeoutMs: { type: "integer", minimum: 1 },
    retries: { type: "integer", minimum: 0, maximum: 10 },
    totalMs: { type: "integer", minimum: 1 },
    tokenEnv: { type: "string", minLength: 1 },
    thinkingBudget: { type: "integer", minimum: -1 },
    breaker: {
      type: "object",
      additionalProperties: false,
      properties: {
        failures: { type: "integer", minimum: 1 },
        cooldownMs: { type: "integer", minimum: 1 },
        maxCooldownMs: { type: "integer", minimum: 1 },
      },
    },
  },
};

/** The schema every spec is checked against (exported so editors can use it). */
export const taskSpecSchema = {
  type: "object",
  required: ["name", "input", "output", "oracle"],
  additionalProperties: false,
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" },
    description: { type: "string" },
    input: {
      oneOf: [
        {
          type: "object",
          required: ["type"],
          additionalProperties: false,
          properties: { type: { const: "text" }, maxBytes: { type: "integer", minimum: 1 } },
        },
        {
          type: "object",
          required: ["type", "schema"],
          additionalProperties: false,
          properties: {
            type: { const: "json" },
            schema: { type: "object" },
            maxBytes: { type: "integer", minimum: 1 },
          },
        },
      ],
    },
    output: {
      oneOf: [
        {
          type: "object",
          required: ["type", "labels"],
          additionalProperties: false,
          properties: {
            type: { const: "label" },
            labels: { type: "array", minItems: 2, uniqueItems: true, items: { type: "string", minLength: 1 } },
          },
        },
        {
          type: "object",
          required: ["type", "schema"],
          additionalProperties: false,
          properties: { type: { const: "json" }, schema: { type: "object" } },
        },
      ],
    },
    examples: {
      type: "array",
      items: { type: "object", required: ["input", "output"], properties: { input: {}, output: {} } },
    },
    accuracyTarget: { type: "number", exclusiveMinimum: 0, maximum: 1 },
    sampling: {
      type: "object",
      required: ["strategy", "rate"],
      additionalProperties: false,
      properties: {
        strategy: { enum: ["random", "stratified", "uncertainty", "adaptive"] },
        rate: { type: "number", minimum: 0, maximum: 1 },
        minRate: { type: "number", minimum: 0, maximum: 1 },
        maxRate: { type: "number", minimum: 0, maximum: 1 },
        confidenceThreshold: { type: "number", minimum: 0, maximum: 1 },
        explore: { type: "number", minimum: 0, maximum: 1 },
        seed: { type: "integer" },
      },
    },
    oracle: {
      oneOf: [
        {
          type: "object",
          required: ["type", "path"],
          additionalProperties: false,
          properties: {
            type: { const: "dataset" },
            path: { type: "string" },
            inputField: { type: "string" },
            outputField: { type: "string" },
            costPerCall: { type: "number", minimum: 0 },
          },
        },
        {
          type: "object",
          required: ["type"],
          additionalProperties: false,
          properties: { type: { const: "human" }, costPerCall: { type: "number", minimum: 0 } },
        },
        {
          type: "object",
          required: ["type", "providers"],
          additionalProperties: false,
          properties: {
            type: { const: "llm" },
            providers: { type: "array", minItems: 1, items: providerSchema },
            costPerCall: { type: "number", minimum: 0 },
            temperature: { type: "number", minimum: 0, maximum: 2 },
          },
        },
      ],
    },
    budget: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxOracleCalls: { type: "integer", minimum: 0 },
        maxGenerationCost: { type: "number", minimum: 0 },
      },
    },
    comparison: { enum: ["exact", "normalized", "json", "numeric"] },
    numericTolerance: { type: "number", minimum: 0 },
    onProgramError: { enum: ["previous", "oracle"] },
    improvement: {
      type: "object",
      additionalProperties: false,
      properties: {
        minNewLabels: { type: "integer", minimum: 1 },
        growthFactor: { type: "number", minimum: 1 },
        maxTrainingShare: { type: "number", exclusiveMinimum: 0, maximum: 1 },
        rollout: { enum: ["canary", "immediate"] },
        canaryStages: { type: "array", minItems: 1, items: { type: "number", exclusiveMinimum: 0, maximum: 1 } },
        requestsPerStage: { type: "integer", minimum: 1 },
        minComparisons: { type: "integer", minimum: 0 },
        alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        requireApproval: { type: "boolean" },
      },
    },
    synthesis: {
      type: "object",
      additionalProperties: false,
      properties: {
        strategies: { type: "array", items: { enum: ["rules", "tree", "logreg", "bayes", "extract", "codegen"] } },
        codegen: { type: "boolean" },
        maxChars: { type: "integer", minimum: 16 },
        deadlineMs: { type: "integer", minimum: 1 },
      },
    },
    serving: {
      type: "object",
      additionalProperties: false,
      properties: {
        cascade: {
          type: "object",
          required: ["deadlineMs"],
          additionalProperties: false,
          properties: { deadlineMs: { type: "integer", minimum: 1 } },
        },
        oracleConcurrency: { type: "integer", minimum: 1, maximum: 256 },
        oracleBacklog: { type: "integer", minimum: 0 },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSpecSchema: ValidateFunction = ajv.compile(taskSpecSchema);

/** Where each JSON pointer lands in the source text, so errors can name a line. */
type Locator = (pointer: string[]) => number | undefined;

/** Fields an earlier version of the spec had, and what replaced them. */
const REPLACED: Record<string, string> = {
  samplesPerStage:
    "canary stages now advance on a schedule of served requests (requestsPerStage) while every labelled request is tested",
};

function describeAjvError(e: ErrorObject): string {
  if (e.keyword === "additionalProperties") {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    return `unknown field "${field}"${Object.hasOwn(REPLACED, field) ? ` (${REPLACED[field]})` : ""}`;
  }
  if (e.keyword === "enum")
    return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "required")
    return `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === "const") return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  return e.message ?? e.keyword;
}

/** Ajv reports every oneOf branch's complaints; keep the ones from the branch the user evidently meant. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const typed = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "if");
  // Branches whose discriminating `type` const failed are not what the user meant.
  const wrongBranch = new Set(
    typed
      .filter((e) => e.keyword === "const" && e.instancePath.endsWith("/type"))
      .map((e) => e.schemaPath.split("/properties/type")[0]),
  );
  const meant = typed.filter((e) => ![...wrongBranch].some((b) => e.schemaPath.startsWith(`${b}/`)));
  const chosen = meant.length > 0 ? meant : typed;
  const seen = new Set<string>();
  return chosen.filter((e) => {
    const key = `${e.instancePath}|${describeAjvError(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface SpecProblem {
  path: string;
  line?: number;
  message: string;
}

/** Checks a parsed spec object against the schema and the rules a schema cannot say; fills defaults. */
export function validateSpec(raw: unknown, where = "spec", locate?: Locator): TaskSpec {
  const problems: SpecProblem[] = [];
  if (!validateSpecSchema(raw)) {
    for (const e of pickErrors(validateSpecSchema.errors ?? [])) {
      const pointer = e.instancePath.split("/").slice(1);
      if (e.keyword === "additionalProperties")
        pointer.push((e.params as { additionalProperty: string }).additionalProperty);
      problems.push({ path: e.instancePath || "/", line: locate?.(pointer), message: describeAjvError(e) });
    }
  } else {
    const spec = raw as Partial<TaskSpec> & Pick<TaskSpec, "name" | "input" | "output" | "oracle">;
    const outputSchema = spec.output.type === "json" ? spec.output.schema : undefined;
    let outputValidator: ValidateFunction | undefined;
    if (outputSchema) {
      try {
        outputValidator = new Ajv({ strict: false }).compile(outputSchema);
      } catch (err) {
        problems.push({
          path: "/output/schema",
          line: locate?.(["output", "schema"]),
          message: `not a valid JSON schema: ${(err as Error).message}`,
        });
      }
    }
    (spec.examples ?? []).forEach((ex, i) => {
      if (spec.output.type === "label" && !spec.output.labels.includes(String(ex.output))) {
        problems.push({
          path: `/examples/${i}/output`,
          line: locate?.(["examples", String(i), "output"]),
          message: `label ${JSON.stringify(ex.output)} is not one of ${spec.output.labels.join(", ")}`,
        });
      }
      if (outputValidator && !outputValidator(ex.output)) {
        problems.push({
          path: `/examples/${i}/output`,
          line: locate?.(["examples", String(i), "output"]),
          message: `does not match the output schema: ${ajv.errorsText(outputValidator.errors)}`,
        });
      }
      if (spec.input.type === "text" && typeof ex.input !== "string") {
        problems.push({
          path: `/examples/${i}/input`,
          line: locate?.(["examples", String(i), "input"]),
          message: "input must be a string for a text task",
        });
      }
    });
    const s = spec.sampling;
    if (s?.minRate !== undefined && s.maxRate !== undefined && s.minRate > s.maxRate) {
      problems.push({
        path: "/sampling",
        line: locate?.(["sampling"]),
        message: `minRate (${s.minRate}) is above maxRate (${s.maxRate})`,
      });
    }
    if (spec.serving?.cascade && s && s.strategy !== "uncertainty" && s.strategy !== "adaptive") {
      problems.push({
        path: "/serving/cascade",
        line: locate?.(["serving", "cascade"]),
        message: `a cascade waits for the oracle on low-confidence answers, which only the uncertainty and adaptive sampling strategies pick (sampling.strategy is "${s.strategy}")`,
      });
    }
    const stages = spec.improvement?.canaryStages;
    if (stages && stages[stages.length - 1] !== 1) {
      problems.push({
        path: "/improvement/canaryStages",
        line: locate?.(["improvement", "canaryStages"]),
        message: "the last canary stage must be 1 (100%)",
      });
    }
  }
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${where}${p.line !== undefined ? `:${p.line}` : ""}: ${p.path}: ${p.message}`);
    throw new LoopaiError(
      `invalid task spec (${problems.length} problem${problems.length > 1 ? "s" : ""}):\n${lines.join("\n")}`,
      "spec",
      problems,
    );
  }
  return withDefaults(raw as TaskSpec);
}

export function withDefaults(
  spec: Partial<TaskSpec> & Pick<TaskSpec, "name" | "input" | "output" | "oracle">,
): TaskSpec {
  const improvement: ImprovementSpec = {
    minNewLabels: 200,
    growthFactor: 1.25,
    maxTrainingShare: 0.25,
    rollout: "canary",
    canaryStages: [0.05, 0.25, 0.5, 1],
    // 100 requests a stage: at the default 5% sampling rate about 5 paired comparisons a stage and
    // 15 before full traffic; a candidate that loses 5 discordant pairs in a row is already
    // significant (exact McNemar, p = 1/32), so a bad candidate is usually stopped within the first
    // stages, while a good one reaches 100% in 300 requests, well inside the 200 new labels
    // (~4,000 requests at 5%) that trigger the next regeneration.
    requestsPerStage: 100,
    // Promotion to 100% is never made on no evidence (a human oracle or a spent budget can leave a
    // canary without labels): the last stage waits until this many paired comparisons are in.
    minComparisons: 10,
    alpha: 0.05,
    requireApproval: false,
    ...spec.improvement,
  };
  return {
    description: "",
    examples: [],
    accuracyTarget: 0.95,
    budget: {},
    comparison: spec.output.type === "json" ? "json" : "exact",
    numericTolerance: 1e-6,
    onProgramError: "previous",
    synthesis: {},
    ...spec,
    sampling: { strategy: "uncertainty", rate: 0.05, ...spec.sampling },
    serving: { oracleConcurrency: 4, oracleBacklog: 1000, ...spec.serving },
    improvement,
  } as TaskSpec;
}

/** Parses YAML or JSON text (JSON is YAML) and validates it. `where` names the source in errors. */
export function parseSpec(text: string, where = "spec"): TaskSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new LoopaiError(
      `invalid task spec: ${where}${pos ? `:${pos.line}:${pos.col}` : ""}: ${e.message.split("\n")[0]}`,
      "spec",
    );
  }
  const locate: Locator = (pointer) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of pointer) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === key);
        if (!pair) break;
        const range = (pair.key as { range?: [number, number, number] })?.range;
        if (range) line = lineCounter.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        if (item.range) line = lineCounter.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    if (line === undefined && (doc.contents as { range?: number[] })?.range) line = 1;
    return line;
  };
  return validateSpec(doc.toJS(), where, locate);
}

export function loadSpecFile(path: string): TaskSpec {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new LoopaiError(
      `cannot read task spec ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      "spec",
    );
  }
  const spec = parseSpec(text, path);
  // A dataset path in a spec is relative to the spec file, not to wherever loopai runs.
  if (spec.oracle.type === "dataset" && !isAbsolute(spec.oracle.path))
    spec.oracle.path = resolve(dirname(path), spec.oracle.path);
  return spec;
}
