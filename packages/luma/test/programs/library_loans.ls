// A lending library: books in a Map by id, members with loan limits, loans and returns that fail
// with a reason in a Result (unknown book, already lent, limit reached, not the borrower), late
// fees computed from days, and a report of who holds what.
struct Book { title: string, borrower: Option<string>, due: i64 }
struct Member { limit: i64, fees: i64 }

func find_book(books: Map<i64, Book>, id: i64) -> Result<Book, string> {
    match books.get(id) {
        Some(b) => { return Ok(b); }
        None => { return Err(format("no book {}", id)); }
    }
}

func lend(books: Map<i64, Book>, members: Map<string, Member>, id: i64, who: string, today: i64) -> Result<string, string> {
    let book = find_book(books, id)?;
    match book.borrower {
        Some(b) => { return Err(format("'{}' is already lent to {}", book.title, b)); }
        None => {}
    }
    let held = 0;
    for (_, b) in books {
        match b.borrower {
            Some(name) => { if (name == who) { held += 1; } }
            None => {}
        }
    }
    if (held >= members[who].limit) { return Err(format("{} already holds {} books", who, held)); }
    books[id] = Book { title: book.title, borrower: Some(who), due: today + 14 };
    return Ok(format("{} borrows '{}' until day {}", who, book.title, today + 14));
}

func give_back(books: Map<i64, Book>, members: Map<string, Member>, id: i64, who: string, today: i64) -> Result<i64, string> {
    let book = find_book(books, id)?;
    match book.borrower {
        Some(b) => { if (b != who) { return Err(format("{} did not borrow '{}'", who, book.title)); } }
        None => { return Err(format("'{}' is not lent", book.title)); }
    }
    let fee = max(0, today - book.due) * 25;
    let m = members[who];
    members[who] = Member { limit: m.limit, fees: m.fees + fee };
    books[id] = Book { title: book.title, borrower: None, due: 0 };
    return Ok(fee);
}

func main() {
    let books: Map<i64, Book> = Map::new();
    let titles = ["Dune", "Emma", "Ulysses", "Beloved", "Hamlet"];
    for i in 0..titles.len() { books.insert(101 + i, Book { title: titles[i], borrower: None, due: 0 }); }
    let members: Map<string, Member> = Map::new();
    members.insert("ana", Member { limit: 2, fees: 0 });
    members.insert("ben", Member { limit: 1, fees: 0 });
    let loans = [[101, 0], [102, 0], [103, 0], [101, 1], [104, 1], [105, 1], [999, 1]];
    let names = ["ana", "ben"];
    let day = 1;
    for l in loans {
        match lend(books, members, l[0], names[l[1]], day) {
            Ok(msg) => { println("day {}: {}", day, msg); }
            Err(why) => { println("day {}: refused: {}", day, why); }
        }
        day += 2;
    }
    let returns = [[101, 1, 20], [101, 0, 20], [102, 0, 40], [105, 1, 30]];
    for r in returns {
        match give_back(books, members, r[0], names[r[1]], r[2]) {
            Ok(fee) => { println("day {}: {} returns {}, fee {}", r[2], names[r[1]], r[0], fee); }
            Err(why) => { println("day {}: {}", r[2], why); }
        }
    }
    for (id, b) in books {
        match b.borrower {
            Some(who) => { println("{} {:<8} lent to {} (due {})", id, b.title, who, b.due); }
            None => { println("{} {:<8} on the shelf", id, b.title); }
        }
    }
    for (name, m) in members { println("{} owes {:.2}", name, (m.fees as f64) / 100.0); }
}
