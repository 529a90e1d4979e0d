/** Plans the tasks of one step: every config the step's config file yields, times every point of the
 * command-line sweeps, with `--set` values on top. Indices are deterministic, so planning the same
 * invocation again (for --resume, a Slurm array element, a remote worker) gives the same tasks. */
import { basename } from "node:path";
import { parseSets, parseSweeps } from "./cli-overrides.js";
import type { ConfigData } from "./config.js";
import { type LoadedConfigs, loadConfigs } from "./config-loader.js";
import { type ConfigContext, cartesian } from "./config-namespace.js";
import { type ConfigDescription, isCodeDisplay } from "./display-value.js";
import { KogineError } from "./errors.js";
import { findUnserialisable } from "./json-value.js";
import type { Invocation, StepDefinition } from "./run-store.js";
import { checkStep } from "./script-check.js";
import { languageOf } from "./script-language.js";
import { type ConfigSource, isRawValue, type TaskSpec } from "./task-spec.js";

export async function planStep(
  step: StepDefinition,
  stepIndex: number,
  firstTaskIndex: number,
  invocation: Invocation,
  context: ConfigContext,
): Promise<TaskSpec[]> {
  const language = languageOf(step.script);
  const loaded = step.config ? await loadConfigs(step.config, context) : null;
  const sources = loaded ? configSources(loaded, language) : [null];
  const descriptions = loaded?.descriptions ?? [];
  const varying = varyingKeys(descriptions);
  const sets = parseSets(invocation.sets);
  const typedAxes = Object.entries(invocation.valueSweeps ?? {});
  const typedPoints = cartesian(typedAxes.map(([, values]) => values)).map((point) =>
    Object.fromEntries(typedAxes.map(([key], i) => [key, point[i]])),
  );
  const points = cartesian([typedPoints, parseSweeps(invocation.sweeps)]).map(([typed, raw]) => ({ ...typed, ...raw }));
  const fixed = { ...(invocation.values ?? {}), ...sets };
  await checkStep({
    script: step.script,
    configKeys: descriptions.flatMap((d) => Object.keys(d.globals)),
    overrides: points.map((point) => ({ ...fixed, ...point })),
    strict: invocation.strict,
  });
  const specs: TaskSpec[] = [];
  for (const [configIndex, source] of sources.entries()) {
    for (const point of points) {
      const shown = {
        ...Object.fromEntries(varying.map((k) => [k, descriptions[configIndex].globals[k]])),
        ...Object.fromEntries(Object.entries({ ...fixed, ...point }).map(([k, v]) => [k, isRawValue(v) ? v.$raw : v])),
      };
      const label = [basename(step.script), ...Object.entries(shown).map(([k, v]) => `${k}=${compact(v)}`)].join(" ");
      specs.push({
        index: firstTaskIndex + specs.length,
        step: stepIndex,
        script: step.script,
        language,
        entrypoint: step.entrypoint,
        inject: invocation.inject,
        lenient: invocation.lenient,
        strict: invocation.strict,
        config: source,
        overrides: { ...fixed, ...point },
        context: { prev: context.prev ?? null, results: context.results ?? [] },
        label,
        resultFile: "",
      });
    }
  }
  return specs;
}

/** How many tasks each step plans at least, known before its config is loaded: the sweeps' points. */
export function sweepPointCount(invocation: Invocation): number {
  const typed = Object.values(invocation.valueSweeps ?? {}).reduce((n, values) => n * values.length, 1);
  return typed * parseSweeps(invocation.sweeps).length;
}

/** A config reaches a script of its own language as "load file, take config i", so functions and classes
 * keep working; across languages only plain values can travel. */
function configSources(loaded: LoadedConfigs, language: "python" | "javascript"): ConfigSource[] {
  const sameLanguage = loaded.kind === language;
  return loaded.descriptions.map((description, index) => {
    if (sameLanguage) return { kind: "module", path: loaded.path, index };
    if (loaded.configs) {
      const config = loaded.configs[index];
      const problem = findUnserialisable({ globals: config.globals, args: config.args, kwargs: config.kwargs });
      if (problem) throw crossLanguageError(loaded.path, index, problem.replace(/^result/, "config"));
      return { kind: "values", values: { ...config } };
    }
    const plain = { globals: description.globals, args: description.args, kwargs: description.kwargs };
    if (isCodeDisplay(plain)) throw crossLanguageError(loaded.path, index, "it holds Python functions or objects");
    const values = {
      ...(plain as Omit<ConfigData, "metadata">),
      metadata: description.metadata as ConfigData["metadata"],
    };
    return { kind: "values", values };
  });
}

function crossLanguageError(path: string, index: number, problem: string): KogineError {
  return new KogineError(
    `config ${index} of ${path} cannot be given to a script in another language: ${problem}. ` +
      "Only plain values (numbers, strings, lists, objects) cross between Python and JavaScript.",
  );
}

function varyingKeys(descriptions: ConfigDescription[]): string[] {
  if (descriptions.length < 2) return [];
  const keys = new Set(descriptions.flatMap((d) => Object.keys(d.globals)));
  return [...keys].filter((k) => new Set(descriptions.map((d) => JSON.stringify(d.globals[k]))).size > 1);
}

function compact(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}
