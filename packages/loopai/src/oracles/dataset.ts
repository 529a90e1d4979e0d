// A labelled set as the oracle: answers come from a JSON Lines / JSON file (or pairs in memory).

import { readFileSync } from "node:fs";
import { LoopaiError } from "../errors.js";
import { canonicalJson } from "../validation.js";
import type { Oracle, OracleResult } from "./oracle.js";

export class DatasetOracle implements Oracle {
  readonly name = "dataset";
  private readonly answers = new Map<string, unknown>();

  constructor(
    pairs: Iterable<{ input: unknown; output: unknown }>,
    readonly costPerCall = 0,
  ) {
    for (const p of pairs) this.answers.set(DatasetOracle.key(p.input), p.output);
  }

  static key(input: unknown): string {
    return typeof input === "string" ? input : canonicalJson(input);
  }

  get size(): number {
    return this.answers.size;
  }

  /** Reads `path` as JSON Lines (one object per line) or a JSON array. */
  static fromFile(
    path: string,
    fields: { inputField?: string; outputField?: string } = {},
    costPerCall = 0,
  ): DatasetOracle {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      throw new LoopaiError(
        `cannot read dataset ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        "oracle",
      );
    }
    const inputField = fields.inputField ?? "input";
    const outputField = fields.outputField ?? "output";
    let rows: unknown[];
    if (text.trimStart().startsWith("[")) {
      try {
        rows = JSON.parse(text);
      } catch (err) {
        throw new LoopaiError(`dataset ${path}: not valid JSON: ${(err as Error).message}`, "oracle");
      }
    } else {
      rows = [];
      text.split("\n").forEach((line, i) => {
        if (line.trim() === "") return;
        try {
          rows.push(JSON.parse(line));
        } catch (err) {
          throw new LoopaiError(`dataset ${path}:${i + 1}: not valid JSON: ${(err as Error).message}`, "oracle");
        }
      });
    }
    const pairs = rows.map((r, i) => {
      const o = r as Record<string, unknown>;
      if (!o || typeof o !== "object" || !(inputField in o) || !(outputField in o)) {
        throw new LoopaiError(`dataset ${path}: row ${i + 1} lacks "${inputField}" or "${outputField}"`, "oracle");
      }
      return { input: o[inputField], output: o[outputField] };
    });
    return new DatasetOracle(pairs, costPerCall);
  }

  ask(input: unknown): OracleResult {
    const key = DatasetOracle.key(input);
    if (!this.answers.has(key)) return { kind: "error", error: "the dataset has no label for this input", cost: 0 };
    return { kind: "answer", output: this.answers.get(key), cost: this.costPerCall, inputTokens: 0, outputTokens: 0 };
  }
}
