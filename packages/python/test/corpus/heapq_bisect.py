# heapq (a priority queue of tuples, heapify, pops in order) and bisect (insertion points, insort).
import heapq
import bisect
from heapq import heappush, heappop

tasks = []
for priority, name in [(3, "write"), (1, "plan"), (2, "test"), (1, "coffee"), (5, "ship")]:
    heappush(tasks, (priority, name))
print(tasks)
while tasks:
    print(heappop(tasks))
nums = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(nums)
print(nums, [heapq.heappop(nums) for _ in range(3)], nums)
grades = [60, 70, 80, 90]
for score in [55, 60, 65, 90, 95]:
    print(score, bisect.bisect_left(grades, score), bisect.bisect_right(grades, score), "FDCBA"[bisect.bisect(grades, score)])
ordered = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(ordered, x)
print(ordered)
words = ["pear", "apple"]
words.sort()
bisect.insort_left(words, "banana")
print(words)
scores = [(88, "ann"), (92, "bob"), (88, "cy"), (75, "dee"), (92, "eve")]
print(heapq.nlargest(3, scores), heapq.nsmallest(2, scores), heapq.nlargest(0, scores), heapq.nsmallest(-1, [3, 1]))
print(heapq.nlargest(2, {5, 1, 9}), heapq.nsmallest(10, "hello"))
