# bisect: letter grades from score thresholds, and a sorted leaderboard kept with insort.
import bisect

cutoffs = [60, 70, 80, 90]
letters = "FDCBA"


def grade(score):
    return letters[bisect.bisect(cutoffs, score)]


for s in [33, 60, 69, 70, 85, 90, 100]:
    print(s, grade(s))
board = []
for name, pts in [("kim", 40), ("lee", 75), ("max", 62), ("ned", 75), ("oz", 12)]:
    bisect.insort(board, (pts, name))
print(board)
print("rank of 70:", len(board) - bisect.bisect_left(board, (70, "")))
lo = bisect.bisect_left([p for p, _ in board], 50)
hi = bisect.bisect_right([p for p, _ in board], 75)
print("between 50 and 75:", [n for _, n in board[lo:hi]])
