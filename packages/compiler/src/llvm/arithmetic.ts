// Integer and float arithmetic, comparisons and conversions, on every width. A checked operation
// (one with a RaiseInfo) tests for its failure inline and branches to a cold block that raises; the
// unchecked forms are the front end's promise that the failure cannot happen, and are kept defined
// anyway (a zero divisor or an oversized shift never reaches LLVM as undefined behaviour).
// No fast-math flags anywhere: float results match the reference bit for bit.

import type { CompareOp, Instruction, RaiseInfo, Value } from "../ir/ir.js";
import { types } from "../ir/types.js";
import type { FunctionEmitter } from "./function-emitter.js";
import { floatLiteral, llvmType } from "./llvm-values.js";

type Of<K extends Instruction["kind"]> = Extract<Instruction, { kind: K }>;

export class ArithmeticEmitter {
  constructor(private readonly e: FunctionEmitter) {}

  emit(inst: Of<"ibinary" | "fbinary" | "ineg" | "fneg" | "not" | "icmp" | "fcmp" | "convert" | "toint">): void {
    const e = this.e;
    const v = e.name(inst);
    switch (inst.kind) {
      case "ibinary":
        this.intBinary(inst);
        return;
      case "fbinary":
        this.floatBinary(inst);
        return;
      case "ineg": {
        const ty = llvmType(inst.type);
        if (inst.raise !== null) this.checked("ssub", ty, "0", e.value(inst.operand), v, inst.raise, inst);
        else e.line(`${v} = sub ${ty} 0, ${e.value(inst.operand)}`);
        return;
      }
      case "fneg":
        e.line(`${v} = fneg ${e.typed(inst.operand)}`);
        return;
      case "not":
        e.line(`${v} = xor ${e.typed(inst.operand)}, ${inst.operand.type === types.i1 ? "true" : "-1"}`);
        return;
      case "icmp": {
        const unsigned = inst.lhs.type === types.i1;
        e.line(`${v} = icmp ${intPredicate(inst.op, unsigned)} ${e.typed(inst.lhs)}, ${e.value(inst.rhs)}`);
        return;
      }
      case "fcmp":
        e.line(`${v} = fcmp ${floatPredicate(inst.op)} ${e.typed(inst.lhs)}, ${e.value(inst.rhs)}`);
        return;
      case "convert":
        this.conversion(inst);
        return;
      case "toint":
        this.checkedToInt(inst);
        return;
    }
  }

  /** `result = a <op> b` via llvm.<op>.with.overflow, raising on overflow. */
  private checked(
    op: "sadd" | "ssub" | "smul",
    ty: string,
    a: string,
    b: string,
    result: string,
    info: RaiseInfo,
    inst: Instruction,
  ): void {
    const e = this.e;
    e.m.declareIntrinsic(`declare { ${ty}, i1 } @llvm.${op}.with.overflow.${ty}(${ty}, ${ty})`);
    const pair = e.tmp();
    const overflow = e.tmp();
    e.line(`${pair} = call { ${ty}, i1 } @llvm.${op}.with.overflow.${ty}(${ty} ${a}, ${ty} ${b})`);
    e.line(`${result} = extractvalue { ${ty}, i1 } ${pair}, 0`);
    e.line(`${overflow} = extractvalue { ${ty}, i1 } ${pair}, 1`);
    e.failIf(overflow, info, inst);
  }

  private intBinary(inst: Of<"ibinary">): void {
    const e = this.e;
    const v = e.name(inst);
    const a = e.value(inst.lhs);
    const b = e.value(inst.rhs);
    const raise = inst.raise;
    const ty = llvmType(inst.type);
    const bits = inst.type.kind === "int" ? inst.type.bits : 64;
    switch (inst.op) {
      case "add":
      case "sub":
      case "mul":
        if (raise !== null) this.checked(`s${inst.op}`, ty, a, b, v, raise, inst);
        else e.line(`${v} = ${inst.op}${inst.noWrap === true ? " nsw" : ""} ${ty} ${a}, ${b}`);
        return;
      case "and":
      case "or":
      case "xor":
      case "udiv":
      case "urem":
        e.line(`${v} = ${inst.op} ${ty} ${a}, ${b}`);
        return;
      case "sdiv":
      case "srem":
        this.truncatingDivision(inst, ty, bits, a, b);
        return;
      case "floordiv":
      case "floormod":
        this.floorDivision(inst, ty, bits, a, b);
        return;
      case "shl":
        this.shiftLeft(inst, ty, bits, a, b);
        return;
      case "ashr": {
        if (raise !== null) this.failIfNegative(ty, b, raise, inst);
        // Counts of the width or more (or negative, unchecked) leave only the sign.
        const big = e.tmp();
        const count = e.tmp();
        e.line(`${big} = icmp ugt ${ty} ${b}, ${bits - 1}`);
        e.line(`${count} = select i1 ${big}, ${ty} ${bits - 1}, ${ty} ${b}`);
        e.line(`${v} = ashr ${ty} ${a}, ${count}`);
        return;
      }
      case "pow":
        this.intPower(inst, ty, a, b);
        return;
    }
  }

  /**
   * Floor division and modulo (rounding toward negative infinity). By 2**k they are an arithmetic
   * shift and the low k bits, for negative dividends too; otherwise C's truncating division with a
   * fix-up when the remainder's sign differs from the divisor's.
   */
  private floorDivision(inst: Of<"ibinary">, ty: string, bits: number, a: string, b: string): void {
    const e = this.e;
    const v = e.name(inst);
    const raise = inst.raise;
    const power = powerOfTwoExponent(inst.rhs);
    if (power !== null) {
      if (inst.op === "floordiv") e.line(`${v} = ashr ${ty} ${a}, ${power}`);
      else e.line(`${v} = and ${ty} ${a}, ${(1n << BigInt(power)) - 1n}`);
      return;
    }
    const minusOne = e.tmp();
    const zero = e.tmp();
    e.line(`${minusOne} = icmp eq ${ty} ${b}, -1`);
    e.line(`${zero} = icmp eq ${ty} ${b}, 0`);
    if (raise !== null) {
      e.failIf(zero, raise, inst);
      if (inst.op === "floordiv") this.failIfMinOverMinusOne(ty, bits, a, minusOne, raise, inst);
    }
    // srem by -1 is undefined for MIN (and always 0), and by 0 for anything: divide by 1 instead.
    const unsafe = e.tmp();
    const divisor = e.tmp();
    e.line(`${unsafe} = or i1 ${zero}, ${minusOne}`);
    e.line(`${divisor} = select i1 ${unsafe}, ${ty} 1, ${ty} ${b}`);
    const remainder = e.tmp();
    e.line(`${remainder} = srem ${ty} ${a}, ${divisor}`);
    const [nonZero, signs, differ, adjust] = [e.tmp(), e.tmp(), e.tmp(), e.tmp()];
    e.line(`${nonZero} = icmp ne ${ty} ${remainder}, 0`);
    e.line(`${signs} = xor ${ty} ${remainder}, ${b}`);
    e.line(`${differ} = icmp slt ${ty} ${signs}, 0`);
    e.line(`${adjust} = and i1 ${nonZero}, ${differ}`);
    if (inst.op === "floormod") {
      const sum = e.tmp();
      e.line(`${sum} = add ${ty} ${remainder}, ${b}`);
      e.line(`${v} = select i1 ${adjust}, ${ty} ${sum}, ${ty} ${remainder}`);
      return;
    }
    const [quotient, negated, q, one] = [e.tmp(), e.tmp(), e.tmp(), e.tmp()];
    e.line(`${quotient} = sdiv ${ty} ${a}, ${divisor}`);
    e.line(`${negated} = sub ${ty} 0, ${a}`);
    e.line(`${q} = select i1 ${minusOne}, ${ty} ${negated}, ${ty} ${quotient}`);
    e.line(`${one} = zext i1 ${adjust} to ${ty}`);
    e.line(`${v} = sub ${ty} ${q}, ${one}`);
  }

  /**
   * C's division and remainder, truncating toward zero. A zero divisor, and MIN / -1 (which does
   * not fit), raise with `raise`; unchecked, the divisor is made safe so the result is defined.
   */
  private truncatingDivision(inst: Of<"ibinary">, ty: string, bits: number, a: string, b: string): void {
    const e = this.e;
    const zero = e.tmp();
    const minusOne = e.tmp();
    e.line(`${zero} = icmp eq ${ty} ${b}, 0`);
    e.line(`${minusOne} = icmp eq ${ty} ${b}, -1`);
    if (inst.raise !== null) {
      e.failIf(zero, inst.raise, inst);
      if (inst.op === "sdiv") this.failIfMinOverMinusOne(ty, bits, a, minusOne, inst.raise, inst);
    }
    // x / -1 is -x and x % -1 is 0; dividing by 1 instead keeps MIN / -1 and a zero divisor defined.
    const [unsafe, divisor, result] = [e.tmp(), e.tmp(), e.tmp()];
    e.line(`${unsafe} = or i1 ${zero}, ${minusOne}`);
    e.line(`${divisor} = select i1 ${unsafe}, ${ty} 1, ${ty} ${b}`);
    e.line(`${result} = ${inst.op} ${ty} ${a}, ${divisor}`);
    if (inst.op === "srem") {
      e.line(`${e.name(inst)} = select i1 ${minusOne}, ${ty} 0, ${ty} ${result}`);
    } else {
      const negated = e.tmp();
      e.line(`${negated} = sub ${ty} 0, ${a}`);
      e.line(`${e.name(inst)} = select i1 ${minusOne}, ${ty} ${negated}, ${ty} ${result}`);
    }
  }

  /** MIN divided by -1 does not fit. */
  private failIfMinOverMinusOne(
    ty: string,
    bits: number,
    a: string,
    minusOne: string,
    raise: RaiseInfo,
    inst: Instruction,
  ): void {
    const e = this.e;
    const isMin = e.tmp();
    const overflow = e.tmp();
    e.line(`${isMin} = icmp eq ${ty} ${a}, ${-(2n ** BigInt(bits - 1))}`);
    e.line(`${overflow} = and i1 ${isMin}, ${minusOne}`);
    e.failIf(overflow, raise, inst);
  }

  /** Counts of the width or more (or negative, unchecked) shift everything out; checked, lost bits raise. */
  private shiftLeft(inst: Of<"ibinary">, ty: string, bits: number, a: string, b: string): void {
    const e = this.e;
    const v = e.name(inst);
    const raise = inst.raise;
    if (raise !== null) this.failIfNegative(ty, b, raise, inst);
    const [big, count, shifted] = [e.tmp(), e.tmp(), e.tmp()];
    e.line(`${big} = icmp uge ${ty} ${b}, ${bits}`);
    e.line(`${count} = select i1 ${big}, ${ty} 0, ${ty} ${b}`);
    e.line(`${shifted} = shl ${ty} ${a}, ${count}`);
    if (raise !== null) {
      const [back, lost, nonZero, bigLost, overflow] = [e.tmp(), e.tmp(), e.tmp(), e.tmp(), e.tmp()];
      e.line(`${back} = ashr ${ty} ${shifted}, ${count}`);
      e.line(`${lost} = icmp ne ${ty} ${back}, ${a}`);
      e.line(`${nonZero} = icmp ne ${ty} ${a}, 0`);
      e.line(`${bigLost} = and i1 ${big}, ${nonZero}`);
      e.line(`${overflow} = or i1 ${lost}, ${bigLost}`);
      e.failIf(overflow, raise, inst);
    }
    e.line(`${v} = select i1 ${big}, ${ty} 0, ${ty} ${shifted}`);
  }

  /** A negative shift count raises. */
  private failIfNegative(ty: string, count: string, raise: RaiseInfo, inst: Instruction): void {
    const negative = this.e.tmp();
    this.e.line(`${negative} = icmp slt ${ty} ${count}, 0`);
    this.e.failIf(negative, raise, inst);
  }

  /** Integer power: unrolled square-and-multiply for a small constant exponent, else the helper. */
  private intPower(inst: Of<"ibinary">, ty: string, a: string, b: string): void {
    const e = this.e;
    const v = e.name(inst);
    const raise = inst.raise;
    const exponent = inst.rhs.kind === "const" && typeof inst.rhs.value === "bigint" ? inst.rhs.value : null;
    if (exponent !== null && exponent >= 0n && exponent <= 64n) {
      const multiply = (x: string, y: string): string => {
        const r = e.tmp();
        if (raise !== null) this.checked("smul", ty, x, y, r, raise, inst);
        else e.line(`${r} = mul ${ty} ${x}, ${y}`);
        return r;
      };
      let result: string | null = null;
      let base = a;
      for (let n = Number(exponent); n > 0; ) {
        if (n & 1) result = result === null ? base : multiply(result, base);
        n >>= 1;
        if (n > 0) base = multiply(base, base);
      }
      e.alias(inst, result ?? "1");
      return;
    }
    const helper = this.integerPowerHelper(ty);
    const pair = e.tmp();
    e.line(`${pair} = call { ${ty}, i1 } ${helper}(${ty} ${a}, ${ty} ${b})`);
    e.line(`${v} = extractvalue { ${ty}, i1 } ${pair}, 0`);
    if (raise !== null) {
      const overflow = e.tmp();
      e.line(`${overflow} = extractvalue { ${ty}, i1 } ${pair}, 1`);
      e.failIf(overflow, raise, inst);
    }
  }

  /** A helper defined once per module and width: checked integer power by squaring. */
  private integerPowerHelper(ty: string): string {
    const name = `@"rt.ipow.${ty}"`;
    const mul = `@llvm.smul.with.overflow.${ty}`;
    this.e.m.declareIntrinsic(`declare { ${ty}, i1 } ${mul}(${ty}, ${ty})`);
    this.e.m.defineHelper(name, () =>
      [
        `; base ** exponent for exponent >= 0 (1 otherwise), with an overflow flag.`,
        `define internal { ${ty}, i1 } ${name}(${ty} %base, ${ty} %exponent) nounwind readnone {`,
        "entry:",
        "  br label %loop",
        "loop:",
        `  %result = phi ${ty} [ 1, %entry ], [ %result.next, %body ]`,
        `  %b = phi ${ty} [ %base, %entry ], [ %b.next, %body ]`,
        `  %e = phi ${ty} [ %exponent, %entry ], [ %e.next, %body ]`,
        "  %overflow = phi i1 [ false, %entry ], [ %overflow.next, %body ]",
        `  %done = icmp sle ${ty} %e, 0`,
        "  br i1 %done, label %exit, label %body",
        "body:",
        `  %bit = and ${ty} %e, 1`,
        `  %odd = icmp ne ${ty} %bit, 0`,
        `  %m = call { ${ty}, i1 } ${mul}(${ty} %result, ${ty} %b)`,
        `  %m.value = extractvalue { ${ty}, i1 } %m, 0`,
        `  %m.overflow = extractvalue { ${ty}, i1 } %m, 1`,
        `  %result.next = select i1 %odd, ${ty} %m.value, ${ty} %result`,
        "  %m.counts = and i1 %odd, %m.overflow",
        `  %e.next = lshr ${ty} %e, 1`,
        `  %more = icmp ne ${ty} %e.next, 0`,
        `  %s = call { ${ty}, i1 } ${mul}(${ty} %b, ${ty} %b)`,
        `  %b.next = extractvalue { ${ty}, i1 } %s, 0`,
        `  %s.overflow = extractvalue { ${ty}, i1 } %s, 1`,
        "  %s.counts = and i1 %more, %s.overflow",
        "  %o1 = or i1 %overflow, %m.counts",
        "  %overflow.next = or i1 %o1, %s.counts",
        "  br label %loop",
        "exit:",
        `  %r0 = insertvalue { ${ty}, i1 } undef, ${ty} %result, 0`,
        `  %r1 = insertvalue { ${ty}, i1 } %r0, i1 %overflow, 1`,
        `  ret { ${ty}, i1 } %r1`,
        "}",
        "",
      ].join("\n"),
    );
    return name;
  }

  private floatBinary(inst: Of<"fbinary">): void {
    const e = this.e;
    const v = e.name(inst);
    const a = e.value(inst.lhs);
    const b = e.value(inst.rhs);
    const ty = llvmType(inst.type);
    const raise = inst.raise;
    const zeroCheck = () => {
      if (raise === null) return;
      const zero = e.tmp();
      e.line(`${zero} = fcmp oeq ${ty} ${b}, 0.0`);
      e.failIf(zero, raise, inst);
    };
    switch (inst.op) {
      case "fadd":
      case "fsub":
      case "fmul":
        e.line(`${v} = ${inst.op} ${ty} ${a}, ${b}`);
        return;
      case "fdiv":
        zeroCheck();
        e.line(`${v} = fdiv ${ty} ${a}, ${b}`);
        return;
      case "ffloordiv":
      case "fmod": {
        zeroCheck();
        // The runtime's floored forms are double's. An f32's are computed in double, where fmod is
        // exact and the quotient's floor of two floats loses nothing, then rounded back.
        const name = inst.op === "ffloordiv" ? "rt_f64_floordiv" : "rt_f64_mod";
        e.m.declareInternal(name);
        if (ty === "double") {
          e.line(`${v} = call double @${name}(double ${a}, double ${b})`);
          return;
        }
        const [x, y, r] = [e.tmp(), e.tmp(), e.tmp()];
        e.line(`${x} = fpext ${ty} ${a} to double`);
        e.line(`${y} = fpext ${ty} ${b} to double`);
        e.line(`${r} = call double @${name}(double ${x}, double ${y})`);
        e.line(`${v} = fptrunc double ${r} to ${ty}`);
        return;
      }
      case "fpow":
        this.floatPower(inst, ty, v, a, b, raise);
        return;
    }
  }

  /**
   * Float power: C's pow, except where the IR's checked form raises: 0.0 to a negative power, a
   * finite negative base to a finite non-integer power (a complex result), and overflow of finite
   * operands. With a RaiseInfo, each of those raises it.
   */
  private floatPower(inst: Instruction, ty: string, v: string, a: string, b: string, raise: RaiseInfo | null): void {
    const e = this.e;
    const suffix = ty === "double" ? "f64" : "f32";
    const intrinsic = (name: string, args: string) => {
      e.m.declareIntrinsic(`declare ${ty} @llvm.${name}.${suffix}(${args}) nounwind readnone`);
      return `@llvm.${name}.${suffix}`;
    };
    const pow = intrinsic("pow", `${ty}, ${ty}`);
    if (raise === null) {
      e.line(`${v} = call ${ty} ${pow}(${ty} ${a}, ${ty} ${b})`);
      return;
    }
    const fabs = intrinsic("fabs", ty);
    const floor = intrinsic("floor", ty);
    const infinity = floatLiteral(Number.POSITIVE_INFINITY);
    const t = () => e.tmp();
    const [absA, finiteA, absB, finiteB] = [t(), t(), t(), t()];
    e.line(`${absA} = call ${ty} ${fabs}(${ty} ${a})`);
    e.line(`${finiteA} = fcmp one ${ty} ${absA}, ${infinity}`);
    e.line(`${absB} = call ${ty} ${fabs}(${ty} ${b})`);
    e.line(`${finiteB} = fcmp one ${ty} ${absB}, ${infinity}`);
    // 0.0 ** negative (an infinite exponent gives inf without error).
    const [baseZero, expNegative, c0, zeroToNegative] = [t(), t(), t(), t()];
    e.line(`${baseZero} = fcmp oeq ${ty} ${a}, 0.0`);
    e.line(`${expNegative} = fcmp olt ${ty} ${b}, 0.0`);
    e.line(`${c0} = and i1 ${baseZero}, ${expNegative}`);
    e.line(`${zeroToNegative} = and i1 ${c0}, ${finiteB}`);
    e.failIf(zeroToNegative, raise, inst);
    // A finite negative base to a finite non-integer power.
    const [baseNegative, floorB, fractional, c1, c2, complex] = [t(), t(), t(), t(), t(), t()];
    e.line(`${baseNegative} = fcmp olt ${ty} ${a}, 0.0`);
    e.line(`${floorB} = call ${ty} ${floor}(${ty} ${b})`);
    e.line(`${fractional} = fcmp une ${ty} ${b}, ${floorB}`);
    e.line(`${c1} = and i1 ${baseNegative}, ${finiteA}`);
    e.line(`${c2} = and i1 ${finiteB}, ${fractional}`);
    e.line(`${complex} = and i1 ${c1}, ${c2}`);
    e.failIf(complex, raise, inst);
    e.line(`${v} = call ${ty} ${pow}(${ty} ${a}, ${ty} ${b})`);
    const [absR, infinite, finiteOperands, overflow] = [t(), t(), t(), t()];
    e.line(`${absR} = call ${ty} ${fabs}(${ty} ${v})`);
    e.line(`${infinite} = fcmp oeq ${ty} ${absR}, ${infinity}`);
    e.line(`${finiteOperands} = and i1 ${finiteA}, ${finiteB}`);
    e.line(`${overflow} = and i1 ${infinite}, ${finiteOperands}`);
    e.failIf(overflow, raise, inst);
  }

  /** Conversions between integer and float types of every width. */
  private conversion(inst: Of<"convert">): void {
    const e = this.e;
    const v = e.name(inst);
    const to = llvmType(inst.type);
    if (inst.op === "fptosi") {
      // Saturating, and 0 for NaN: defined for every input, unlike a plain fptosi.
      const from = llvmType(inst.operand.type);
      const name = `llvm.fptosi.sat.${to}.${from === "double" ? "f64" : "f32"}`;
      e.m.declareIntrinsic(`declare ${to} @${name}(${from})`);
      e.line(`${v} = call ${to} @${name}(${e.typed(inst.operand)})`);
      return;
    }
    e.line(`${v} = ${inst.op} ${e.typed(inst.operand)} to ${to}`);
  }

  /** A float to an integer rounding toward zero; NaN, infinities and values out of range raise. */
  private checkedToInt(inst: Of<"toint">): void {
    const e = this.e;
    const x = e.value(inst.operand);
    const from = llvmType(inst.operand.type);
    const bits = inst.type.kind === "int" ? inst.type.bits : 64;
    const [low, high, bad] = [e.tmp(), e.tmp(), e.tmp()];
    // Unordered comparisons are also true for NaN. The bounds, -2**(bits-1) and 2**(bits-1), are exact floats.
    e.line(`${low} = fcmp ult ${from} ${x}, ${floatLiteral(-(2 ** (bits - 1)))}`);
    e.line(`${high} = fcmp uge ${from} ${x}, ${floatLiteral(2 ** (bits - 1))}`);
    e.line(`${bad} = or i1 ${low}, ${high}`);
    e.failIf(bad, inst.raise, inst);
    e.line(`${e.name(inst)} = fptosi ${from} ${x} to ${llvmType(inst.type)}`);
  }
}

function intPredicate(op: CompareOp, unsigned: boolean): string {
  switch (op) {
    case "eq":
    case "ne":
      return op;
    case "lt":
      return unsigned ? "ult" : "slt";
    case "le":
      return unsigned ? "ule" : "sle";
    case "gt":
      return unsigned ? "ugt" : "sgt";
    case "ge":
      return unsigned ? "uge" : "sge";
  }
}

/** Ordered comparisons, except `ne`, which is true for NaN (IEEE's "not equal"). */
function floatPredicate(op: CompareOp): string {
  return op === "ne" ? "une" : `o${op === "eq" ? "eq" : op}`;
}

/** k when `value` is the constant 2**k, else null. */
function powerOfTwoExponent(value: Value): number | null {
  if (value.kind !== "const" || typeof value.value !== "bigint") return null;
  const c = value.value;
  if (c <= 0n || (c & (c - 1n)) !== 0n) return null;
  return c.toString(2).length - 1;
}
