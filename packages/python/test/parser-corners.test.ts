/**
 * Tricky corners of the grammar and tokenizer, each a small snippet whose
 * `dumpAst(parseModule(...), true)` must equal CPython's `ast.dump(ast.parse(...),
 * include_attributes=True)`. All snippets go to ONE python3 process (the referee) before the tests.
 *
 * Source-string cases compare `parseModule(source)` with `ast.parse(str)`; byte cases (BOM, coding
 * cookies, CRLF files) compare `parseModule(decodeSource(bytes))` with `ast.parse(bytes)`. Error
 * cases compare our PySyntaxError with CPython's SyntaxError: position and message in separate tests.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dumpAst } from "../src/dump.js";
import { parseModule } from "../src/parser.js";
import { decodeSource } from "../src/source-decoding.js";
import { PySyntaxError } from "../src/syntax-error.js";
import {
  describeMismatch,
  describeThrown,
  pythonVersion,
  type RefereeInput,
  type RefereeResult,
  runReferee,
} from "./cpython-referee.js";

/** String.raw plus dedent: backslashes stay as written, the common leading spaces go. */
function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = String.raw(strings, ...values);
  if (text.startsWith("\n")) text = text.slice(1);
  const lines = text.split("\n");
  const leading = (line: string): number => line.length - line.trimStart().length;
  const cut = Math.min(...lines.filter((l) => l.trim() !== "").map(leading));
  return lines.map((l) => l.slice(Math.min(cut, leading(l)))).join("\n");
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "latin1"));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

type Case = { name: string; source: string } | { name: string; bytes: Uint8Array };

const cases: Case[] = [];
const errorCases: { name: string; source: string }[] = [];
/** corner("name")`python source` — the source is dedented, backslashes kept as written. */
const corner =
  (name: string) =>
  (strings: TemplateStringsArray, ...values: unknown[]): void =>
    void cases.push({ name, source: py(strings, ...values) });
const cornerText = (name: string, source: string): void => void cases.push({ name, source });
const cornerBytes = (name: string, bytes: Uint8Array): void => void cases.push({ name, bytes });
const syntaxError = (name: string, source: string): void => void errorCases.push({ name, source });

// ---- f-strings ----
corner("f-string nested in f-string with conversion and nested format spec")`f"{f'{x!r:>{w}}'}"
`;
corner("f-string format spec with several nested fields")`
  a = f"{x:{w}.{p}f}"
  b = f"{x:>{w}}|{y:{fill}^{width}}|{z:%H:%M}"
  c = f'{x:{"0"}>5}'
`;
corner("f-string = debugging specifier")`
  a = f"{x=}"
  b = f"{x = }"
  c = f"{x=!r:^20}"
  d = f"{x=:>10}"
  e = f"{ x = !s}"
  g = f"{a.b(c)=}"
`;
corner("f-string conversions !s !r !a with format spec")`
  a = f"{x!s:^10}"
  b = f"{x!r}"
  c = f"{x!a}"
  d = f"{x:}"
  e = f"{x!r:}"
`;
corner("f-string multi-line triple-quoted with expressions on later lines")`
  s = f"""first {a}
  second {b +
    c} third {
  d!r}
    fourth {e:>{w}}
  """
  t = f'''x
  {y}'''
`;
corner("f-string concatenated with plain strings and u-strings")`
  a = "a" f"{b}" 'c' u"d" f'{e!r}'
  b = u"a" "b" f"{c}"
  c = "a" u"b"
  d = f"" ""
  e = "" f""
  g = (f"a{b}"
       f"c{d}"
       "e")
`;
corner("f-string doubled braces, empty and literal-only")`
  a = f"{{x}} {y} }}{{"
  b = f""
  c = f"abc"
  d = f"{{}}"
`;
corner("f-string expressions containing strings, dicts, lambdas, != and walrus")`
  a = f"{'a' + 'b'}"
  b = f"{ {'a': 1}['a'] }"
  c = f"{(lambda x: x * 2)(3)}"
  d = f"{a!=b}"
  e = f"{(y:=10)}"
  g = f"{x:=10}"
  h = f"{'{'}{'}'}"
  i = f"{x if y else z}"
  j = f"{[i for i in range(3)]}"
`;
corner("f-string positions inside calls and after non-ASCII text")`
  if True:
      print(f"{a}", f"x{b}y", f"é{c}😀{d}")
  f"日本{x}"
`;
corner("f-string with \\N{...}, escapes and raw prefix")`
  a = f"\N{BULLET} {x}\t\x41"
  b = rf"\N{x}"
  c = fr"\d{y}\n"
  d = f"a\
  b{x}"
`;

// A format spec's JoinedStr (and the literal ending it) spans its own token, while the fields and
// literals before a field inside it span the whole concatenation: visible only when pieces span lines.
corner("f-string format spec in a concatenation over lines (first, middle, last piece)")`
  x = (f"{a:^{w}} | "
       f"{b:>7.0%}")
  y = ("a"
       f"{c}"
       f"{'^':>{col(3)}}")
  z = (f"{x:{w}.{p}f} mid "
       "plain"
       f"{y:>{w}}")
  v = ("lead "
       f"{x:{w}.{p}f}"
       " trail")
`;
corner("f-string format specs over lines: nested fields, several per piece, braces and escapes")`
  a = (f"{a:{b}{c}}"
       f"{d:{e}}{f:{g}}"
       f"{h:{i}}")
  b = (f"{x:{w:3}}"
       f"{y:{'a'}{w:>3}}")
  c = (f"{x:}" f"{y:{w}}"
       f"{z:}")
  d = (f"{x:{{}}}" f"{y:{w}}}}"
       f"{{{z:{w}}}}")
  e = f"{x:{w}}" f"{y}" \
      f"{z:{w}}"
  if True:
      g = (f"{x:\n{w}}"
           f"{y:\t{w}}")
`;
corner("f-string format specs over lines after conversions and = specifiers")`
  c = (f"{x!r:^{w}} "
       f"{y!s:>10}"
       f"{z!a:{fill}<{n}}")
  k = (f"{x=:>{w}}"
       f"{y = !r:^{w}}")
`;
corner("f-string format specs over lines with u, r, R, F and U prefixes")`
  h = (u"u-start " f"{x:{w}}"
       f"{y:{w}.2f}" "end")
  i = (rf"\d{x:{w}}" Rf"{y:>{w}}\n"
       fR"{z:{w}}")
  j = (F"{x:{w}}" r"raw\n"
       U"u" f"{y:{w}}")
  t = (f"{x:{w}}" "a" 'b' f"{y:{w}}" "c"
       "d" f"{z}")
`;
corner("f-string format specs in triple-quoted pieces")`
  d = (f'''{x:>{w}}
    more {y:{w}.{p}f}''' f"{z:^{n}}")
  e = ("""first
  line""" f"{q:>{w}}" f'''
  {r:{w}x} tail''')
  g = f"""
      {a:{b}} {c:>{d}.{e}}
  """
`;
corner("f-string format specs over lines after non-ASCII text and inside calls")`
  m = (f"{a:^{w}} | "
       f"{b:>7.0%}"
       f"{c:é{w}😀}")
  n = ("日本"
       f"{x:{w}}"
       f"{'^':>{col(3)}}")
  print(f"{x:{w}}"
        f"{y:%H:%M}", f"{z:{w}}"
        "t")
`;

// ---- decorators ----
corner("decorators on functions, classes and async defs")`
  @a
  @b.c(1, d=2)
  @e[0]
  class C(B, metaclass=M):
      @staticmethod
      @functools.wraps(f)
      async def m(self):
          pass

      @(lambda f: f)
      def g(): ...

      @x := y
      def h(): pass
`;

// ---- walrus ----
corner("walrus in comprehensions and conditions")`
  if (n := len(a)) > 10:
      pass
  while chunk := f.read():
      pass
  r = [y for x in data if (y := f(x))]
  s = {(k := 1): v for v in w}
  print(x := 1, y=(z := 2))
  a[(b := 1)]
  t = [y := 5, y ** 2]
  def f(a=(b := 1)): pass
`;

// ---- match ----
corner("match: literal, capture, wildcard, value, group and or patterns")`
  match x:
      case 0 | 1 | 2:
          pass
      case -1:
          pass
      case 1.5 | -2.5e3:
          pass
      case 1 + 2j | -1 - 2j | 3j | -0j:
          pass
      case "a" "b" | b"x" | 'c':
          pass
      case None | True | False:
          pass
      case Color.RED:
          pass
      case a.b.c:
          pass
      case (1 | 2) as n:
          pass
      case (y):
          pass
      case _:
          pass
`;
corner("match: sequence patterns with star")`
  match command.split():
      case [action]:
          pass
      case [action, obj]:
          pass
      case [1, 2, *_]:
          pass
      case (a, b, *c):
          pass
      case [*rest, last]:
          pass
      case []:
          pass
      case ():
          pass
      case (x,):
          pass
      case x, *y:
          pass
      case [Point(x=0, y=0), *rest]:
          pass
`;
corner("match: mapping patterns with **rest")`
  match m:
      case {"x": x, "y": 1, **rest}:
          pass
      case {1: _, -2: _, 3.5: _, -1j: _, 1 + 2j: _, b"k": _, None: _, True: _, a.b: _}:
          pass
      case {}:
          pass
      case {**rest}:
          pass
`;
corner("match: class patterns with positional and keyword patterns")`
  match p:
      case Point(x=0, y=0):
          pass
      case Point(1, y, z=3):
          pass
      case mod.Point(0, [a, b], k={"a": c}):
          pass
      case str() | bytes():
          pass
      case int(n) if n > 0:
          pass
`;
corner("match: as-patterns and guards")`
  match v:
      case [a, b] as pair if a == b:
          pass
      case (1 | 2 | 3) as small:
          pass
      case Point(x=a as b) as c:
          pass
      case x if x > 0 and (y := x):
          pass
`;
corner("match: subject forms")`
  match a, b:
      case _:
          pass
  match *a, b:
      case _:
          pass
  match (x):
      case _:
          pass
  match -x:
      case _:
          pass
  match x,:
      case _:
          pass
`;
corner("match and case as ordinary identifiers")`
  match = 1
  case = 2
  match.foo = case
  match(x)
  match[1] = 2
  print(match, case)
  _ = match
  case.x = match
  def match(case): return case
  match, case = case, match
`;

// ---- star expressions ----
corner("star expressions")`
  *a, b = c
  a, *b = c
  [a, *b] = c
  (*a,) = c
  print(*a, *b)
  x = [*a, *b]
  y = {*a, *b}
  z = {**a, 'x': 1, **b}
  def f():
      return *a, b
  for x in *a, b:
      pass
  for a, *b in c:
      pass
  t = *a, *b
  f(*args, **kwargs, k=1)
  f(a, *b, c=1, *d, **e)
  def g():
      yield *a, b
`;

// ---- lambdas and parameters ----
corner("lambda defaults and all parameter kinds")`
  f = lambda a, /, b=1, *c, d, e=2, **f: 0
  g = lambda: 0
  h = lambda *, k: k
  i = lambda *a, **k: (a, k)
  j = lambda a, b=1, /, c=2: 0
  k = lambda a=lambda: 1: a
  l = lambda x: x if x else lambda: 0
`;
corner("def with positional-only, keyword-only and annotations")`
  def f(a, b: int = 1, /, c: "str" = 'x', *args: int, d, e: float = 2.0, **kwargs: dict) -> None:
      pass
  def g(*, a): pass
  def h(a, /): pass
  def i(a, /, *, b): pass
  def j(*args: *Ts): pass
  async def k(a=1, *b) -> list[int]: ...
  def l(
      a,
      b,
  ):
      return a
`;
corner("global and nonlocal")`
  global q
  x = 0
  def f():
      global x, y
      z = 1
      def g():
          nonlocal z
          z += 1
`;

// ---- line structure ----
corner("line continuations: backslash, brackets, strings")`
  x = 1 + \
      2
  if a and \
     b:
      pass
  y = (1 +
       2)
  z = [1,
       2,
  ]
  s = "abc\
  def"
  t = '''a\
  b'''
  assert \
      x, \
      "msg"
  u = {
      'a': 1,  # comment inside brackets

      'b': 2,
  }
`;
corner("comments in odd places")`
  # leading comment
  x = 1  # trailing
      # indented comment at a weird level
  def f():
      # comment
  # dedented comment inside block

          # deeper comment
      pass
      # trailing comment in block
  # final comment
`;
cornerText(
  "tabs in indentation",
  "if x:\n\ty = 1\n\tif z:\n\t\tw = 2\n\telse:\n\t\tw = '\\t'\nclass A:\n \tb = 1\n \tc = 2\n",
);
cornerText("form feeds", "\fx = 1\nif x:\n\f    y = 1\n    z = 2\n\f\ndef f():\n    pass\n\f# comment\nw = 1 \f+ 2\n");
cornerText("file without trailing newline", "x = 1\nif x:\n    y = (1,\n    2)");
cornerText("file ending in a comment without newline", "x = 1  # comment");
cornerText("file ending inside an indented block without newline", "def f():\n    return 1");
cornerText("empty file", "");
cornerText("file of only comments", "# a\n# b\n    # c\n");
cornerText("file of only blank lines", "\n\n   \n\t\n");
cornerText(
  "Windows line endings (CRLF) in a source string",
  "x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n    z = (1,\r\n         2)\r\n",
);
cornerText("old Mac line endings (CR) in a source string", "x = 1\ry = 2\rif x:\r    z = 3\r");
corner("semicolons and simple statements after colons")`
  a; b; c;
  if x: pass
  while 1: a; b
  class A: x = 1; y = 2
  for i in r: continue
  else: break
  with a: pass
`;

// ---- strings ----
const PREFIXES = [
  ...["", "r", "u", "R", "U", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB"],
  ...["f", "F", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF"],
];
for (const prefix of PREFIXES) {
  const body = String.raw`a\tb\x41{x}{{y}}\'c`;
  const lines = [`${prefix}'${body}'`, `${prefix}"${body}"`, `${prefix}'''${body}\n'x'''`, `${prefix}"""${body}"\n"""`];
  cornerText(
    `string prefix ${prefix === "" ? "(none)" : prefix} with single, double and triple quotes`,
    `${lines.join("\n")}\n`,
  );
}
corner("byte escapes")`
  a = b'\x00\xff\n\t\\\'\"\a\b\f\v\0\7\77\377'
  b = b'\d\q\N{x}\u1234'
  c = b"\
  x"
  d = rb'\x00\\'
`;
corner("string escapes, \\N{...} and invalid escapes")`
  a = "\u00e9\U0001F600\x41\101\n\r\t\\\'\"\a\b\f\v\0"
  b = "\N{LATIN SMALL LETTER E WITH ACUTE}\N{EM DASH}\N{NBSP}\N{bullet}"
  c = "\d\q\8"
  d = r"\N{EM DASH}\u1234"
  e = "\ud800 \udfff"
`;
corner("triple-quoted strings with embedded quotes")`
  a = '''it's'''
  b = """a "quoted" b"""
  c = """"a"""
  d = ''''''
  e = """\""""
  f = """
  multi
  line
  """
`;
corner("implicit string concatenation across lines")`
  x = ("a"
       'b'
       """c""")
  y = "a" \
      "b"
  z = (b"a"
       b"b")
  w = ("a"  # comment
       # another
       "b")
`;
corner("docstrings and Ellipsis")`
  """Module docstring."""
  def f():
      """Function docstring."""
      ...
  class A:
      'Class docstring.'
      x = ...
`;

// ---- numbers ----
corner("numbers of every form")`
  a = 0x_FF_ff + 0o_7_7 + 0b_1_0 + 0XAB + 0O17 + 0B1
  b = 1_000_000 + 123456789012345678901234567890123456789 + 0xffffffffffffffffffffffffffffffff
  c = 9007199254740993 + 9007199254740992 + 18446744073709551616 + 2305843009213693951
  d = 1.5 + 1. + .5 + 1e10 + 1E-10 + 1_0.0_1e+1_0 + 0.0 + 00.5 + 1e22 + 1e16 + 123456789.0
  e = 1j + 1.5j + 1e3J + 0j + 1_0j + 00j + .5j
  f = 1e400 + 1e-400 + 1e308 + 5e-324 + 0.1 + 2.5e-5 + 1e-7
  g = 0 + 00 + 0_0 + 0o0 + 0b0 + 0x0
  h = -1 + -1.5 + -1j + ~1 + +1
  i = [0x1for x in y]
  j = 1if x else 2
  k = 1_0.5_0j
`;

// ---- expressions ----
corner("slices and subscripts")`
  a[1:2, ::3]
  a[...]
  a[i,]
  a[:]
  a[::]
  a[1:2:3]
  a[:, None]
  a[1:-1]
  a[x:y, z]
  a[*b]
  a[()]
  a[b][c:d][::e]
  a[lambda: 0:1]
`;
corner("chained comparisons and boolean operators")`
  a < b <= c == d != e > f >= g is h is not i in j not in k
  not a
  a and b or c and not d
  a or b or c
  a and (b or c)
`;
corner("conditional expressions")`
  a if b else c if d else e
  (a if b else c)
  x = lambda: a if b else c
  y = [a if b else c for d in e if f]
`;
corner("operators and precedence")`
  -2 ** 2
  2 ** -1
  - -1
  -(1)
  a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
  ~a ** b
  (a + b) * c
  a.b.c(d)(e)[f].g
  not a == b
`;
corner("calls, comprehensions and generator expressions")`
  f(a for a in b)
  f((a for a in b), c)
  f(a, *b, c=1, **d)
  [x for x in y for z in x if z if not w]
  {x for x in y}
  {k: v for k, v in items}
  (x for x in y)
  [[y for y in x] for x in z]
  f(x)(y)[z].w
  print(*a, sep="")
`;
corner("parenthesized expressions and tuples")`
  (a)
  (a, b)
  a, b
  ()
  1,
  ((a))
  ((a), b)
  (yield)
  x = (
      1
  )
`;
corner("await, async for, async with and async comprehensions")`
  async def f():
      await x
      async for a in b:
          pass
      else:
          pass
      async with a as b, c:
          pass
      r = [i async for i in aiter() if await i]
      s = {await x for x in y}
      t = (i async for i in a)
      u = await a ** 2
      return await a.b()
`;
corner("yield and yield from")`
  def g():
      yield
      yield 1
      x = yield
      y = yield from z
      yield a, b
      z = (yield)
      print((yield x))
      await_ = yield from (a, b)
`;
corner("try/except*/finally/else")`
  try:
      pass
  except* ValueError:
      pass
  except* (TypeError, KeyError) as e:
      pass
  else:
      pass
  finally:
      pass
  try:
      pass
  except:
      pass
  try:
      pass
  except E as e:
      raise
  except (A, B):
      raise X from e
  finally:
      pass
  try:
      pass
  finally:
      pass
`;
corner("with: multiple and parenthesized with-items")`
  with a: pass
  with a as b, c as d: pass
  with (a as b, c as d): pass
  with (a, b): pass
  with (a, b) as c: pass
  with (a as b,): pass
  with (
      open(x) as f,
      open(y) as g,
  ):
      pass
  with a as (b, c): pass
  with a as b.c, d as e[0]: pass
  with (a): pass
  with (a), (b): pass
  with (yield x) as y: pass
`;
corner("del targets")`
  del a
  del a, b
  del a[0], b.c, (d, e), [f]
  del (a), [b]
  del (a, b)
  del a[1:2],
`;
corner("augmented assignment")`
  a += 1; a -= 1; a *= 1; a @= 1; a /= 1; a //= 1; a %= 1
  a **= 1; a >>= 1; a <<= 1; a &= 1; a ^= 1; a |= 1
  a.b += 1
  a[0] **= 2
  a[1:2] += x
`;
corner("annotated assignments (simple=0/1)")`
  x: int
  x: int = 1
  (y): int = 2
  a.b: str
  a[0]: int = 3
  z: list[int] = []
  t: tuple = 1, 2
  u: tuple = *a, b
  v: "forward" = None
`;
corner("assignments: chained and to attributes/subscripts")`
  a = b = c
  a.b = c[d] = e, f = g
  [a, (b, c)] = d
  x = yield_ = 1
`;
corner("import forms")`
  import a
  import a.b.c as d, e
  from . import x
  from .. import (a as b,)
  from .mod import y as z
  from ...pkg.sub import *
  from .......x import y
  from a import (b, c,
                 d)
  from __future__ import annotations
`;
corner("control flow: if/elif/else, while/else, for/else, raise, assert, return")`
  if a:
      pass
  elif b:
      pass
  elif c:
      pass
  else:
      pass
  while x:
      break
  else:
      continue
  for i in r:
      pass
  else:
      pass
  raise
  raise E
  raise E("m") from None
  assert x
  assert x, "msg"
  def f():
      return
`;
corner("classes")`
  class A: pass
  class B(): pass
  class C(A, B): pass
  class D(*bases, **kw): pass
  class E(A, metaclass=M, **kw):
      x: int = 0
      def m(self): return self.x
`;
corner("constants and soft names")`
  None, True, False, ...
  __debug__
  print(_, __name__)
`;

// ---- non-ASCII ----
corner("non-ASCII identifiers (NFKC normalised)")`
  ｆｏｏ = 1
  ℌ = 2
  µ = 3
  ﬁ = 4
  café = ｆｏｏ + é
  日本 = "日本語"
  obj.ｆｏｏ = f(ｆｏｏ=1)
  def ｇ(ａｒｇ): return ａｒｇ
  import ｍｏｄ
  𝔘𝔫𝔦 = 𝔘𝔫𝔦 + 1
`;
corner("non-ASCII string contents (UTF-8 byte columns)")`
  x = "日本語"; y = x
  s = "é" + t
  e = "😀" + f(x)
  g = ["é", "😀😀", "ab"]
  h = b"a" + "ü"
  k = '''ü
  😀 end''' + z
  # コメント
  w = 1
`;

// ---- encodings (bytes, through decodeSource) ----
cornerBytes("BOM", concat(BOM, utf8("x = 'é'\nif x:\n    y = x + '😀'\n")));
cornerBytes("BOM with utf-8 cookie", concat(BOM, utf8("# -*- coding: utf-8 -*-\nx = 'é'\n")));
cornerBytes("coding cookie latin-1", latin1("# -*- coding: latin-1 -*-\nx = 'é' + y\nz = 'ÿ'\n"));
cornerBytes(
  "coding cookie latin-1 on the second line",
  latin1("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\ns = 'café'; t = s\n"),
);
cornerBytes(
  "coding cookie cp1252",
  new Uint8Array([...latin1("# coding: cp1252\nq = '"), 0x93, 0x80, ...latin1("'; r = q\n")]),
);
cornerBytes("UTF-8 bytes without cookie", utf8("x = 'é'; y = '😀'; z = x\n"));
cornerBytes("Windows line endings (CRLF) in a file", utf8("x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n"));
cornerBytes("CRLF file with coding cookie and no final newline", latin1("# coding: latin-1\r\nx = 'é'\r\ny = 2"));

// ---- syntax errors ----
syntaxError("unclosed bracket", "x = (1,\n2\n");
syntaxError("unexpected indent", "x = 1\n    y = 2\n");
syntaxError("unindent that matches no outer level", "if x:\n        a\n    b\n");
syntaxError("invalid syntax at a token", "x = = 1\n");
syntaxError("invalid syntax at an operator", "x = 1 +* 2\n");
syntaxError("unterminated single-quoted string", "x = 'abc\n");
syntaxError("unterminated triple-quoted string", 'x = """abc\n\ny = 1\n');
syntaxError("missing colon", "if x\n    pass\n");
syntaxError("expected an indented block", "if x:\npass\n");
syntaxError("unmatched closing bracket", "x = 1)\n");
syntaxError("mismatched closing bracket", "x = (1]\n");
syntaxError("inconsistent tabs and spaces", "if x:\n        a\n\tb\n");
syntaxError("f-string missing closing brace", "f'{x'\n");
syntaxError("bytes after an f-string with a format spec, on the next line", 'x = (f"{x:{w}}"\n     b"a")\n');
syntaxError("assignment to a literal", "1 = x\n");
syntaxError("backslash continuation at end of file", "x = 1 + \\");

// ---- one python3 call for everything ----

function refereeInput(c: Case): RefereeInput {
  return "source" in c ? { source: c.source } : { bytes: c.bytes };
}

let results: RefereeResult[] | null = null;
let refereeError: unknown = null;
try {
  results = await runReferee([...cases.map(refereeInput), ...errorCases.map((c) => ({ source: c.source }))], {
    mode: "attributes",
  });
} catch (e) {
  refereeError = e;
}

const FILENAME = "<corner>";

function oursFor(c: Case): string {
  const source = "source" in c ? c.source : decodeSource(c.bytes, FILENAME);
  return dumpAst(parseModule(source, FILENAME), true);
}

describe("parser corners: identical to CPython's ast.dump(..., include_attributes=True)", () => {
  it("the CPython referee ran", () => {
    if (refereeError !== null) throw refereeError;
    assert.match(pythonVersion(), /^3\.11\./, "the referee must be CPython 3.11 (set PYCOMPILE_PYTHON)");
  });

  cases.forEach((c, index) => {
    it(c.name, () => {
      const referee = results?.[index];
      if (referee === undefined) assert.fail("no CPython result (the referee did not run)");
      if (referee.status !== "ok") {
        assert.fail(`test bug: CPython does not parse this snippet: ${JSON.stringify(referee)}`);
      }
      let ours: string;
      try {
        ours = oursFor(c);
      } catch (e) {
        assert.fail(`CPython parses it, ours threw ${describeThrown(e)}`);
      }
      const expected = referee.dump!;
      if (ours !== expected) assert.fail(`dump differs from CPython's\n${describeMismatch(expected, ours, 300)}`);
    });
  });
});

describe("parser corners: syntax errors positioned and worded like CPython's", () => {
  const errorResult = (index: number) => {
    const referee = results?.[cases.length + index];
    if (referee === undefined) assert.fail("no CPython result (the referee did not run)");
    if (referee.status !== "rejected")
      assert.fail(`test bug: CPython accepts this snippet: ${JSON.stringify(referee)}`);
    return referee.error;
  };
  const ourError = (source: string): PySyntaxError => {
    let parsed: unknown;
    try {
      parsed = parseModule(source, FILENAME);
    } catch (e) {
      if (e instanceof PySyntaxError) return e;
      assert.fail(`ours threw a non-PySyntaxError: ${describeThrown(e)}`);
    }
    assert.fail(`CPython rejects it, ours accepted it: ${dumpAst(parsed as { _type: string }, true).slice(0, 300)}`);
  };

  errorCases.forEach((c, index) => {
    it(`${c.name}: position (lineno, offset)`, () => {
      const expected = errorResult(index);
      const ours = ourError(c.source);
      assert.deepEqual(
        { lineno: ours.lineno, offset: ours.offset },
        { lineno: expected.lineno, offset: expected.offset },
        `CPython: ${expected.kind}: ${expected.msg}; ours: ${ours.kind}: ${ours.msg}`,
      );
    });
    it(`${c.name}: kind and message`, () => {
      const expected = errorResult(index);
      const ours = ourError(c.source);
      assert.deepEqual({ kind: ours.kind, msg: ours.msg }, { kind: expected.kind, msg: expected.msg });
    });
  });
});
