// String bytes through s[i] and s.byte_at(i) (u8): Luhn checks of card numbers, ISBN-10 and
// ISBN-13 check digits (with 'X' and hyphens), and hex colours decoded nibble by nibble.
func digit(b: u8) -> i64 { return (b - 48) as i64; }

func luhn(s: string) -> bool {
    let total = 0;
    let n = 0;
    let i = s.len() - 1;
    while (i >= 0) {
        let b = s[i];
        if (b >= 48 && b <= 57) {
            let d = digit(b);
            if (n % 2 == 1) {
                d *= 2;
                if (d > 9) { d -= 9; }
            }
            total += d;
            n += 1;
        }
        i -= 1;
    }
    return n > 1 && total % 10 == 0;
}

func isbn_ok(s: string) -> bool {
    let digits: Array<i64> = Array::new();
    for i in 0..s.len() {
        let b = s.byte_at(i);
        if (b >= 48 && b <= 57) { digits.push(digit(b)); }
        if (b == 88 && i == s.len() - 1) { digits.push(10); }
    }
    let sum = 0;
    if (digits.len() == 10) {
        for i in 0..10 { sum += (10 - i) * digits[i]; }
        return sum % 11 == 0;
    }
    if (digits.len() == 13) {
        for i in 0..13 { sum += digits[i] * (1 + 2 * (i % 2)); }
        return sum % 10 == 0;
    }
    return false;
}

func nibble(b: u8) -> u8 {
    if (b >= 97) { return b - 87; }
    if (b >= 65) { return b - 55; }
    return b - 48;
}

func main() {
    for card in ["4539 1488 0343 6467", "8273 1232 7352 0569", "79927398713", "0", "4111-1111-1111-1111"] {
        println("{:<20} luhn {}", card, luhn(card));
    }
    for isbn in ["0-306-40615-2", "0-306-40615-3", "080442957X", "978-0-306-40615-7", "978-3-16-148410-0", "12345"] {
        println("{:<18} isbn {}", isbn, isbn_ok(isbn));
    }
    for colour in ["#1a2B3c", "#FFFFFF", "#00ff7f", "#C0FFEE"] {
        let r = nibble(colour[1]) * 16 + nibble(colour[2]);
        let g = nibble(colour[3]) * 16 + nibble(colour[4]);
        let b = nibble(colour.byte_at(5)) * 16 + nibble(colour.byte_at(6));
        let grey = ((r as i64) * 299 + (g as i64) * 587 + (b as i64) * 114) / 1000;
        println("{} rgb({}, {}, {}) grey {} first byte {}", colour, r, g, b, grey, colour[0]);
    }
}
