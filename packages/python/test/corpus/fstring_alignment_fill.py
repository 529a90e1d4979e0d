# f-string alignment, fill characters and widths for strings, ints and floats.
name = "pear"
n = 42
neg = -42
x = 3.14159
print(f"[{name}] [{name:10}] [{name:<10}] [{name:>10}] [{name:^10}] [{name:^9}]")
print(f"[{name:*<10}] [{name:.>10}] [{name:-^11}] [{name:2}]")
print(f"[{n}] [{n:8}] [{n:<8}] [{n:>8}] [{n:^8}] [{n:^7}] [{n:08}]")
print(f"[{neg:8}] [{neg:<8}] [{neg:^8}] [{neg:08}] [{neg:=8}] [{neg:*=8}] [{neg:0=8}]")
print(f"[{x:10}] [{x:<10}] [{x:^10}] [{x:010}] [{x:*^12}] [{-x:010.2f}]")
print(f"[{n:x<6}] [{n:#>6}] [{n:1}] [{x:3}]")

# A receipt with aligned columns.
print(f"{'item':<12}{'qty':>5}{'price':>10}")
print(f"{'apple':<12}{3:>5}{0.5:>10.2f}")
print(f"{'watermelon':<12}{1:>5}{3.25:>10.2f}")
print(f"{'grape':<12}{250:>5}{0.012:>10.3f}")
print(f"{'':-<27}")
total = 3 * 0.5 + 3.25 + 250 * 0.012
print(f"{'total':<12}{'':>5}{total:>10.2f}")

width = 12
for word_len in range(1, 4):
    print(f"|{n:>{width}}|{x:^{width}.{word_len}f}|")
