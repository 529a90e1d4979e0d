# A seeded work-stealing simulation: random operations on bounded and unbounded deques, with the
# ring buffer growing, wrapping around and shrinking; the states are checked against a list model.
import random
from collections import deque

random.seed(2024)
for size in [0, 5, 1]:
    maxlen = None
    if size > 0:
        maxlen = size
    work = deque(maxlen=maxlen)
    model = []
    checksum = 0
    for step in range(3000):
        op = random.randint(0, 6)
        value = random.randrange(1000)
        if op == 0:
            work.append(value)
            model.append(value)
        elif op == 1:
            work.appendleft(value)
            model.insert(0, value)
        elif op == 2 and work:
            checksum += work.pop() * step - model.pop() * step
        elif op == 3 and work:
            checksum += work.popleft() - model.pop(0)
        elif op == 4 and model:
            n = random.randint(-7, 7)
            work.rotate(n)
            k = n % len(model)
            model = model[-k:] + model[:-k] if k else model
        elif op == 5:
            extra = [random.randrange(10) for _ in range(random.randint(0, 40))]
            work.extend(extra)
            model.extend(extra)
        elif op == 6 and step % 500 == 0:
            work.clear()
            model.clear()
        if maxlen is not None and len(model) > maxlen:
            model = model[len(model) - maxlen:] if op != 1 else model[:maxlen]
        if list(work) != model:
            print("mismatch at", step, op, list(work), model)
            break
    print(maxlen, len(work), checksum, list(work)[:6], sum(work))
