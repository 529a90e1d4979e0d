"""A training-style script, unmodified for kogine: settings at the top, a main guard at the bottom."""

import math

lr = 1e-3
epochs = 10
batch_size = 32
hidden = [64, 64]  # layer widths: --set hidden=128,128 or --sweep 'hidden=[32],[64,64]'
steps = epochs * 100  # derived: sees the config's epochs because kogine injects before top-level code
schedule = None  # a function the config can supply


def train_loss(step):
    scale = schedule(step) if schedule else 1.0
    return math.exp(-lr * scale * step / 10) + 1 / batch_size


def main():
    loss = train_loss(steps)
    print(f"lr={lr} batch_size={batch_size} steps={steps} loss={loss:.4f}")
    return {"lr": lr, "batch_size": batch_size, "hidden": hidden, "steps": steps, "loss": round(loss, 6)}


if __name__ == "__main__":
    main()
