// The standard library's text helpers, in LumaScript: `import "std/text.ls";`. Widths and counts
// are in characters (code points), not bytes.

/// s written n times (nothing for n <= 0).
func repeat(s: string, n: i64) -> string {
    let out = "";
    for i in 0..n { out = out + s; }
    return out;
}

/// The number of characters of s.
func char_count(s: string) -> i64 {
    return s.chars().len();
}

/// s with `fill` (one character) added on the left up to `width` characters.
func pad_left(s: string, width: i64, fill: string) -> string {
    return repeat(fill, width - char_count(s)) + s;
}

/// s with `fill` (one character) added on the right up to `width` characters.
func pad_right(s: string, width: i64, fill: string) -> string {
    return s + repeat(fill, width - char_count(s));
}

/// The characters of s from `start` up to `end` (character positions, 0 <= start <= end <= count);
/// `slice` takes byte offsets instead.
func char_slice(s: string, start: i64, end: i64) -> string {
    let characters = s.chars();
    if (start < 0 || start > end || end > characters.len()) {
        panic("character range {}..{} is out of bounds of a string of {} characters", start, end, characters.len());
    }
    let out = "";
    for i in start..end { out = out + characters[i]; }
    return out;
}

/// The parts with `separator` between them.
func join(parts: Array<string>, separator: string) -> string {
    let out = "";
    for i in 0..parts.len() {
        if (i > 0) { out = out + separator; }
        out = out + parts[i];
    }
    return out;
}

/// The characters of s in reverse order.
func reverse(s: string) -> string {
    let characters = s.chars();
    characters.reverse();
    return join(characters, "");
}

/// How many times `part` occurs in s, not overlapping (0 for an empty part).
func count(s: string, part: string) -> i64 {
    if (part.len() == 0) { return 0; }
    let found = 0;
    let rest = s;
    let more = true;
    while (more) {
        match rest.find(part) {
            Some(at) => {
                found += 1;
                rest = rest.slice(at + part.len(), rest.len());
            }
            None => { more = false; }
        }
    }
    return found;
}

/// The lines of s, without their `\n` (a last line without one counts; a trailing `\n` adds none).
func lines(s: string) -> Array<string> {
    let parts = s.split("\n");
    if (parts.len() > 0 && parts[parts.len() - 1] == "") { parts.pop(); }
    return parts;
}

/// Whether every character of s is an ASCII digit (false for "").
func is_digits(s: string) -> bool {
    if (s.len() == 0) { return false; }
    for i in 0..s.len() {
        let b = s.byte_at(i);
        if (b < 48 || b > 57) { return false; }
    }
    return true;
}

#[test]
func test_repeat_and_pad() {
    assert_eq(repeat("ab", 3), "ababab");
    assert_eq(repeat("x", 0), "");
    assert_eq(pad_left("7", 3, "0"), "007");
    assert_eq(pad_right("né", 4, "."), "né..");
    assert_eq(pad_left("toolong", 3, " "), "toolong");
}

#[test]
func test_char_slice() {
    assert_eq(char_slice("héllo wörld", 1, 5), "éllo");
    assert_eq(char_slice("héllo wörld", 6, 11), "wörld");
    assert_eq(char_slice("abc", 3, 3), "");
    assert_eq("héllo".slice(0, 3), "hé");
}

#[test]
func test_join_and_reverse() {
    assert_eq(join("a b c".split(" "), ", "), "a, b, c");
    let none: Array<string> = Array::new();
    assert_eq(join(none, "-"), "");
    assert_eq(reverse("héllo"), "olléh");
}

#[test]
func test_count_lines_digits() {
    assert_eq(count("banana", "an"), 2);
    assert_eq(count("aaaa", "aa"), 2);
    assert_eq(count("abc", ""), 0);
    assert_eq(lines("one\ntwo\n").len(), 2);
    assert_eq(lines("one\ntwo")[1], "two");
    assert(is_digits("2026"));
    assert(!is_digits("20x6"));
    assert(!is_digits(""));
}
