"""Run as a module of its package: `kogine run trainer.train` (from the folder above `trainer`, or with it on
PYTHONPATH), or `kogine run path/to/trainer/train.py`. Its batches are scored by a Pool of worker processes
started with the spawn method (what CUDA code needs); a loss that is not a number is kept as NaN."""

import math
import multiprocessing

from .data import batches

workers = 2
batch_count = 4
batch_size = 3


def score(batch):
    return sum(x * x for x in batch) / len(batch)


def main():
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        scores = pool.map(score, batches(batch_count, batch_size))
    return {"scores": scores, "loss": math.nan if batch_count == 0 else sum(scores) / len(scores)}


if __name__ == "__main__":
    print(main())
