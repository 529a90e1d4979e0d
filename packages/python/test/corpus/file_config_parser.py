# Writes a key=value config file, parses it back skipping comments and blanks, and uses the settings.
path = "file_config_parser.cfg"
with open(path, "w") as f:
    f.write("# server settings\n")
    f.write("host = example.org\n")
    f.write("\n")
    f.write("port=8080\n")
    f.write("debug = yes\n")
    f.write("  retries = 3  \n")
settings = {}
with open(path) as f:
    for raw in f:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        settings[key.strip()] = value.strip()
for key in sorted(settings):
    print(f"{key!r}: {settings[key]!r}")
port = int(settings.get("port", "80"))
retries = int(settings["retries"])
debug = settings.get("debug") == "yes"
timeout = settings.get("timeout")
print(port + 1, retries * 2, debug, timeout is None)
print("url: http://%s:%d/" % (settings["host"], port))
