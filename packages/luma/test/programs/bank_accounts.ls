// Accounts shared through rc: transfers that fail return an Err and change nothing; a ledger of
// the moves in an Array of enum values.
struct Account { owner: string, balance: i64 }
enum Move { Deposit(string, i64), Transfer(string, string, i64), Refused(string) }

func transfer(from: rc<Account>, to: rc<Account>, amount: i64) -> Result<i64, string> {
    if (amount <= 0) { return Err(format("bad amount {}", amount)); }
    if (from.balance < amount) { return Err(format("{} has only {}", from.owner, from.balance)); }
    from.balance -= amount;
    to.balance += amount;
    return Ok(from.balance);
}

func main() {
    let alice = rc::new(Account { owner: "alice", balance: 0 });
    let bob = rc::new(Account { owner: "bob", balance: 50 });
    let ledger: Array<Move> = Array::new();
    alice.balance += 100;
    ledger.push(Move::Deposit("alice", 100));
    let tries: Array<i64> = Array::new();
    tries.push(30); tries.push(500); tries.push(-5); tries.push(70);
    for amount in tries {
        match transfer(alice, bob, amount) {
            Ok(left) => { ledger.push(Move::Transfer("alice", "bob", amount)); println("ok, {} left", left); }
            Err(why) => { ledger.push(Move::Refused(why)); }
        }
    }
    println("alice {} bob {}", alice.balance, bob.balance);
    for m in ledger {
        match m {
            Move::Deposit(who, n) => { println("deposit {} {}", who, n); }
            Move::Transfer(a, b, n) => { println("{} -> {} {}", a, b, n); }
            Move::Refused(why) => { println("refused: {}", why); }
        }
    }
}
