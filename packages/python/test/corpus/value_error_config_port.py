# Converts configuration values to numbers; a port written as a word raises ValueError from int().
def to_port(text):
    n = int(text)
    if n < 1 or n > 65535:
        return 0
    return n


for raw in ["80", "8080", "99999", "http"]:
    print(raw, to_port(raw))
