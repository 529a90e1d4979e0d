# Scores ten-pin bowling games from roll strings, with strikes, spares and the tenth frame.
GAMES = {
    "perfect": "X X X X X X X X X X X X",
    "all nines": "9- 9- 9- 9- 9- 9- 9- 9- 9- 9-",
    "all spares": "5/ 5/ 5/ 5/ 5/ 5/ 5/ 5/ 5/ 5/5",
    "mixed": "X 7/ 9- X -8 8/ -6 X X X81",
    "gutter": "-- -- -- -- -- -- -- -- -- --",
}


def rolls_of(text: str) -> list[int]:
    rolls: list[int] = []
    for ch in text.replace(" ", ""):
        if ch == "X":
            rolls.append(10)
        elif ch == "/":
            rolls.append(10 - rolls[-1])
        elif ch == "-":
            rolls.append(0)
        else:
            rolls.append(int(ch))
    return rolls


def frame_scores(rolls: list[int]) -> list[int]:
    scores: list[int] = []
    i = 0
    for frame in range(10):
        if rolls[i] == 10:
            scores.append(10 + rolls[i + 1] + rolls[i + 2])
            i += 1
        elif rolls[i] + rolls[i + 1] == 10:
            scores.append(10 + rolls[i + 2])
            i += 2
        else:
            scores.append(rolls[i] + rolls[i + 1])
            i += 2
    return scores


for name, text in GAMES.items():
    frames = frame_scores(rolls_of(text))
    running = []
    total = 0
    for s in frames:
        total += s
        running.append(total)
    print(f"{name:<11} {total:>3} {running}")
best = max(GAMES, key=lambda n: sum(frame_scores(rolls_of(GAMES[n]))))
print("best game:", best)
strikes = {n: GAMES[n].count("X") for n in GAMES}
print(strikes)
