// Whole-line templates for structured extraction, learnt by aligning labelled lines. Each labelled
// line becomes a template: its field values become typed capture groups, runs of digits and of
// whitespace between them are generalised at once, and everything else (punctuation, words) is kept
// literal. Templates are then merged pairwise: words that differ between two lines become free
// text, and a block one line has and the other lacks (an optional field, an optional suffix)
// becomes an optional group. A merge is kept only when the merged template reads every training
// line it matches exactly, so a template is never more general than its examples allow. A line
// that matches a template is read by it with a confidence that grows with the template's support;
// a line that matches none is a format the program has not seen, and says so.

export interface LineTemplate {
  /** Anchored at both ends; flags "u". */
  source: string;
  /** The field each capture group fills, in group order; a group that did not take part leaves its field out. */
  fields: string[];
  /** Distinct training lines the template reads exactly. */
  support: number;
  /**
   * The template's beginning, up to its first optional block (anchored at the start only): a line
   * that matches it is of this format, whatever follows. Absent when that beginning holds no field
   * and no literal text to recognise the format by.
   */
  stem?: string;
}

export type ValueType = "string" | "integer" | "number";

/** Bounds on the work, for long or numerous lines (free text): */
const MAX_OCCURRENCES = 8; // places one value is looked for in a line
const MAX_ROWS = 600; // distinct lines learnt from (evenly spread over the labels)
const MAX_POOL = 200; // templates taking part in merging
const MAX_CELLS = 30_000_000; // alignment cells over all merges
const MAX_CHECKS = 3000; // merged templates tried on the training lines

type El =
  | { k: "lit"; s: string }
  | { k: "num" }
  | { k: "ws" }
  /** Free text: words and numbers separated by whitespace, where two examples differed. */
  | { k: "text" }
  | { k: "field"; name: string }
  | { k: "opt"; items: El[] };

export interface TemplateExample {
  text: string;
  /** Field name → the label's value as a string (absent fields are not listed). */
  values: Map<string, string>;
}

const TOKEN = /\p{L}+|\p{N}+|\s+|[^\p{L}\p{N}\s]/gu;
const WORD = /^\p{L}+$/u;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function tokens(gap: string): El[] {
  const out: El[] = [];
  for (const m of gap.matchAll(TOKEN)) {
    const t = m[0];
    if (/^\p{N}+$/u.test(t)) out.push({ k: "num" });
    else if (/^\s+$/u.test(t)) out.push({ k: "ws" });
    else out.push({ k: "lit", s: t });
  }
  return out;
}

type CharClass = 0 | 1 | 2;
/** 1 letter, 2 digit, 0 anything else: a value must start and end where the class changes. */
function charClass(c: string | undefined): CharClass {
  if (c === undefined) return 0;
  if (/\p{L}/u.test(c)) return 1;
  if (/\p{N}/u.test(c)) return 2;
  return 0;
}

interface Span {
  name: string;
  start: number;
  end: number;
}

/** Where a field's value can be in a line: whole tokens only ("eve" is not in "every"); numbers by value. */
function occurrences(text: string, value: string, type: ValueType): Span[] {
  const out: Span[] = [];
  if (value === "") return out;
  if (type !== "string") {
    const want = Number(value);
    for (const m of text.matchAll(/-?\d+(?:\.\d+)?/g)) {
      let start = m.index ?? 0;
      let s = m[0];
      // "-" is a separator as often as a sign ("api-05"): the sign is only taken when it makes the value.
      if (s.startsWith("-") && Number(s) !== want) {
        start++;
        s = s.slice(1);
      }
      if (Number(s) !== want || charClass(text[start - 1]) === 2) continue;
      out.push({ name: "", start, end: start + s.length });
      if (out.length >= MAX_OCCURRENCES) break;
    }
    return out;
  }
  for (let at = text.indexOf(value); at >= 0 && out.length < MAX_OCCURRENCES; at = text.indexOf(value, at + 1)) {
    const first = charClass(value[0]);
    const last = charClass(value[value.length - 1]);
    if (first !== 0 && charClass(text[at - 1]) === first) continue;
    if (last !== 0 && charClass(text[at + value.length]) === last) continue;
    out.push({ name: "", start: at, end: at + value.length });
  }
  return out;
}

/** Up to `limit` ways to place every field's value in the line without overlaps. */
function placements(ex: TemplateExample, types: Map<string, ValueType>, limit = 6): Span[][] {
  const fields = [...ex.values].map(([name, value]) => ({
    name,
    spans: occurrences(ex.text, value, types.get(name) ?? "string").map((s) => ({ ...s, name })),
  }));
  if (fields.some((f) => f.spans.length === 0)) return [];
  fields.sort((a, b) => a.spans.length - b.spans.length);
  const out: Span[][] = [];
  const chosen: Span[] = [];
  let steps = 0;
  const walk = (i: number) => {
    if (out.length >= limit || ++steps > 2000) return;
    if (i === fields.length) {
      out.push([...chosen].sort((a, b) => a.start - b.start));
      return;
    }
    for (const s of fields[i].spans) {
      if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
      chosen.push(s);
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
  return out;
}

function fromSpans(text: string, spans: Span[]): El[] {
  const out: El[] = [];
  let at = 0;
  for (const s of spans) {
    out.push(...tokens(text.slice(at, s.start)), { k: "field", name: s.name });
    at = s.end;
  }
  out.push(...tokens(text.slice(at)));
  return out;
}

// ---- merging two templates -----------------------------------------------------------------

function same(a: El, b: El): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "lit") return a.s === (b as { s: string }).s;
  if (a.k === "field") return a.name === (b as { name: string }).name;
  if (a.k === "opt") {
    const items = (b as { items: El[] }).items;
    return a.items.length === items.length && a.items.every((x, i) => same(x, items[i]));
  }
  return true;
}

function weight(e: El): number {
  switch (e.k) {
    case "field":
      return 16;
    case "opt":
      return 4 + e.items.reduce((s, x) => s + weight(x), 0);
    case "lit":
      return 2;
    default:
      return 1;
  }
}

const hasField = (e: El): boolean => e.k === "field" || (e.k === "opt" && e.items.some(hasField));

const textual = (e: El) => e.k === "num" || e.k === "ws" || e.k === "text" || (e.k === "lit" && WORD.test(e.s));

/** Whether `plain` is what some of `opts`' blocks, each taken whole or left out, spell. */
function spelledBy(opts: El[], plain: El[]): boolean {
  if (!opts.every((o) => o.k === "opt")) return false;
  const walk = (i: number, at: number): boolean => {
    if (at === plain.length) return true;
    if (i === opts.length) return false;
    const items = (opts[i] as { items: El[] }).items;
    const fits = items.length <= plain.length - at && items.every((x, j) => same(x, plain[at + j]));
    return (fits && walk(i + 1, at + items.length)) || walk(i + 1, at);
  };
  return walk(0, 0);
}

/** What two unaligned stretches become in the merged template; undefined when they cannot be reconciled. */
function reconcile(a: El[], b: El[]): El[] | undefined {
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0 || b.length === 0) {
    // Only a block holding a field may be optional: structure a line lacks is a different format.
    const r = a.length === 0 ? b : a;
    if (r.every((e) => e.k === "opt")) return r;
    return r.some(hasField) ? [{ k: "opt", items: r }] : undefined;
  }
  if (spelledBy(a, b)) return a;
  if (spelledBy(b, a)) return b;
  // Both non-empty: words that differ are free text.
  const wordy = (r: El[]) => r.every(textual) && r.some((e) => e.k !== "ws");
  if (wordy(a) && wordy(b)) return [{ k: "text" }];
  // An optional block against what the other line has there: the merge of the two, optional
  // (blocks "user ip" and "ip" become "(user)? ip", optional as a whole).
  const inner = (r: El[]) => (r.length === 1 && r[0].k === "opt" ? r[0].items : undefined);
  const ia = inner(a);
  const ib = inner(b);
  if (ia || ib) {
    const merged = mergeTemplates(ia ?? a, ib ?? b);
    if (merged) return [{ k: "opt", items: merged }];
  }
  // Anything else structural that differs is a conflict.
  return undefined;
}

/** The least general template reading what both read, by a weighted longest common subsequence. */
function mergeTemplates(a: El[], b: El[]): El[] | undefined {
  const n = a.length;
  const m = b.length;
  const dp = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(dp[at(i + 1, j)], dp[at(i, j + 1)]);
      if (same(a[i], b[j])) best = Math.max(best, weight(a[i]) + dp[at(i + 1, j + 1)]);
      dp[at(i, j)] = best;
    }
  const out: El[] = [];
  let i = 0;
  let j = 0;
  let pi = 0;
  let pj = 0;
  const flush = (): boolean => {
    const r = reconcile(a.slice(pi, i), b.slice(pj, j));
    if (!r) return false;
    out.push(...r);
    return true;
  };
  while (i < n && j < m) {
    if (same(a[i], b[j]) && dp[at(i, j)] === weight(a[i]) + dp[at(i + 1, j + 1)]) {
      if (!flush()) return undefined;
      out.push(a[i]);
      i++;
      j++;
      pi = i;
      pj = j;
    } else if (dp[at(i + 1, j)] >= dp[at(i, j + 1)]) i++;
    else j++;
  }
  i = n;
  j = m;
  if (!flush()) return undefined;
  return tidy(out);
}

/** Adjacent free text (with the whitespace between) is one stretch of free text. */
function tidy(els: El[]): El[] {
  const out: El[] = [];
  for (const e of els) {
    if (e.k === "text") {
      if (out[out.length - 1]?.k === "text") continue;
      if (out[out.length - 1]?.k === "ws" && out[out.length - 2]?.k === "text") {
        out.pop();
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

// ---- regular expressions -------------------------------------------------------------------

function slot(type: ValueType, values: string[]): string {
  if (type === "integer") return "-?\\d+";
  if (type === "number") return "-?\\d+(?:\\.\\d+)?";
  return values.some((v) => /\s/.test(v)) ? ".+?" : "\\S+?";
}

function render(els: El[], slots: Map<string, string>, fields: string[]): string {
  let s = "";
  for (const e of els) {
    switch (e.k) {
      case "lit":
        s += escapeRegex(e.s);
        break;
      case "num":
        s += "\\p{N}+";
        break;
      case "ws":
        s += "\\s+";
        break;
      case "text":
        s += "[\\p{L}\\p{N}]+(?:\\s+[\\p{L}\\p{N}]+)*";
        break;
      case "field":
        fields.push(e.name);
        s += `(${slots.get(e.name) ?? "\\S+?"})`;
        break;
      case "opt":
        s += `(?:${render(e.items, slots, fields)})?`;
        break;
    }
  }
  return s;
}

function stemOf(els: El[]): El[] | undefined {
  const cut = els.findIndex((e) => e.k === "opt");
  const stem = cut < 0 ? els.slice() : els.slice(0, cut);
  // Whitespace before a block a line may lack is not part of what the format begins with.
  while (stem.length > 0 && stem[stem.length - 1].k === "ws") stem.pop();
  return stem.some((e) => e.k === "field") && stem.some((e) => e.k === "lit") ? stem : undefined;
}

interface Working {
  els: El[];
  key: string;
  re: RegExp;
  fields: string[];
  /** Training lines (indices) read exactly. */
  reads: Set<number>;
}

export function learnTemplates(
  examples: TemplateExample[],
  types: Map<string, ValueType>,
  options: { maxTemplates?: number } = {},
): LineTemplate[] {
  const valuesOf = new Map<string, string[]>();
  for (const ex of examples)
    for (const [name, v] of ex.values) {
      const list = valuesOf.get(name) ?? [];
      list.push(v);
      valuesOf.set(name, list);
    }
  const slots = new Map([...types].map(([name, type]) => [name, slot(type, valuesOf.get(name) ?? [])]));
  const compile = (els: El[]) => {
    const fields: string[] = [];
    const source = `^${render(els, slots, fields)}$`;
    return { source, re: new RegExp(source, "u"), fields };
  };
  // Distinct lines only: a line labelled twice (a failure shown again) is one piece of evidence.
  const distinct = [...new Map(examples.map((e) => [e.text, e])).values()];
  const rows =
    distinct.length <= MAX_ROWS
      ? distinct
      : Array.from({ length: MAX_ROWS }, (_, i) => distinct[Math.floor((i * distinct.length) / MAX_ROWS)]);
  const reads = (re: RegExp, fields: string[], ex: TemplateExample): boolean | undefined => {
    const m = re.exec(ex.text);
    if (!m) return undefined;
    let n = 0;
    for (let g = 0; g < fields.length; g++) {
      const v = m[g + 1];
      if (v === undefined) continue;
      const want = ex.values.get(fields[g]);
      if (want === undefined) return false;
      const type = types.get(fields[g]);
      if (type === "string" ? v !== want : Number(v) !== Number(want)) return false;
      n++;
    }
    return n === ex.values.size;
  };
  /** The lines a template reads exactly, or undefined if it misreads any. */
  const check = (re: RegExp, fields: string[]): Set<number> | undefined => {
    const ok = new Set<number>();
    for (let i = 0; i < rows.length; i++) {
      const r = reads(re, fields, rows[i]);
      if (r === false) return undefined;
      if (r) ok.add(i);
    }
    return ok;
  };
  let pool: Working[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    if (pool.some((t) => t.reads.has(i))) continue;
    for (const spans of placements(rows[i], types)) {
      const els = fromSpans(rows[i].text, spans);
      const { source, re, fields } = compile(els);
      if (keys.has(source)) continue;
      keys.add(source);
      const ok = check(re, fields);
      if (ok?.has(i)) pool.push({ els, key: source, re, fields, reads: ok });
    }
  }
  // Agglomerate: the best-supported templates absorb the others while no merge misreads a line.
  const failed = new Set<string>();
  let cells = 0;
  let checks = 0;
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    pool.sort((x, y) => y.reads.size - x.reads.size);
    const merging = Math.min(pool.length, MAX_POOL);
    for (let i = 0; i < merging && i < pool.length; i++)
      for (let j = i + 1; j < merging && j < pool.length; j++) {
        const a = pool[i];
        const b = pool[j];
        const pair = `${a.key}\n${b.key}`;
        if (failed.has(pair)) continue;
        cells += a.els.length * b.els.length;
        if (cells > MAX_CELLS || checks > MAX_CHECKS) break;
        const els = mergeTemplates(a.els, b.els);
        if (els) checks++;
        const compiled = els && compile(els);
        const ok = compiled && check(compiled.re, compiled.fields);
        if (!els || !compiled || !ok || [...a.reads, ...b.reads].some((r) => !ok.has(r))) {
          failed.add(pair);
          continue;
        }
        const merged: Working = { els, key: compiled.source, re: compiled.re, fields: compiled.fields, reads: ok };
        pool[i] = merged;
        pool = pool.filter((t) => t === merged || [...t.reads].some((r) => !ok.has(r)));
        changed = true;
        i = pool.indexOf(merged);
        j = i;
      }
  }
  // Greedy cover: each template must read lines no earlier one reads.
  pool.sort((x, y) => y.reads.size - x.reads.size || x.key.length - y.key.length);
  const covered = new Set<number>();
  const out: LineTemplate[] = [];
  for (const t of pool) {
    if (![...t.reads].some((r) => !covered.has(r))) continue;
    for (const r of t.reads) covered.add(r);
    const stem = stemOf(t.els);
    const rendered = stem && render(stem, slots, []);
    out.push({ source: t.key, fields: t.fields, support: t.reads.size, ...(rendered ? { stem: `^${rendered}` } : {}) });
    if (out.length >= (options.maxTemplates ?? 64)) break;
  }
  return out;
}
