/** `kogine config validate|show|check`. */
import { resolve } from "node:path";
import { parseSets } from "./cli-overrides.js";
import { loadConfigs } from "./config-loader.js";
import { EXIT_FAILED, EXIT_OK } from "./errors.js";
import { resolveScript } from "./script-language.js";
import { scriptNames } from "./script-names.js";
import { closestName } from "./similar-name.js";

export async function validateConfig(path: string): Promise<number> {
  const loaded = await loadConfigs(path);
  const keys = new Set(loaded.descriptions.flatMap((d) => Object.keys(d.globals)));
  process.stdout.write(
    `${path}: OK: ${loaded.descriptions.length} config(s), keys: ${[...keys].join(", ") || "(none)"}\n`,
  );
  return EXIT_OK;
}

export async function showConfigs(path: string, json: boolean): Promise<number> {
  const loaded = await loadConfigs(path);
  if (json) {
    process.stdout.write(`${JSON.stringify(loaded.descriptions, null, 2)}\n`);
    return EXIT_OK;
  }
  const total = loaded.descriptions.length;
  for (const [index, config] of loaded.descriptions.entries()) {
    process.stdout.write(`config ${index + 1}/${total}:\n`);
    for (const [key, value] of Object.entries(config.globals)) {
      process.stdout.write(`  ${key} = ${shown(value)}  (${config.types[key]})\n`);
    }
    for (const part of ["args", "kwargs", "metadata"] as const) {
      const value = config[part];
      const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0;
      if (!empty) process.stdout.write(`  ${part}: ${shown(value)}\n`);
    }
  }
  return EXIT_OK;
}

export async function checkConfigAgainstScript(script: string, configPath: string, sets: string[]): Promise<number> {
  const { path } = resolveScript(script, null);
  const [loaded, names] = await Promise.all([loadConfigs(resolve(configPath)), scriptNames(path)]);
  const keys = new Set([
    ...loaded.descriptions.flatMap((d) => Object.keys(d.globals)),
    ...Object.keys(parseSets(sets)),
  ]);
  const unknown = [...keys].filter((k) => !names.includes(k));
  if (unknown.length === 0) {
    process.stdout.write(`${configPath}: every key (${[...keys].join(", ") || "none"}) is defined by ${script}\n`);
    return EXIT_OK;
  }
  process.stdout.write(`${configPath}: ${unknown.length} key(s) not defined by ${script}:\n`);
  for (const key of unknown) {
    const suggestion = closestName(key, names);
    process.stdout.write(`  ${key}${suggestion ? `  (did you mean "${suggestion}"?)` : ""}\n`);
  }
  return EXIT_FAILED;
}

function shown(value: unknown): string {
  if (value && typeof value === "object" && "$repr" in value) return String((value as { $repr: string }).$repr);
  return JSON.stringify(value);
}
