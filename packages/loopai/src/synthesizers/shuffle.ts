// The seeded shuffle training uses (cross-validation folds, SGD epochs), so a generation is
// reproducible from its labels alone.

/** A linear congruential generator (Numerical Recipes' constants): a uint32 per call. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

/** Fisher–Yates in place, each swap drawn from `next` (a uint32 stream). */
export function shuffleInPlace<T>(xs: T[], next: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}
