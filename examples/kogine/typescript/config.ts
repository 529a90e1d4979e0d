// A TypeScript config: a generator of configs, each with globals and keyword arguments.
import { Config } from "kogine";

export function* configGen(): Generator<Config> {
  for (const model of ["linear", "mlp"]) {
    yield new Config({ globals: { model, lr: model === "mlp" ? 0.002 : 0.02 }, kwargs: { epochs: 3 } });
  }
}
