# Interval problems: merging meetings, inserting, free slots, and the most rooms needed at once.
MEETINGS = [(9, 10), (13, 15), (9, 12), (16, 17), (14, 16), (11, 12), (18, 19), (8, 9)]


def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def free_slots(busy: list[tuple[int, int]], day_start: int, day_end: int) -> list[tuple[int, int]]:
    slots: list[tuple[int, int]] = []
    t = day_start
    for s, e in merge(busy):
        if s > t:
            slots.append((t, s))
        t = max(t, e)
    if t < day_end:
        slots.append((t, day_end))
    return slots


def rooms_needed(intervals: list[tuple[int, int]]) -> int:
    events = sorted([(s, 1) for s, _ in intervals] + [(e, -1) for _, e in intervals])
    current = best = 0
    for _, delta in events:
        current += delta
        best = max(best, current)
    return best


merged = merge(MEETINGS)
print("merged:", merged)
print("busy hours:", sum(e - s for s, e in merged))
print("free:", free_slots(MEETINGS, 7, 20))
print("rooms:", rooms_needed(MEETINGS))
print(merge(MEETINGS + [(12, 13)]))
overlaps = [(a, b) for i, a in enumerate(MEETINGS) for b in MEETINGS[i + 1:] if a[0] < b[1] and b[0] < a[1]]
print(len(overlaps), "overlapping pairs", overlaps[:4])
print(merge([]), merge([(1, 5)]), merge([(1, 2), (2, 3), (3, 4)]))
