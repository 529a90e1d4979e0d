# A server status report built with %-formatting of dict-free tuples: uptime, load and memory.
servers = [("web-1", 864000, 0.42, 3.2, 8.0), ("web-2", 3600, 1.87, 7.5, 8.0), ("db-1", 12345678, 0.05, 28.1, 32.0)]


def uptime(seconds):
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return "%dd %02dh %02dm" % (days, hours, minutes)


print("%-6s %-16s %5s %12s" % ("host", "uptime", "load", "memory"))
for host, up, load, used, cap in servers:
    pct = 100.0 * used / cap
    flag = "!" if pct > 90 else " "
    print("%-6s %-16s %5.2f %5.1f/%4.1fG %s %3.0f%%" % (host, uptime(up), load, used, cap, flag, pct))
print("%d servers, mean load %.3f" % (len(servers), sum(s[2] for s in servers) / len(servers)))
print("%s|%5s|%-5s|%r" % ("a", "b", "c", "d"))
