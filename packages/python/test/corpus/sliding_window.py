# Sliding windows: moving averages, max-sum window, longest substring without repeats, min cover.
def moving_average(xs: list[float], k: int) -> list[float]:
    out: list[float] = []
    window = sum(xs[:k])
    out.append(window / k)
    for i in range(k, len(xs)):
        window += xs[i] - xs[i - k]
        out.append(window / k)
    return out


def longest_unique(s: str) -> str:
    last: dict[str, int] = {}
    start = 0
    best = (0, 0)
    for i, ch in enumerate(s):
        if ch in last and last[ch] >= start:
            start = last[ch] + 1
        last[ch] = i
        if i + 1 - start > best[1] - best[0]:
            best = (start, i + 1)
    return s[best[0]:best[1]]


def min_window(s: str, t: str) -> str:
    need: dict[str, int] = {}
    for c in t:
        need[c] = need.get(c, 0) + 1
    missing = len(t)
    left = 0
    best = ""
    for right, c in enumerate(s):
        if need.get(c, 0) > 0:
            missing -= 1
        need[c] = need.get(c, 0) - 1
        while missing == 0:
            if best == "" or right - left + 1 < len(best):
                best = s[left:right + 1]
            need[s[left]] += 1
            if need[s[left]] > 0:
                missing += 1
            left += 1
    return best


temps = [21.0, 23.5, 19.0, 25.5, 30.0, 28.0, 22.5, 18.0, 20.0, 24.5]
print([round(v, 2) for v in moving_average(temps, 3)])
nums = [2, -1, 3, 5, -2, 8, -7, 4, 1, 6]
k = 4
sums = [sum(nums[i:i + k]) for i in range(len(nums) - k + 1)]
best = max(range(len(sums)), key=lambda i: sums[i])
print(sums, "best window", nums[best:best + k])
for s in ["abcabcbb", "bbbbb", "pwwkew", "", "dvdf", "abcdefga"]:
    print(f"{s!r:12} {longest_unique(s)!r}")
print(min_window("ADOBECODEBANC", "ABC"), repr(min_window("a", "aa")), min_window("thisisateststring", "tist"))
counts = {}
text = "the cat and the hat and the bat"
words = text.split()
for i in range(len(words) - 1):
    pair = (words[i], words[i + 1])
    counts[pair] = counts.get(pair, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
