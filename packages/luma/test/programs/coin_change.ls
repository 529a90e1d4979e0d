// Coin change by dynamic programming: the number of ways to make each amount (a big count), and the
// fewest coins with the coins used, an impossible amount reported as None.
func ways(coins: Array<i64>, amount: i64) -> i64 {
    let table: Array<i64> = Array::new();
    for _ in 0..(amount + 1) { table.push(0); }
    table[0] = 1;
    for c in coins {
        for a in c..(amount + 1) { table[a] += table[a - c]; }
    }
    return table[amount];
}

func fewest(coins: Array<i64>, amount: i64) -> Option<Array<i64>> {
    let best: Array<i64> = Array::new();
    let last: Array<i64> = Array::new();
    for _ in 0..(amount + 1) { best.push(-1); last.push(0); }
    best[0] = 0;
    for a in 1..(amount + 1) {
        for c in coins {
            if (c <= a && best[a - c] >= 0 && (best[a] < 0 || best[a - c] + 1 < best[a])) {
                best[a] = best[a - c] + 1;
                last[a] = c;
            }
        }
    }
    if (best[amount] < 0) { return None; }
    let used: Array<i64> = Array::new();
    let a = amount;
    while (a > 0) { used.push(last[a]); a -= last[a]; }
    return Some(used);
}

func main() {
    let euro = [1, 2, 5, 10, 20, 50, 100, 200];
    let coins: Array<i64> = Array::new();
    for c in euro { coins.push(c); }
    for amount in [5, 100, 200, 1000] { println("{} cents: {} ways", amount, ways(coins, amount)); }
    let odd: Array<i64> = Array::new();
    odd.push(7); odd.push(5); odd.push(3);
    for amount in [1, 2, 11, 13, 29] {
        match fewest(odd, amount) {
            Some(used) => {
                let text = "";
                for c in used { text = text + format(" {}", c); }
                println("{} = {} coins:{}", amount, used.len(), text);
            }
            None => { println("{} cannot be made", amount); }
        }
    }
}
