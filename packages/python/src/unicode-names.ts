// The name lookup behind `\N{...}` escapes, as CPython 3.11's unicodedata module does it
// (Unicode 14.0.0): character names and all name aliases, case-insensitively; Hangul syllables
// and CJK unified ideographs by their algorithmic names, case-sensitively; named sequences not.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import abbreviations from "@unicode/unicode-14.0.0/Names/Abbreviation/index.mjs";
import alternates from "@unicode/unicode-14.0.0/Names/Alternate/index.mjs";
import controls from "@unicode/unicode-14.0.0/Names/Control/index.mjs";
import corrections from "@unicode/unicode-14.0.0/Names/Correction/index.mjs";
import figments from "@unicode/unicode-14.0.0/Names/Figment/index.mjs";

/** The code point `name` denotes in a `\N{name}` escape, or undefined. */
export function lookupUnicodeName(name: string): number | undefined {
  if (name.startsWith("HANGUL SYLLABLE ")) return hangulSyllable(name.slice(16));
  if (name.startsWith("CJK UNIFIED IDEOGRAPH-")) return unifiedIdeograph(name.slice(22));
  // Only ASCII letters are folded (Py_TOUPPER); no real name contains anything else.
  if (!/^[\x20-\x7e]*$/.test(name)) return undefined;
  return nameTable().byName.get(name.toUpperCase());
}

// --- algorithmic names -----------------------------------------------------------------------

// The short names of the leading consonants, vowels and trailing consonants (CPython's
// hangul_syllables table); "" is a silent initial or an absent final.
const JAMO_L = "G|GG|N|D|DD|R|M|B|BB|S|SS||J|JJ|C|K|T|P|H".split("|");
const JAMO_V = "A|AE|YA|YAE|EO|E|YEO|YE|O|WA|WAE|OE|YO|U|WEO|WE|WI|YU|EU|YI|I".split("|");
const JAMO_T = "|G|GG|GS|N|NJ|NH|D|L|LG|LM|LB|LS|LT|LP|LH|M|B|BS|S|SS|NG|J|C|K|T|P|H".split("|");

/** CPython's find_syllable: the longest jamo short name at `pos` (the first of equal lengths). */
function findJamo(text: string, pos: number, jamo: readonly string[]): [index: number, length: number] {
  let index = -1;
  let length = -1;
  for (let i = 0; i < jamo.length; i++) {
    const candidate = jamo[i]!;
    if (candidate.length > length && text.startsWith(candidate, pos)) {
      index = i;
      length = candidate.length;
    }
  }
  return [index, Math.max(length, 0)];
}

function hangulSyllable(rest: string): number | undefined {
  const [l, lLength] = findJamo(rest, 0, JAMO_L);
  const [v, vLength] = findJamo(rest, lLength, JAMO_V);
  const [t, tLength] = findJamo(rest, lLength + vLength, JAMO_T);
  if (l === -1 || v === -1 || t === -1 || lLength + vLength + tLength !== rest.length) return undefined;
  return 0xac00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
}

function unifiedIdeograph(hex: string): number | undefined {
  // Exactly four or five upper-case hex digits, as CPython's _getcode insists.
  if (!/^[0-9A-F]{4,5}$/.test(hex)) return undefined;
  const cp = Number.parseInt(hex, 16);
  const { ideographStarts, ideographEnds } = nameTable();
  for (let i = 0; i < ideographStarts.length; i++) {
    if (cp >= ideographStarts[i]! && cp < ideographEnds[i]!) return cp;
  }
  return undefined;
}

// --- the name table --------------------------------------------------------------------------

interface NameTable {
  readonly byName: ReadonlyMap<string, number>;
  /** [start, end) ranges of the CJK unified ideographs, whose names are algorithmic. */
  readonly ideographStarts: readonly number[];
  readonly ideographEnds: readonly number[];
}

let names: NameTable | undefined;

function nameTable(): NameTable {
  if (names === undefined) names = loadNames();
  return names;
}

/**
 * Built on the first `\N{...}`: the names list is large and most programs never need it. It is an
 * ES module, which Node 20 cannot load synchronously, so its data is read directly: a gzipped JSON
 * run-length list [delta, length, name, ...] of code point ranges (see the package's
 * decode-property-map.mjs). Ranges without a real name carry a descriptive label in mixed case
 * ("CJK Ideograph", "<control>"), while real names are all upper case.
 */
function loadNames(): NameTable {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve("@unicode/unicode-14.0.0/Names/index.mjs"), "utf8");
  const payload = /Buffer\.from\('([A-Za-z0-9+/=]+)', 'base64'\)/.exec(source);
  if (payload === null) throw new Error("@unicode/unicode-14.0.0/Names/index.mjs: unrecognized format");
  const runs = JSON.parse(gunzipSync(Buffer.from(payload[1]!, "base64")).toString("utf8")) as (number | string)[];
  const byName = new Map<string, number>();
  const ideographStarts: number[] = [];
  const ideographEnds: number[] = [];
  let cp = 0;
  for (let i = 0; i + 2 < runs.length; i += 3) {
    cp += runs[i] as number;
    const length = runs[i + 1] as number;
    const name = runs[i + 2] as string;
    if (!/[a-z<]/.test(name)) byName.set(name, cp);
    else if (name.startsWith("CJK Ideograph")) {
      ideographStarts.push(cp);
      ideographEnds.push(cp + length);
    }
    cp += length;
  }
  for (const aliases of [corrections, controls, alternates, figments, abbreviations]) {
    for (const [codePoint, list] of Object.entries(aliases)) {
      for (const alias of list) byName.set(alias, Number(codePoint));
    }
  }
  return { byName, ideographStarts, ideographEnds };
}
