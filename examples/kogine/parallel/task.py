"""One point of a parallel sweep: reports which worker slot ran it."""

import os
import time

seed = 0
work_ms = 50


def main():
    time.sleep(work_ms / 1000)
    return {"seed": seed, "score": (seed * 7919) % 101, "worker": int(os.environ["KOGINE_WORKER_ID"])}
