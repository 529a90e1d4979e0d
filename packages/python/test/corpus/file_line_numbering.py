# Copies a text file to a second file with line numbers, skipping blank lines, then prints both sizes.
src = "file_line_numbering_in.txt"
dst = "file_line_numbering_out.txt"
poem = """Tyger Tyger, burning bright,

In the forests of the night;
What immortal hand or eye,

Could frame thy fearful symmetry?
"""
with open(src, "w") as f:
    f.write(poem)
n = 0
with open(src) as fin:
    with open(dst, "w") as fout:
        for line in fin:
            if line.strip():
                n += 1
                fout.write("%3d  %s" % (n, line))
with open(dst) as f:
    numbered = f.read()
print(numbered, end="")
with open(src) as f:
    original = f.read()
print(len(original), len(numbered), n, original.count("\n"))
