// bench-size: 2500000
// c-port: packages/python/bench/fasta.c
// The benchmarks-game fasta: 2N nucleotides repeated from the ALU sequence, then 3N and 5N drawn with
// its LCG from two cumulative probability tables, in lines of 60 built in a buffer; each section
// prints its header, first and last lines and a checksum of every line (with the symbol counts of
// the random sections) instead of the whole FASTA.
const IM: i64 = 139968;
const IA: i64 = 3877;
const IC: i64 = 29573;
const WIDTH: i64 = 60;

const ALU: string = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

func line_checksum(checksum: i64, first: u8, last: u8, length: i64) -> i64 {
    return (checksum * 31 + length * 1009 + (first as i64) * 7 + (last as i64)) % 1000000007;
}

func repeat_fasta(header: string, source: string, n: i64) {
    println("{}", header);
    let r = source.len();
    let doubled = source + source.slice(0, WIDTH);
    let checksum = 0;
    let pos = 0;
    let line = "";
    let start = 0;
    while (start < n) {
        let length = WIDTH;
        if (n - start < WIDTH) { length = n - start; }
        line = doubled.slice(pos, pos + length);
        if (start == 0) { println("{}", line); }
        checksum = line_checksum(checksum, line.byte_at(0), line.byte_at(length - 1), length);
        pos = (pos + length) % r;
        start += WIDTH;
    }
    println("{}", line);
    println("{}", checksum);
}

/// The line's symbols as text (for the first and last lines only).
func text_of(symbols: Array<string>, line: [60]i64, length: i64) -> string {
    let text = "";
    for c in 0..length { text = text + symbols[line[c]]; }
    return text;
}

func random_fasta(header: string, symbols: Array<string>, probabilities: Array<f64>, n: i64, first_seed: i64) -> i64 {
    println("{}", header);
    let count = symbols.len();
    let codes: Array<u8> = Array::new();
    for symbol in symbols { codes.push(symbol.byte_at(0)); }
    let cumulative: Array<f64> = Array::new();
    let total = 0.0;
    for p in probabilities { total += p; cumulative.push(total); }
    cumulative[count - 1] = 1.0;
    let counts: Array<i64> = Array::new();
    for k in 0..count { counts.push(0); }
    let seed = first_seed;
    let checksum = 0;
    let line: [60]i64 = [0; 60];
    let bytes: [60]u8 = [0; 60];
    let length = 0;
    let start = 0;
    while (start < n) {
        length = WIDTH;
        if (n - start < WIDTH) { length = n - start; }
        for c in 0..length {
            seed = (seed * IA + IC) % IM;
            let r = (seed as f64) / (IM as f64);
            let k = 0;
            while (cumulative[k] <= r) { k += 1; }
            counts[k] += 1;
            line[c] = k;
            bytes[c] = codes[k];
        }
        if (start == 0) { println("{}", text_of(symbols, line, length)); }
        checksum = line_checksum(checksum, bytes[0], bytes[length - 1], length);
        start += WIDTH;
    }
    println("{}", text_of(symbols, line, length));
    let shown = "";
    for k in 0..count {
        if (k > 0) { shown = shown + ", "; }
        shown = shown + format("{}", counts[k]);
    }
    println("{} [{}]", checksum, shown);
    return seed;
}

func main() {
    let arguments = args();
    if (arguments.len() != 2) { panic("usage: fasta N"); }
    let n = arguments[1].parse_i64().unwrap();
    repeat_fasta(">ONE Homo sapiens alu", ALU, 2 * n);
    let iub = [0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02];
    let iub_probabilities: Array<f64> = Array::new();
    for p in iub { iub_probabilities.push(p); }
    let seed = random_fasta(">TWO IUB ambiguity codes", "acgtBDHKMNRSVWY".chars(), iub_probabilities, 3 * n, 42);
    let homo: Array<f64> = Array::new();
    homo.push(0.3029549426680);
    homo.push(0.1979883004921);
    homo.push(0.1975473066391);
    homo.push(0.3015094502008);
    random_fasta(">THREE Homo sapiens frequency", "acgt".chars(), homo, 5 * n, seed);
}
