"""Step 1: make a small data set."""

n_samples = 20
noise = 0.0


def main():
    xs = [i / n_samples for i in range(n_samples)]
    ys = [2.0 * x + 1.0 + noise * ((i % 3) - 1) for i, x in enumerate(xs)]
    return {"xs": xs, "ys": ys, "count": n_samples}
