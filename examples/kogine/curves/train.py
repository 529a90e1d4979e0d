"""A training-style script that logs a loss and an accuracy every epoch: `kogine ui` draws their curves,
live while the sweep runs, and the sweep's settings against them."""

import math
import time

import kogine

lr = 0.1
width = 32
epochs = 20
seconds_per_epoch = 0.1


def main():
    loss = 2.0
    for epoch in range(epochs):
        loss += lr * (1 / width - loss) + 0.01 * math.sin(epoch)
        kogine.log(step=epoch, loss=loss, acc=1 / (1 + loss))
        print(f"epoch {epoch}: loss {loss:.4f}", flush=True)
        time.sleep(seconds_per_epoch)
    return {"loss": round(loss, 6)}


if __name__ == "__main__":
    main()
