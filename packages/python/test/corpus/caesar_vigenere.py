# Caesar and Vigenere ciphers: encrypt, decrypt and crack a Caesar shift by letter frequency.
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shift_char(ch: str, k: int) -> str:
    if ch.isupper():
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    if ch.islower():
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    return ch


def caesar(text: str, k: int) -> str:
    return "".join(shift_char(c, k) for c in text)


def vigenere(text: str, key: str, sign: int) -> str:
    out = []
    i = 0
    for c in text:
        if c.isalpha():
            k = ALPHABET.index(key[i % len(key)].lower())
            out.append(shift_char(c, sign * k))
            i += 1
        else:
            out.append(c)
    return "".join(out)


def crack(cipher: str) -> int:
    counts = [0] * 26
    for c in cipher.lower():
        if c.isalpha():
            counts[ord(c) - ord("a")] += 1
    most = counts.index(max(counts))
    return (most - ord("e") + ord("a")) % 26


plain = "Meet me near the old tree at seven, and bring the secret letter."
for k in [1, 3, 13, 25]:
    enc = caesar(plain, k)
    print(k, enc)
    assert caesar(enc, -k) == plain
guess = crack(caesar(plain, 11))
print("cracked shift:", guess, caesar(caesar(plain, 11), -guess)[:20])
v = vigenere(plain, "Lemon", 1)
print(v)
print(vigenere(v, "Lemon", -1))
print(caesar("Zebra-123 xyz!", 2), caesar("HELLO", 26) == "HELLO")
