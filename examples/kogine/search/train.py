"""A small training loop for `kogine run --search`: fits y = 3x + 0.5 by minibatch SGD with momentum and
logs the validation loss every epoch. Bad settings (a learning rate too high or too low) give curves that
stay high, which ASHA stops early; the script also stops itself when kogine asks (kogine.should_stop)."""
import math
import random
import time

import kogine

lr = 0.01
momentum = 0.0
batch = 8
epochs = 30
pause = 0.1  # seconds per epoch, standing in for real work


def main():
    rng = random.Random(0)
    xs = [rng.uniform(-1, 1) for _ in range(256)]
    data = [(x, 3 * x + 0.5 + rng.gauss(0, 0.1)) for x in xs]
    train, valid = data[:192], data[192:]
    w = b = vw = vb = 0.0
    loss = float("inf")
    for epoch in range(epochs):
        rng.shuffle(train)
        for start in range(0, len(train), batch):
            chunk = train[start : start + batch]
            gw = sum(2 * (w * x + b - y) * x for x, y in chunk) / len(chunk)
            gb = sum(2 * (w * x + b - y) for x, y in chunk) / len(chunk)
            vw, vb = momentum * vw - lr * gw, momentum * vb - lr * gb
            w, b = w + vw, b + vb
        loss = sum((w * x + b - y) ** 2 for x, y in valid) / len(valid)
        if not math.isfinite(loss):
            loss = float("nan")
        kogine.log(step=epoch, loss=loss)
        if kogine.should_stop() or math.isnan(loss):
            break
        time.sleep(pause)
    return {"loss": loss, "w": w, "b": b}
