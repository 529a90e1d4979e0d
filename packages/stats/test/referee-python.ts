/** The referees of numerics (NumPy, SciPy, mpmath) in a python3 process, for this package's tests and the
 * tools' (exported as `@toolchain/stats/testing`). */
import { execFileSync, spawnSync } from "node:child_process";

/**
 * The Python that has NumPy, SciPy and mpmath: `python3` when it has them, else Debian's, for which
 * `scripts/setup.sh` installs them when no Python has them.
 */
export const REFEREE_PYTHON =
  ["python3", "/usr/bin/python3"].find(
    (python) => spawnSync(python, ["-c", "import numpy, scipy, mpmath"]).status === 0,
  ) ?? "python3";

/** The Python `expression` at each of `points` (each a list of numbers, `p` in the expression), with
 * NumPy as `np`, `mpmath` at 50 digits, `scipy.stats` as `stats` and scipy.special's `log_ndtr`, `ndtr`
 * and `ndtri` in scope. */
export function scipy(expression: string, points: number[][]): number[] {
  const program = [
    "import json, sys",
    "import numpy as np",
    "import mpmath",
    "mpmath.mp.dps = 50",
    "from scipy import stats",
    "from scipy.special import log_ndtr, ndtr, ndtri",
    "points = json.load(sys.stdin)",
    `print(json.dumps([float(${expression}) for p in points]))`,
  ].join("\n");
  return JSON.parse(execFileSync(REFEREE_PYTHON, ["-c", program], { input: JSON.stringify(points) }).toString());
}
