// The example program of issue 13 checks without a diagnostic, and the checker's result says what
// lowering needs about it: the types of its expressions, what each name and call refers to, the
// variables, patterns, loops and format strings.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkLuma, type FunctionInstance, parseLuma } from "../src/index.js";
import { expressionsWithText, instanceNamed, typeOfText } from "./check-helpers.js";
import { EXAMPLE } from "./sample-programs.js";

describe("the example program of issue 13", () => {
  const { module } = parseLuma(EXAMPLE, "example.ls");
  const { program, diagnostics } = checkLuma(module);
  const only = (instance: FunctionInstance, text: string) => {
    const [expression] = expressionsWithText(instance, text);
    assert.ok(expression !== undefined, `no \`${text}\``);
    return expression;
  };

  test("checks with no diagnostics", () => {
    assert.deepEqual(diagnostics, []);
  });

  test("has one instance per function and method, in source order, none generic", () => {
    assert.deepEqual(
      program.instances.map((instance) => [instance.name, instance.type.text]),
      [
        ["fib", "func(i64) -> i64"],
        ["Point::new", "func(f64, f64) -> Point"],
        ["Point::norm", "func() -> f64"],
        ["area", "func(Shape) -> f64"],
        ["main", "func()"],
      ],
    );
    assert.equal(program.main?.name, "main");
    assert.equal(instanceNamed(program, "Point::norm").selfType?.text, "Point");
  });

  test("types the expressions: literals from their context, i64 and f64 by default", () => {
    assert.equal(typeOfText(program, "fib", "0"), "i64");
    assert.equal(typeOfText(program, "fib", "a + b"), "i64");
    assert.equal(typeOfText(program, "fib", "0..n"), "i64");
    assert.equal(typeOfText(program, "area", "3.14159 * r * r"), "f64");
    assert.equal(typeOfText(program, "area", "w * h"), "f64");
    assert.equal(typeOfText(program, "Point::norm", "self.x * self.x + self.y * self.y"), "f64");
    assert.equal(typeOfText(program, "Point::norm", "sqrt(self.x * self.x + self.y * self.y)"), "f64");
    assert.equal(typeOfText(program, "Point::new", "Point { x: x, y: y }"), "Point");
    assert.equal(typeOfText(program, "main", "Point::new(3.0, 4.0)"), "Point");
    assert.equal(typeOfText(program, "main", "p.norm()"), "f64");
    assert.equal(typeOfText(program, "main", "Array::new()"), "Array<i64>");
    assert.equal(typeOfText(program, "main", "fib(i)"), "i64");
    assert.equal(typeOfText(program, "main", "xs.push(fib(i))"), "()");
    assert.equal(typeOfText(program, "main", "xs.len()"), "i64");
    assert.equal(typeOfText(program, "main", "xs[9]"), "i64");
  });

  test("resolves the variables, with `let` inferring from the initialiser", () => {
    const fib = instanceNamed(program, "fib");
    const body = fib.body!;
    const [first, second] = fib.symbol.declaration.body.statements;
    assert.equal(first?.kind === "Let" && body.locals.get(first)?.type.text, "i64");
    assert.equal(second?.kind === "Let" && body.locals.get(second)?.name, "b");
    const use = only(fib, "a");
    const reference = body.references.get(use as never);
    assert.equal(reference?.kind, "local");
    assert.equal(reference?.kind === "local" && reference.local.origin, "let");
  });

  test("records what each call calls", () => {
    const main = instanceNamed(program, "main");
    const calls = main.body!.calls;
    const targetOf = (text: string) => calls.get(only(main, text) as never);
    const made = targetOf("Point::new(3.0, 4.0)");
    assert.equal(made?.kind === "function" && made.instance?.name, "Point::new");
    const norm = targetOf("p.norm()");
    assert.equal(norm?.kind === "method" && norm.instance?.name, "Point::norm");
    const push = targetOf("xs.push(fib(i))");
    assert.equal(push?.kind === "builtin-method" && `${push.receiverType.text}.${push.name}`, "Array<i64>.push");
    const created = targetOf("Array::new()");
    assert.equal(created?.kind === "builtin-static" && created.type.text, "Array<i64>");
    const printed = targetOf('println("{} {}", xs.len(), xs[9])');
    assert.deepEqual(printed?.kind === "builtin" && printed.format?.pieces, [
      { kind: "placeholder", argument: 0, align: null, width: null, precision: null },
      { kind: "text", text: " " },
      { kind: "placeholder", argument: 1, align: null, width: null, precision: null },
    ]);
    const norm2 = instanceNamed(program, "Point::norm");
    const root = norm2.body!.calls.get(only(norm2, "sqrt(self.x * self.x + self.y * self.y)") as never);
    assert.deepEqual(root?.kind === "builtin" && [root.name, root.typeArguments.map((t) => t.text)], ["sqrt", ["f64"]]);
  });

  test("resolves the match's patterns and their bindings", () => {
    const area = instanceNamed(program, "area");
    const [match] = area.symbol.declaration.body.statements;
    assert.equal(match?.kind, "Match");
    if (match?.kind !== "Match") return;
    const [circle, rect] = match.arms;
    const circleInfo = area.body!.patterns.get(circle!.pattern);
    assert.equal(
      circleInfo?.kind === "variant" && `${circleInfo.type.text}::${circleInfo.variant.name}`,
      "Shape::Circle",
    );
    const payload = circle!.pattern.kind === "VariantPattern" ? circle!.pattern.payload![0]! : null;
    const radius = payload === null ? undefined : area.body!.patterns.get(payload);
    assert.equal(radius?.kind === "binding" && `${radius.local.name}: ${radius.local.type.text}`, "r: f64");
    const rectInfo = area.body!.patterns.get(rect!.pattern);
    assert.equal(rectInfo?.kind === "variant" && rectInfo.variant.index, 1);
  });

  test("records what the `for` loops iterate", () => {
    const fib = instanceNamed(program, "fib");
    const [, , loop] = fib.symbol.declaration.body.statements;
    assert.equal(loop?.kind, "For");
    if (loop?.kind !== "For") return;
    const info = fib.body!.loops.get(loop);
    assert.equal(info?.kind === "range" && info.type.text, "i64");
    const binding = loop.binding;
    assert.equal(binding.kind === "BindingPattern" && fib.body!.locals.get(binding)?.type.text, "i64");
  });
});
