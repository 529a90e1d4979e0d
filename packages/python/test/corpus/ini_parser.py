# Parses an INI-style configuration string into sections, with comments, defaults and type lookups.
CONFIG = """
; global settings
[server]
host = example.org
port = 8080
debug = false

[database]
# connection details
user = admin
password = s3cret
timeout = 30
port = 5432

[paths]
root = /srv/app
logs = /srv/app/logs
cache=/tmp/cache
"""

sections: dict[str, dict[str, str]] = {}
current = ""
errors: list[str] = []
for number, raw in enumerate(CONFIG.splitlines(), start=1):
    line = raw.strip()
    if not line or line[0] in ";#":
        continue
    if line.startswith("[") and line.endswith("]"):
        current = line[1:-1].strip()
        sections.setdefault(current, {})
    elif "=" in line and current:
        key, _, value = line.partition("=")
        sections[current][key.strip()] = value.strip()
    else:
        errors.append(f"line {number}: {line}")

for name, values in sections.items():
    print(f"[{name}] {len(values)} keys")
    for key in sorted(values):
        print(f"  {key:<9}= {values[key]}")


def get_int(section: str, key: str, default: int) -> int:
    if section in sections and key in sections[section]:
        return int(sections[section][key])
    return default


def get_bool(section: str, key: str) -> bool:
    return sections.get(section, {}).get(key, "no").lower() in ("1", "true", "yes", "on")


print(get_int("server", "port", 80), get_int("database", "timeout", 10), get_int("server", "workers", 4))
print(get_bool("server", "debug"), get_bool("missing", "debug"))
ports = {name: v["port"] for name, v in sections.items() if "port" in v}
print(ports, errors)
print(sorted({k for v in sections.values() for k in v}))
