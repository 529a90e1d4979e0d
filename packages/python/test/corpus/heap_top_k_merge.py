# heapq: the k largest and smallest of a list by pushing and popping, and a k-way merge of sorted lists.
import heapq

data = [42, 7, 19, 88, 3, 56, 71, 12, 95, 30]
k = 3
heap = []
for x in data:
    heapq.heappush(heap, x)
    if len(heap) > k:
        heapq.heappop(heap)
print("top", k, sorted(heap, reverse=True))
print(sorted(data)[:4], sorted(data, reverse=True)[:2])
runs = [[1, 5, 9], [2, 3, 10, 12], [4, 6], [7, 8, 11]]
h = []
for i, run in enumerate(runs):
    heapq.heappush(h, (run[0], i, 0))
merged = []
while h:
    value, i, j = heapq.heappop(h)
    merged.append(value)
    if j + 1 < len(runs[i]):
        heapq.heappush(h, (runs[i][j + 1], i, j + 1))
print(merged)
