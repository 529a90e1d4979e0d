// The values a Python `Constant` node can hold, chosen so that every Python value keeps its identity:
// an int is a bigint (never confused with a float), a float is a number.

/** Python's `...`. */
export class PyEllipsis {
  static readonly instance = new PyEllipsis();
  private constructor() {}
}

/** A complex literal such as `1j` (the parser only ever builds a zero real part). */
export class PyComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

/** A `bytes` value. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * A `str` that a JS string cannot represent faithfully: escaped surrogates such as "\ud83d\ude00"
 * are two code points in Python but would fuse into one in UTF-16. Only built in that rare case;
 * every other str is a plain JS string.
 */
export class PyStrCodePoints {
  constructor(readonly codePoints: readonly number[]) {}
}

export type PyStr = string | PyStrCodePoints;

export type ConstantValue = null | boolean | bigint | number | PyStr | PyBytes | PyComplex | PyEllipsis;
