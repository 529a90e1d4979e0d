// C strings built in raw memory from a string's bytes, handed to the C library declared with
// extern func (strlen, strcmp, strchr, strstr, toupper, strtol with an end pointer taken by &),
// and turned back into strings byte by byte.
extern func strlen(s: ptr<u8>) -> u64;
extern func strcmp(a: ptr<u8>, b: ptr<u8>) -> i32;
extern func strchr(s: ptr<u8>, c: i32) -> ptr<u8>;
extern func strstr(haystack: ptr<u8>, needle: ptr<u8>) -> ptr<u8>;
extern func toupper(c: i32) -> i32;
extern func strtol(s: ptr<u8>, end: ptr<ptr<u8>>, base: i32) -> i64;

const PRINTABLE: string = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

func to_c(s: string) -> ptr<u8> {
    let p = alloc(u8, s.len() + 1);
    for i in 0..s.len() { p[i] = s[i]; }
    return p;
}

func from_c(p: ptr<u8>) -> string {
    let out = "";
    let i = 0;
    while (p[i] != 0) {
        let b = p[i] as i64 - 32;
        out = out + PRINTABLE.slice(b, b + 1);
        i += 1;
    }
    return out;
}

func sign(x: i32) -> string {
    if (x < 0) { return "<"; }
    if (x > 0) { return ">"; }
    return "=";
}

func main() {
    let text = to_c("key=value; size=42; mode=0x1F; depth=-17");
    println("strlen {}", strlen(text));
    let eq = strchr(text, 61);
    println("first '=' at offset {}", (eq as i64) - (text as i64));
    let missing = strchr(text, 35);
    println("no '#': {}", missing as i64 == 0);
    let needle = to_c("mode=");
    let found = strstr(text, needle);
    println("'mode=' at {}: {}", (found as i64) - (text as i64), from_c(found));
    let names = ["pear", "apple", "peach", "apple"];
    let cs = alloc(ptr<u8>, 4);
    for i in 0..4 { cs[i] = to_c(names[i]); }
    println("pear?apple {} apple?peach {} apple?apple {}", sign(strcmp(cs[0], cs[1])), sign(strcmp(cs[1], cs[2])), sign(strcmp(cs[1], cs[3])));
    for i in 0..4 { free(cs[i]); }
    free(cs);
    let upper = to_c("Hello, C world 123!");
    for i in 0..(strlen(upper) as i64) { upper[i] = toupper(upper[i] as i32) as u8; }
    println("{}", from_c(upper));
    let numbers = to_c("  12 -7 0x1f 077 42abc");
    let cursor = numbers;
    let end = numbers;
    let total = 0;
    for _ in 0..5 {
        let v = strtol(cursor, &end, 0);
        println("parsed {} rest '{}'", v, from_c(end));
        total += v;
        cursor = end;
    }
    println("total {}", total);
    free(numbers);
    free(upper);
    free(needle);
    free(text);
}
