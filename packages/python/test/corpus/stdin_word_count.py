# A wc-like tool: lines, words and characters of standard input, plus the longest word.
# stdin: the quick brown fox jumps over the lazy dog again
import sys

text = sys.stdin.read()
lines = text.splitlines()
words = text.split()
print(len(lines), len(words), len(text))
longest = max(words, key=len)
print("longest:", longest)
print("upper:", " ".join(w.upper() for w in words[:3]))
print("unique:", len(set(words)))
