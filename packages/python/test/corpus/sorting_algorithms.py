# Hand-written insertion, selection, merge, quick and heap sorts checked against sorted().
import random


def insertion_sort(xs: list[int]) -> list[int]:
    a = xs[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def selection_sort(xs: list[int]) -> list[int]:
    a = list(xs)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=lambda k: a[k])
        tmp = a[i]
        a[i] = a[m]
        a[m] = tmp
    return a


def merge_sort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs[:]
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out: list[int] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]


def quick_sort(xs: list[int]) -> list[int]:
    if len(xs) < 2:
        return xs[:]
    pivot = xs[len(xs) // 2]
    return quick_sort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quick_sort([x for x in xs if x > pivot])


def swap_pair(x: int, y: int) -> tuple[int, int]:
    return y, x


def sift_down(a: list[int], start: int, end: int) -> None:
    root = start
    while 2 * root + 1 <= end:
        child = 2 * root + 1
        if child + 1 <= end and a[child] < a[child + 1]:
            child += 1
        if a[root] >= a[child]:
            return
        x, y = swap_pair(a[root], a[child])
        a[root] = x
        a[child] = y
        root = child


def heap_sort(xs: list[int]) -> list[int]:
    a = xs[:]
    for start in range((len(a) - 2) // 2, -1, -1):
        sift_down(a, start, len(a) - 1)
    for end in range(len(a) - 1, 0, -1):
        top = a[0]
        a[0] = a[end]
        a[end] = top
        sift_down(a, 0, end - 1)
    return a


random.seed(2024)
data = [random.randint(-50, 50) for _ in range(25)]
print(data)
expected = sorted(data)
print(expected)
for name, result in [("insertion", insertion_sort(data)), ("selection", selection_sort(data)),
                     ("merge", merge_sort(data)), ("quick", quick_sort(data)), ("heap", heap_sort(data))]:
    print(f"{name:<10} {result == expected}")
for n in range(0, 6):
    case = [random.randint(0, 3) for _ in range(n)]
    print(case, merge_sort(case), heap_sort(case) == sorted(case))
