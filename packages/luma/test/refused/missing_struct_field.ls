// expect-error: E0207
// expect-line: 9
// expect-message: missing field `email` in the literal of `User`
struct User { name: string, age: i64, email: string }

func main() {
    let users: Array<User> = Array::new();
    users.push(User { name: "ana", age: 31, email: "ana@example.com" });
    users.push(User { name: "ben", age: 27 });
    for u in users { println("{} {}", u.name, u.age); }
}
