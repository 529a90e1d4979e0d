# Simulates a bank with several tellers and a single queue, seeded; reports waits and utilisation.
import random

random.seed(42)
TELLERS = 3
MINUTES = 240
queue: list[tuple[int, int]] = []
busy_until = [0] * TELLERS
served_by = [0] * TELLERS
busy_minutes = [0] * TELLERS
waits: list[int] = []
longest_queue = 0
next_id = 0

for minute in range(MINUTES):
    arrivals = 0
    if random.random() < 0.55:
        arrivals += 1
    if random.random() < 0.15:
        arrivals += 1
    for _ in range(arrivals):
        service = random.randint(2, 9)
        queue.append((minute, service))
        next_id += 1
    for t in range(TELLERS):
        if busy_until[t] <= minute and queue:
            arrived, service = queue.pop(0)
            waits.append(minute - arrived)
            busy_until[t] = minute + service
            served_by[t] += 1
            busy_minutes[t] += service
    longest_queue = max(longest_queue, len(queue))

print("customers arrived:", next_id, "served:", len(waits), "still waiting:", len(queue))
print(f"average wait {sum(waits) / len(waits):.2f} min, longest wait {max(waits)} min")
print("longest queue:", longest_queue)
for t in range(TELLERS):
    print(f"teller {t}: served {served_by[t]:>3}, utilisation {min(busy_minutes[t], MINUTES) / MINUTES:.0%}")
buckets: dict[int, int] = {}
for w in waits:
    b = min(w // 5, 6)
    buckets[b] = buckets.get(b, 0) + 1
for b in sorted(buckets):
    label = f"{b * 5}-{b * 5 + 4}" if b < 6 else "30+"
    print(f"{label:>6} {'*' * (buckets[b] // 2)}")
