// `Option<T>` and `Result<T, E>`: the prelude's enums, whose first variant (`Some`, `Ok`) holds the
// value and whose second (`None`, `Err`) the failure. Their methods test the tag and take the
// payload apart; `unwrap` and `expect` of a failure panic with Rust's messages (an `Err`'s value
// written as `{}` would write it); `?` returns the failure from the function, made again in the
// function's own result type (`Result<T, E>` to `Result<U, E>`).

import { constants, type Value } from "@toolchain/compiler";
import type { CallExpression, TryExpression } from "../ast.js";
import { isResultType } from "../checker/prelude.js";
import type { EnumType } from "../checker/types.js";
import { isVariant, makeVariant, variantPart } from "./aggregates.js";
import { panicWith } from "./calls.js";
import { lowerExpression } from "./expressions.js";
import { joinPieces, toText } from "./formatting.js";
import type { FunctionLowering } from "./function-context.js";
import { notSupported } from "./unsupported.js";

/** The tag of the variant holding the value (`Some`, `Ok`); the other is the failure. */
const VALUE = 0;
const FAILURE = 1;

export function lowerOptionMethod(
  f: FunctionLowering,
  call: CallExpression,
  name: string,
  receiver: Value,
  type: EnumType,
): Value {
  const b = f.builder;
  const holdsValue = () => isVariant(f, receiver, type, VALUE);
  const value = () => variantPart(f, receiver, type, VALUE, 0);
  const result = isResultType(type);
  switch (name) {
    case "is_some":
    case "is_ok":
      return holdsValue();
    case "is_none":
    case "is_err":
      return b.not(holdsValue());
    case "unwrap":
    case "expect": {
      const failed = f.newBlock("unwrap.failed");
      const ok = f.newBlock("unwrap.ok");
      f.condbr(holdsValue(), ok, failed);
      f.enter(failed);
      const pieces: Value[] =
        name === "expect"
          ? [lowerExpression(f, call.arguments[0]!)]
          : [
              constants.str(
                `called \`${result ? "Result" : "Option"}::unwrap()\` on ${result ? "an `Err`" : "a `None`"} value`,
              ),
            ];
      if (result) {
        const errorType = type.typeArguments[1]!;
        const error = variantPart(f, receiver, type, FAILURE, 0);
        pieces.push(constants.str(": "), toText(f, call, errorType, error, null));
      }
      panicWith(f, call.start, joinPieces(f, pieces));
      f.enter(ok);
      return value();
    }
    case "unwrap_or": {
      const fallback = lowerExpression(f, call.arguments[0]!);
      const some = f.newBlock("unwrap_or.value");
      const join = f.newBlock("unwrap_or.end");
      const from = b.block;
      f.condbr(holdsValue(), some, join);
      f.enter(some);
      const held = value();
      f.br(join);
      f.enter(join);
      return b.phi(fallback.type, [
        { block: from, value: fallback },
        { block: some, value: held },
      ]);
    }
    case "unwrap_err": {
      const failed = f.newBlock("unwrap_err.ok");
      const held = f.newBlock("unwrap_err.failed");
      f.condbr(holdsValue(), held, failed);
      f.enter(held);
      panicWith(f, call.start, constants.str("called `Result::unwrap_err()` on an `Ok` value"));
      f.enter(failed);
      return variantPart(f, receiver, type, FAILURE, 0);
    }
    default:
      return notSupported(`the method \`${name}\` of \`${type.text}\``, call.callee);
  }
}

/** `e?`: the value of a `Some`/`Ok`; a `None`/`Err` returned from the function at once. */
export function lowerTry(f: FunctionLowering, e: TryExpression): Value {
  const tried = f.body.typeOf(e.operand) as EnumType;
  const operand = lowerExpression(f, e.operand);
  const failed = f.newBlock("try.failed");
  const ok = f.newBlock("try.ok");
  f.condbr(isVariant(f, operand, tried, VALUE), ok, failed);
  f.enter(failed);
  // The failure made again in the function's own Option or Result type.
  const returned = f.result as EnumType;
  const error = isResultType(tried) ? [variantPart(f, operand, tried, FAILURE, 0)] : [];
  f.builder.ret(makeVariant(f, returned, FAILURE, error, e));
  f.enter(ok);
  return variantPart(f, operand, tried, VALUE, 0);
}
