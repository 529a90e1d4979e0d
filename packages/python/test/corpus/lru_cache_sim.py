# Simulates LRU and FIFO caches over a seeded access trace and compares their hit rates.
import random

random.seed(21)
PAGES = [f"p{i}" for i in range(12)]
weights = [12, 10, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1]
trace: list[str] = []
for _ in range(400):
    r = random.randrange(sum(weights))
    i = 0
    while r >= weights[i]:
        r -= weights[i]
        i += 1
    trace.append(PAGES[i])


def lru(capacity: int) -> tuple[int, list[str]]:
    order: list[str] = []
    hits = 0
    for page in trace:
        if page in order:
            hits += 1
            order.remove(page)
        elif len(order) == capacity:
            order.pop(0)
        order.append(page)
    return hits, order


def fifo(capacity: int) -> tuple[int, list[str]]:
    queue: list[str] = []
    hits = 0
    for page in trace:
        if page in queue:
            hits += 1
        else:
            if len(queue) == capacity:
                queue.pop(0)
            queue.append(page)
    return hits, queue


print("first accesses:", " ".join(trace[:16]))
counts = {p: trace.count(p) for p in PAGES}
print(sorted(counts.items(), key=lambda kv: -kv[1])[:5])
for cap in [1, 2, 4, 6, 8, 12]:
    lh, lstate = lru(cap)
    fh, fstate = fifo(cap)
    print(f"cap {cap:>2}: LRU {lh / len(trace):6.1%} FIFO {fh / len(trace):6.1%}  lru={lstate[-3:]}")
print(lru(3)[1], fifo(3)[1])
