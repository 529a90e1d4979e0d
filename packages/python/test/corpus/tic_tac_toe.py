# Plays seeded random games of tic-tac-toe, detects wins and draws, and tallies the results.
import random

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board: list[str]) -> str:
    for a, b, c in LINES:
        if board[a] != "." and board[a] == board[b] == board[c]:
            return board[a]
    return ""


def best_move(board: list[str], me: str, other: str) -> int:
    free = [i for i, v in enumerate(board) if v == "."]
    for player in (me, other):
        for i in free:
            board[i] = player
            won = winner(board) == player
            board[i] = "."
            if won:
                return i
    if board[4] == ".":
        return 4
    return random.choice(free)


random.seed(1234)
tally = {"X": 0, "O": 0, "draw": 0}
lengths: list[int] = []
for game in range(40):
    board = ["."] * 9
    turn, other = "X", "O"
    moves = 0
    result = ""
    while result == "" and moves < 9:
        if turn == "X":
            i = best_move(board, turn, other)
        else:
            i = random.choice([k for k in range(9) if board[k] == "."])
        board[i] = turn
        moves += 1
        result = winner(board)
        turn, other = other, turn
    tally[result if result else "draw"] += 1
    lengths.append(moves)
    if game < 3:
        for r in range(3):
            print(" ".join(board[3 * r:3 * r + 3]))
        print("->", result if result else "draw")
print(tally, f"average length {sum(lengths) / len(lengths):.2f}")
print(winner(list("XOXOXOOXX")), repr(winner(list("XOXXOOOXX"))))
