// Looking up users by id through a Map and Option: found ids print, and unwrap of the None for a
// missing id panics with Rust's message, after the earlier output.
// expect-status: 101
// expect-stderr: panic: called `Option::unwrap()` on a `None` value
// expect-stderr:   at panic_unwrap_none.ls:18:20
struct User { name: string, age: i64 }

func lookup(users: Map<i64, User>, id: i64) -> Option<User> {
    return users.get(id);
}

func main() {
    let users: Map<i64, User> = Map::new();
    users.insert(7, User { name: "ada", age: 36 });
    users.insert(12, User { name: "linus", age: 54 });
    users.insert(3, User { name: "grace", age: 85 });
    for id in [3, 7, 12, 9, 1] {
        let user = lookup(users, id).unwrap();
        println("{} -> {} ({})", id, user.name, user.age);
    }
}
