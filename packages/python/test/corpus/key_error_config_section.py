# Reads nested settings from a dict of dicts; a missing key in a section raises KeyError.
config = {
    "db": {"host": "localhost", "port": "5432"},
    "cache": {"host": "redis", "ttl": "60"},
}


def setting(section, key):
    return config[section][key]


def describe(section):
    return "%s:%s" % (setting(section, "host"), setting(section, "port"))


print(describe("db"))
print(setting("cache", "ttl"))
print(describe("cache"))
