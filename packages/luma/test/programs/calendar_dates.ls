// Dates as a struct: leap years, days in each month from a fixed array, day of the week by
// Zeller's congruence, days between two dates through a day number, adding days, and a month
// calendar printed with right-aligned columns.
struct Date { year: i64, month: i64, day: i64 }

func is_leap(y: i64) -> bool { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

func days_in_month(y: i64, m: i64) -> i64 {
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (m == 2 && is_leap(y)) { return 29; }
    return days[m - 1];
}

func weekday(d: Date) -> i64 {
    let m = d.month;
    let y = d.year;
    if (m < 3) { m += 12; y -= 1; }
    let k = y % 100;
    let j = y / 100;
    let h = (d.day + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
    return (h + 5) % 7;
}

func day_number(d: Date) -> i64 {
    let n = 0;
    for y in 1900..d.year {
        if (is_leap(y)) { n += 366; } else { n += 365; }
    }
    for m in 1..d.month { n += days_in_month(d.year, m); }
    return n + d.day - 1;
}

func add_days(d: Date, count: i64) -> Date {
    let r = d;
    let left = count;
    while (left > 0) {
        r.day += 1;
        if (r.day > days_in_month(r.year, r.month)) {
            r.day = 1;
            r.month += 1;
            if (r.month > 12) { r.month = 1; r.year += 1; }
        }
        left -= 1;
    }
    return r;
}

func text(d: Date) -> string {
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mm = format("{}", d.month);
    if (d.month < 10) { mm = "0" + mm; }
    let dd = format("{}", d.day);
    if (d.day < 10) { dd = "0" + dd; }
    return format("{}-{}-{} {}", d.year, mm, dd, names[weekday(d)]);
}

func main() {
    let leaps = "";
    for y in [1900, 2000, 2023, 2024, 2100] { leaps = leaps + format("{}:{} ", y, is_leap(y)); }
    println("{}", leaps.trim());
    let a = Date { year: 1969, month: 7, day: 20 };
    let b = Date { year: 2000, month: 1, day: 1 };
    let c = Date { year: 2024, month: 2, day: 29 };
    for d in [a, b, c] { println("{}", text(d)); }
    println("days from {} to {}: {}", text(a), text(b), day_number(b) - day_number(a));
    println("1000 days after {}: {}", text(c), text(add_days(c, 1000)));
    println("c unchanged: {}", text(c));
    println("     March 2024");
    println(" Mo Tu We Th Fr Sa Su");
    let first = Date { year: 2024, month: 3, day: 1 };
    let line = "";
    for _ in 0..weekday(first) { line = line + "   "; }
    for day in 1..(days_in_month(2024, 3) + 1) {
        line = line + format("{:>3}", day);
        if ((weekday(first) + day) % 7 == 0) { println("{}", line); line = ""; }
    }
    if (line.len() > 0) { println("{}", line); }
}
