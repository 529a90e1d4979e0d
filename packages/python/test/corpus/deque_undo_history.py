# An editor's undo history: a bounded deque of snapshots, read by index from both ends.
from collections import deque


def edit(history, text, change):
    history.append(text)
    return text + change


history = deque(maxlen=4)
text = ""
for change in ["H", "e", "l", "l", "o", "!"]:
    text = edit(history, text, change)
print(repr(text), history, len(history))
print(history[0], history[-1], history[1], [len(s) for s in history])
undone = 0
while history and undone < 2:
    text = history.pop()
    undone += 1
print(repr(text), history, undone)
history.appendleft("?")
print(history, history[0] in history, "Hel" in history)
steps = deque([1, 2, 3])
steps[1] *= 10
print(steps, steps[-3], steps[2])
print(steps[3])
