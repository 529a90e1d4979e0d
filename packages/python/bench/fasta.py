# bench-size: 2500000
# The benchmarks-game fasta: 2N nucleotides repeated from the ALU sequence, then 3N and 5N drawn
# with its LCG from two cumulative probability tables, in lines of 60 built as strings. Instead of
# some 10N bytes of FASTA, each section prints its header, first and last lines and a checksum of
# every line, with the symbol counts of the random sections.
import sys

IM = 139968
IA = 3877
IC = 29573
WIDTH = 60

ALU = (
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"
)


def line_checksum(checksum, line):
    return (checksum * 31 + len(line) * 1009 + ord(line[0]) * 7 + ord(line[-1])) % 1000000007


def repeat_fasta(header, src, n):
    print(header)
    r = len(src)
    # Long enough that every line is one slice, wherever it starts in src.
    s = src + src[:WIDTH]
    checksum = 0
    pos = 0
    line = ""
    for start in range(0, n, WIDTH):
        length = min(WIDTH, n - start)
        line = s[pos : pos + length]
        if start == 0:
            print(line)
        checksum = line_checksum(checksum, line)
        pos = (pos + length) % r
    print(line)
    print(checksum)


def random_fasta(header, symbols, probabilities, n, seed):
    print(header)
    # The cumulative table, ending at exactly 1.0 so that every draw below 1 finds a symbol.
    cumulative = []
    total = 0.0
    for p in probabilities:
        total += p
        cumulative.append(total)
    cumulative[-1] = 1.0
    counts = [0] * len(symbols)
    checksum = 0
    line = ""
    for start in range(0, n, WIDTH):
        chars = []
        for _ in range(min(WIDTH, n - start)):
            seed = (seed * IA + IC) % IM
            r = seed / IM
            k = 0
            while cumulative[k] <= r:
                k += 1
            counts[k] += 1
            chars.append(symbols[k])
        line = "".join(chars)
        if start == 0:
            print(line)
        checksum = line_checksum(checksum, line)
    print(line)
    print(checksum, counts)
    return seed


def main():
    n = int(sys.argv[1])
    repeat_fasta(">ONE Homo sapiens alu", ALU, 2 * n)
    iub_symbols = ["a", "c", "g", "t", "B", "D", "H", "K", "M", "N", "R", "S", "V", "W", "Y"]
    iub_probabilities = [0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02]
    seed = random_fasta(">TWO IUB ambiguity codes", iub_symbols, iub_probabilities, 3 * n, 42)
    homo_symbols = ["a", "c", "g", "t"]
    homo_probabilities = [0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008]
    random_fasta(">THREE Homo sapiens frequency", homo_symbols, homo_probabilities, 5 * n, seed)


main()
