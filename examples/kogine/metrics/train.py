"""Logs metrics while it trains and stops early when asked; runs unchanged under plain python3 too (with
kogine's shim on PYTHONPATH), where `log` does nothing and `should_stop()` is False."""

import math

import kogine

lr = 0.1
epochs = 20


def main():
    loss = 1.0
    for epoch in range(epochs):
        loss = loss * (1 - lr) + 0.01 * (1 + math.sin(epoch))  # a stand-in for a training step
        kogine.log(step=epoch, loss=loss, acc=1 - loss)
        if kogine.should_stop():  # a search pruned this trial: end cleanly, metrics so far are kept
            break
    return {"loss": loss}


if __name__ == "__main__":
    main()
