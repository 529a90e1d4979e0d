# Topological sort of build tasks (Kahn's algorithm), build levels, and cycle detection by DFS.
DEPS = {
    "app": ["ui", "core", "net"],
    "ui": ["core", "gfx"],
    "net": ["core"],
    "gfx": ["math"],
    "core": ["math", "log"],
    "math": [],
    "log": [],
    "tests": ["app", "log"],
}


def kahn(deps: dict[str, list[str]]) -> list[str]:
    indegree = {task: len(reqs) for task, reqs in deps.items()}
    users: dict[str, list[str]] = {task: [] for task in deps}
    for task, reqs in deps.items():
        for r in reqs:
            users[r].append(task)
    ready = sorted(t for t, n in indegree.items() if n == 0)
    order: list[str] = []
    while ready:
        t = ready.pop(0)
        order.append(t)
        for u in sorted(users[t]):
            indegree[u] -= 1
            if indegree[u] == 0:
                ready.append(u)
        ready.sort()
    return order


def levels(deps: dict[str, list[str]]) -> dict[str, int]:
    level: dict[str, int] = {}
    for task in kahn(deps):
        level[task] = 1 + max([level[r] for r in deps[task]], default=-1)
    return level


def has_cycle(deps: dict[str, list[str]]) -> bool:
    state = {t: 0 for t in deps}
    stack = [(t, 0) for t in sorted(deps)]
    for start in sorted(deps):
        if state[start] != 0:
            continue
        stack = [(start, 0)]
        state[start] = 1
        while stack:
            node, i = stack[-1]
            if i < len(deps[node]):
                stack[-1] = (node, i + 1)
                nxt = deps[node][i]
                if state[nxt] == 1:
                    return True
                if state[nxt] == 0:
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()
    return False


order = kahn(DEPS)
print(" -> ".join(order))
lv = levels(DEPS)
for n in range(max(lv.values()) + 1):
    print(n, sorted(t for t in lv if lv[t] == n))
print("cycle:", has_cycle(DEPS))
cyclic = {"a": ["b"], "b": ["c"], "c": ["a"], "d": []}
print("cycle:", has_cycle(cyclic), kahn(cyclic))
