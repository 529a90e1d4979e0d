// expect-status: 101
// expect-stderr: panic: byte index is not a char boundary
// expect-stderr:   at panic_truncate_char_boundary.ls:10:12
// Truncating titles to a byte budget with slice(0, n): ASCII titles and ones cut between
// characters work, and a cut through the middle of a two-byte character panics.
func truncate(s: string, budget: i64) -> string {
    if (s.len() <= budget) { return s; }
    let cut = budget;
    if (s[cut] >= 128 && s[cut] < 192) { println("  cut at {} splits a character", cut); }
    return s.slice(0, cut) + "...";
}

func main() {
    let titles = ["Short", "A rather long title", "Déjà vu all over", "Ünïcödé title", "Crème brûlée recipes"];
    for t in titles {
        println("{} bytes, {} chars: {}", t.len(), t.chars().len(), truncate(t, 10));
    }
}
