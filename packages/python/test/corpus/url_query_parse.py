# Splits URLs into scheme, host, path and query, decodes percent escapes and rebuilds query strings.
URLS = [
    "https://example.com/search?q=hello%20world&lang=en&page=2",
    "http://shop.test:8080/items/42?color=red&color=blue&size=M",
    "https://docs.site.org/guide/intro",
    "ftp://files.host/pub/a%2Bb.txt?mode=binary&",
]


def unquote(s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        if s[i] == "%" and i + 2 < len(s) + 1:
            out += chr(16 * "0123456789abcdef".index(s[i + 1].lower()) + "0123456789abcdef".index(s[i + 2].lower()))
            i += 3
        elif s[i] == "+":
            out += " "
            i += 1
        else:
            out += s[i]
            i += 1
    return out


def parse(url: str) -> tuple[str, str, int, str, dict[str, list[str]]]:
    scheme, rest = url.split("://", 1)
    hostport, _, tail = rest.partition("/")
    path, _, query = ("/" + tail).partition("?")
    host, _, port = hostport.partition(":")
    params: dict[str, list[str]] = {}
    for pair in query.split("&"):
        if pair:
            k, _, v = pair.partition("=")
            params.setdefault(unquote(k), []).append(unquote(v))
    default = {"http": 80, "https": 443, "ftp": 21}[scheme]
    return scheme, host, int(port) if port else default, unquote(path), params


for u in URLS:
    scheme, host, port, path, params = parse(u)
    print(f"{scheme:<5} {host:<15} {port:>5} {path:<18} {params}")
    rebuilt = "&".join(f"{k}={v}" for k in sorted(params) for v in params[k])
    print("      sorted query:", rebuilt or "(none)")
hosts = sorted({parse(u)[1].split(".")[-1] for u in URLS})
print(hosts, unquote("100%25+sure"))
