# Makes URL slugs and title-cased headlines from article titles with string methods and a set of stop words.
titles = ["The Quick Guide to Python!", "  10 tips & tricks for   faster code ", "Why we moved -- again"]
stop = {"the", "to", "for", "a", "of", "and"}
for t in titles:
    cleaned = "".join(ch if ch.isalnum() or ch == " " else " " for ch in t.lower())
    words = cleaned.split()
    slug = "-".join(w for w in words if w not in stop)
    headline = " ".join(w if w in stop and i > 0 else w.capitalize() for i, w in enumerate(words))
    print(repr(slug), "|", headline)
lengths = {t.strip(): len(t.split()) for t in titles}
print(lengths)
print(sorted({w for t in titles for w in t.lower().split() if w.isalpha()} & stop))
