# Converts identifiers between snake_case, camelCase, PascalCase, kebab-case and Title Case.
NAMES = ["parse_http_response", "getUserById", "XMLHttpRequest", "simple", "already-kebab-case",
         "HTTPServer2Config", "total_count_2", "  spaced   out words "]


def words_of(name: str) -> list[str]:
    words: list[str] = []
    current = ""
    for i, ch in enumerate(name):
        if ch in "_- ":
            if current:
                words.append(current)
            current = ""
            continue
        prev = name[i - 1] if i > 0 else ""
        nxt = name[i + 1] if i + 1 < len(name) else ""
        boundary = ch.isupper() and (prev.islower() or prev.isdigit() or (prev.isupper() and nxt.islower()))
        if boundary and current:
            words.append(current)
            current = ""
        current += ch
    if current:
        words.append(current)
    return [w.lower() for w in words]


def snake(name: str) -> str:
    return "_".join(words_of(name))


def camel(name: str) -> str:
    ws = words_of(name)
    return ws[0] + "".join(w.capitalize() for w in ws[1:]) if ws else ""


def pascal(name: str) -> str:
    return "".join(w.capitalize() for w in words_of(name))


for n in NAMES:
    print(f"{n!r:26} {snake(n):<22} {camel(n):<20} {pascal(n):<20} {'-'.join(words_of(n))}")
print(" ".join(words_of("the_quick-brownFox")).title())
print("hello world".title(), "HELLO".swapcase(), "mIxEd".lower().upper())
print([w for w in words_of("getHTTPResponseCode") if len(w) > 3])
