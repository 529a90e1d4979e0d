# Indexing a str is outside the subset (only sys.argv[i] is supported).
word = "python"
i = 0
while i < 3:
    print(word[i])
    i += 1
