# A discrete event simulation of a help desk, events kept in a heapq priority queue by time.
import heapq

events = []
arrivals = [(0, "amy"), (2, "ben"), (3, "cal"), (9, "dot"), (10, "eli")]
for t, who in arrivals:
    heapq.heappush(events, (t, 0, who))
service = {"amy": 4, "ben": 3, "cal": 5, "dot": 1, "eli": 2}
free_at = 0
waits = []
while events:
    t, kind, who = heapq.heappop(events)
    if kind == 0:
        start = max(t, free_at)
        waits.append(start - t)
        free_at = start + service[who]
        heapq.heappush(events, (free_at, 1, who))
        print(f"t={t:2d} {who} arrives, served at {start}")
    else:
        print(f"t={t:2d} {who} leaves")
print("total wait", sum(waits), "max", max(waits))
