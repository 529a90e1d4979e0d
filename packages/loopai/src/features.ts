// Text features shared by training (token strings, readable) and serving (token hashes, no
// allocation). Both walk the text with the same rules, so a keyword a synthesizer learnt as a string
// is found at serving time by its hash: the stored program stays readable JSON while the hot loop
// touches only typed arrays.

/** What a program sees of an input: text as is, a JSON object as `key: value` lines in key order. */
export function inputText(input: unknown): string {
  if (typeof input === "string") return input;
  if (input === null || input === undefined) return "";
  if (typeof input !== "object") return String(input);
  const parts: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value as object).sort())
        walk((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key);
    } else parts.push(`${prefix}: ${String(value)}`);
  };
  walk(input, "");
  return parts.join("\n");
}

// A token is a run of ASCII letters/digits or non-ASCII characters (lowercased), or one of the
// single characters below, which carry signal in spam and logs alike.
const SINGLE = new Uint8Array(128);
for (const ch of "$!%@") SINGLE[ch.charCodeAt(0)] = 1;
const WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 65; c <= 90; c++) WORD[c] = 2; // upper case: lowered by | 0x20
for (let c = 97; c <= 122; c++) WORD[c] = 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_TOKEN = 40;

/** FNV-1a of a token string as the scanner computes it (never 0, which marks an empty slot). */
function hashToken(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return h === 0 ? 1 : h;
}

/**
 * Token strings of what a program reads of `text` (training side): its first `maxChars`
 * characters, or, with `tailChars` > 0 and a longer text, its first `maxChars − tailChars` and its
 * last `tailChars` characters. Either way no more than `maxChars` characters are read.
 */
export function tokenize(text: string, maxChars: number, tailChars = 0): string[] {
  const out: string[] = [];
  if (tailChars <= 0 || text.length <= maxChars) {
    tokenizeRange(text, 0, Math.min(text.length, maxChars), out);
    return out;
  }
  const tail = Math.min(tailChars, maxChars);
  tokenizeRange(text, 0, maxChars - tail, out);
  tokenizeRange(text, text.length - tail, text.length, out);
  return out;
}

function tokenizeRange(text: string, from: number, end: number, out: string[]): void {
  let start = -1;
  let word = "";
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? WORD[c] : 1;
    if (kind !== 0) {
      if (start < 0) {
        start = i;
        word = "";
      }
      if (i - start < MAX_TOKEN) word += String.fromCharCode(kind === 2 ? c | 0x20 : c);
      continue;
    }
    if (start >= 0) {
      out.push(word);
      start = -1;
    }
    if (c < 128 && SINGLE[c] === 1) out.push(String.fromCharCode(c));
  }
  if (start >= 0) out.push(word);
}

/**
 * A fixed set of token strings behind an open-addressing table keyed by the full 32-bit hash, so
 * lookups at serving time never build a string.
 */
export class Vocabulary {
  readonly size: number;
  private readonly keys: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;

  constructor(readonly tokens: readonly string[]) {
    this.size = tokens.length;
    let cap = 16;
    while (cap < tokens.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    tokens.forEach((t, id) => {
      const h = hashToken(t) | 0;
      let slot = h & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      if (this.keys[slot] === 0) {
        this.keys[slot] = h;
        this.ids[slot] = id;
      }
    });
  }

  lookup(hash: number): number {
    const keys = this.keys;
    let slot = hash & this.mask;
    for (;;) {
      const k = keys[slot];
      if (k === hash) return this.ids[slot];
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Writes the vocabulary ids of the known tokens in what a program reads of `text` (the head, or
   * the head and the tail: see `tokenize`) into `out` and returns how many (serving side; same
   * token rules as `tokenize`). `out` should hold `maxChars` ids.
   */
  scan(text: string, maxChars: number, out: Int32Array, tailChars = 0): number {
    const length = text.length;
    if (tailChars <= 0 || length <= maxChars)
      return this.scanRange(text, 0, Math.min(length, maxChars, out.length), out, 0);
    const tail = Math.min(tailChars, maxChars);
    const n = this.scanRange(text, 0, Math.min(maxChars - tail, out.length), out, 0);
    return this.scanRange(text, length - tail, Math.min(length, length - tail + out.length - n), out, n);
  }

  private scanRange(text: string, from: number, end: number, out: Int32Array, n: number): number {
    // Hot loop: locals only, the table probe inlined (a method call per token costs ~30% here).
    const keys = this.keys;
    const ids = this.ids;
    const mask = this.mask;
    let h = 0;
    let len = -1;
    for (let i = from; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 32;
      const kind = c < 128 ? WORD[c] : 1;
      if (kind !== 0) {
        if (len < 0) {
          h = FNV_OFFSET;
          len = 0;
        }
        if (len < MAX_TOKEN) h = Math.imul(h ^ (kind === 2 ? c | 0x20 : c), FNV_PRIME);
        len++;
        continue;
      }
      if (len >= 0) {
        if (h === 0) h = 1;
        let slot = h & mask;
        for (;;) {
          const k = keys[slot];
          if (k === h) {
            out[n++] = ids[slot];
            break;
          }
          if (k === 0) break;
          slot = (slot + 1) & mask;
        }
        len = -1;
      }
      if (c < 128 && SINGLE[c] === 1) {
        const id = this.lookup(Math.imul(FNV_OFFSET ^ c, FNV_PRIME));
        if (id >= 0) out[n++] = id;
      }
    }
    return n;
  }
}

/** Unique tokens of a document with counts (training side). */
export function termCounts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
