# Analyses web server log lines: status counts, busiest paths, bytes per client, errors by hour.
LOG = """10.0.0.1 09:12:01 GET /index.html 200 5120
10.0.0.2 09:12:05 GET /about.html 200 2048
10.0.0.1 09:13:44 POST /login 302 512
10.0.0.3 10:01:10 GET /index.html 200 5120
10.0.0.4 10:02:11 GET /missing 404 128
10.0.0.2 10:05:00 GET /index.html 304 0
10.0.0.3 11:20:30 GET /api/items 500 256
10.0.0.1 11:21:00 GET /api/items 200 8192
10.0.0.5 11:22:15 GET /missing 404 128
10.0.0.4 12:00:00 POST /api/items 201 1024
10.0.0.2 12:30:45 GET /api/items 500 256
10.0.0.5 12:31:00 GET /index.html 200 5120"""

status_counts: dict[str, int] = {}
path_hits: dict[str, int] = {}
bytes_by_ip: dict[str, int] = {}
errors_by_hour: dict[int, list[str]] = {}
methods: set[str] = set()
for line in LOG.splitlines():
    ip, time, method, path, status, size = line.split()
    methods.add(method)
    status_counts[status] = status_counts.get(status, 0) + 1
    path_hits[path] = path_hits.get(path, 0) + 1
    bytes_by_ip[ip] = bytes_by_ip.get(ip, 0) + int(size)
    if status.startswith("4") or status.startswith("5"):
        hour = int(time.split(":")[0])
        errors_by_hour.setdefault(hour, []).append(f"{status} {path}")

print("methods:", sorted(methods))
for status in sorted(status_counts):
    print(status, status_counts[status])
busiest = sorted(path_hits.items(), key=lambda kv: (-kv[1], kv[0]))
print("busiest:", busiest[:3])
for ip, total in sorted(bytes_by_ip.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{ip:<10} {total / 1024:7.2f} KiB")
for hour in sorted(errors_by_hour):
    print(f"{hour:02d}h", ", ".join(errors_by_hour[hour]))
ok = sum(n for s, n in status_counts.items() if s[0] == "2")
print(f"success rate {ok / len(LOG.splitlines()):.1%}")
