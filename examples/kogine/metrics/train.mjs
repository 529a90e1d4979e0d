// The JS form of train.py: metrics with log(), early stop with shouldStop().
import { log, shouldStop } from "kogine";

export const lr = 0.1;
export const epochs = 20;

export function main() {
  let loss = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    loss = loss * (1 - lr) + 0.01 * (1 + Math.sin(epoch));
    log({ step: epoch, loss, acc: 1 - loss });
    if (shouldStop()) break;
  }
  return { loss };
}
