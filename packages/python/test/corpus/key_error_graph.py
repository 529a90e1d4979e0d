# Depth-first traversal of a dependency graph whose edge names a node that is not defined: KeyError.
graph = {
    "start": ["parse", "load"],
    "parse": ["lex"],
    "lex": [],
    "load": ["read", "decode"],
    "read": [],
    "decode": ["unicode"],
}


def visit(node: str, depth: int, seen: set[str]) -> int:
    seen.add(node)
    print("  " * depth + node)
    count = 1
    for child in graph[node]:
        if child not in seen:
            count += visit(child, depth + 1, seen)
    return count


print(len(graph), "nodes declared")
print(visit("parse", 0, set()), "visited")
print(visit("start", 0, set()), "visited")
