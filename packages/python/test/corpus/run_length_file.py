# Run-length encodes lines, writes the encoding to a file, reads it back and decodes it.
def encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)


def decode(s):
    out = ""
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out


rows = ["aaabccdddd", "wwwwwwwwwwwwb", "abc", "zzzzzz"]
path = "run_length_file.txt"
with open(path, "w") as f:
    for r in rows:
        print(encode(r), file=f)
with open(path) as f:
    for line in f:
        code = line.rstrip("\n")
        print(f"{code:<10} {decode(code)}")
