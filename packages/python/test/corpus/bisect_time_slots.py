# Books meeting slots in a sorted calendar with bisect, rejecting overlaps.
import bisect

starts: list[int] = []
ends: list[int] = []


def book(start, end):
    i = bisect.bisect_right(starts, start)
    if i > 0 and ends[i - 1] > start:
        return False
    if i < len(starts) and starts[i] < end:
        return False
    starts.insert(i, start)
    ends.insert(i, end)
    return True


for s, e in [(9, 10), (13, 15), (10, 11), (14, 16), (8, 9), (11, 13), (12, 14)]:
    print(f"{s:02d}-{e:02d}", "booked" if book(s, e) else "clash")
print(list(zip(starts, ends)))
print(bisect.bisect_left(starts, 11), bisect.bisect_right(starts, 11))
