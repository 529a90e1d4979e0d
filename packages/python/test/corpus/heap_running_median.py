# A running median with two heaps (a max-heap by negation and a min-heap) over a stream.
import heapq

low = []
high = []
stream = [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]
for x in stream:
    if not low or x <= -low[0]:
        heapq.heappush(low, -x)
    else:
        heapq.heappush(high, x)
    if len(low) > len(high) + 1:
        heapq.heappush(high, -heapq.heappop(low))
    elif len(high) > len(low):
        heapq.heappush(low, -heapq.heappop(high))
    if len(low) == len(high):
        median = (-low[0] + high[0]) / 2
    else:
        median = float(-low[0])
    print(x, median)
