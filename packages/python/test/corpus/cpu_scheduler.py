# Compares FCFS, shortest-job-first and round-robin CPU scheduling on the same seeded workload.
import random

random.seed(3)
jobs = [(f"J{i}", random.randint(0, 20), random.randint(1, 12)) for i in range(8)]
jobs = sorted(jobs, key=lambda j: (j[1], j[0]))
print(jobs)


def report(name: str, finish: dict[str, int]) -> None:
    turnaround = [finish[j] - arrival for j, arrival, _ in jobs]
    waiting = [t - burst for t, (name, arrival, burst) in zip(turnaround, jobs)]
    print(f"{name:<5} avg turnaround {sum(turnaround) / len(jobs):6.2f} avg wait {sum(waiting) / len(jobs):6.2f} "
          f"last {max(finish.values())}")


def fcfs() -> dict[str, int]:
    t = 0
    finish: dict[str, int] = {}
    for j, arrival, burst in jobs:
        t = max(t, arrival) + burst
        finish[j] = t
    return finish


def sjf() -> dict[str, int]:
    t = 0
    finish: dict[str, int] = {}
    pending = jobs[:]
    while pending:
        ready = [p for p in pending if p[1] <= t]
        if not ready:
            t = min(p[1] for p in pending)
            continue
        job = min(ready, key=lambda p: (p[2], p[1], p[0]))
        pending.remove(job)
        t += job[2]
        finish[job[0]] = t
    return finish


def round_robin(quantum: int) -> dict[str, int]:
    t = 0
    remaining = {j: burst for j, _, burst in jobs}
    finish: dict[str, int] = {}
    queue: list[str] = []
    arrived = 0
    while len(finish) < len(jobs):
        while arrived < len(jobs) and jobs[arrived][1] <= t:
            queue.append(jobs[arrived][0])
            arrived += 1
        if not queue:
            t = jobs[arrived][1]
            continue
        j = queue.pop(0)
        run = min(quantum, remaining[j])
        t += run
        remaining[j] -= run
        while arrived < len(jobs) and jobs[arrived][1] <= t:
            queue.append(jobs[arrived][0])
            arrived += 1
        if remaining[j] == 0:
            finish[j] = t
        else:
            queue.append(j)
    return finish


report("FCFS", fcfs())
report("SJF", sjf())
for q in (2, 4, 8):
    report(f"RR{q}", round_robin(q))
order = sorted(sjf().items(), key=lambda kv: kv[1])
print("SJF completion order:", [j for j, _ in order])
