// expect-status: 101
// expect-stderr: panic: called `Option::unwrap()` on a `None` value
// expect-stderr:   at panic_stale_weak_handle.ls:36:13
// A session table hands out weak<Session> handles; after a logout drops the session, a handle
// that trusts upgrade().unwrap() panics.
struct Session { user: string, hits: i64 }

func login(table: Array<rc<Session>>, user: string) -> weak<Session> {
    let s = rc::new(Session { user: user, hits: 0 });
    table.push(s);
    return weak::new(&s);
}

func logout(table: Array<rc<Session>>, user: string) {
    for i in 0..table.len() {
        if (table[i].user == user) {
            table.remove(i);
            return;
        }
    }
}

func main() {
    let table: Array<rc<Session>> = Array::new();
    let ana = login(table, "ana");
    let bo = login(table, "bo");
    for i in 0..5 {
        let h = ana;
        if (i % 2 == 1) { h = bo; }
        let s = h.upgrade().unwrap();
        s.hits += 1;
    }
    for s in table { println("{} {}", s.user, s.hits); }
    logout(table, "ana");
    println("sessions {} ana alive {} bo alive {}", table.len(), ana.upgrade().is_some(), bo.upgrade().is_some());
    let s = ana.upgrade().unwrap();
    println("never printed {}", s.hits);
}
