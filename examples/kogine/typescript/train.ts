// A TypeScript script; kogine transforms it with esbuild and injects the config before it runs.
import { entrypoint } from "kogine";

export const model: string = "linear";
export const lr: number = 0.01;
const warmup: number = Math.round(lr * 1000);

export const fit = entrypoint(async ({ epochs = 1 }: { epochs?: number } = {}) => {
  const loss = 1 / (1 + lr * epochs * warmup);
  console.log(`${model}: lr=${lr} warmup=${warmup} epochs=${epochs} loss=${loss.toFixed(4)}`);
  return { model, lr, warmup, epochs, loss };
});
