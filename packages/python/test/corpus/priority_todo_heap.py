# A to-do list kept in a heap of (priority, order, task); tasks are completed and re-prioritised.
import heapq

todo = []
order = 0
for pri, task in [(2, "email"), (1, "fix bug"), (3, "lunch"), (1, "deploy"), (2, "review")]:
    heapq.heappush(todo, (pri, order, task))
    order += 1
pri, _, task = heapq.heappop(todo)
print("doing", task, pri)
heapq.heappush(todo, (0, order, "hotfix"))
order += 1
print("peek", todo[0][2])
done = []
while todo:
    pri, _, task = heapq.heappop(todo)
    done.append("%d:%s" % (pri, task))
print(", ".join(done))
h = [5, 3, 8]
heapq.heapify(h)
heapq.heappush(h, 4)
print(heapq.heappop(h), h[0], sorted(h))
