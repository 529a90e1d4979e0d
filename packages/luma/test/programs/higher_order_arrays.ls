// map, filter and reduce with closures, chained; sort_by (stable) on structs by two keys; a
// closure capturing a local used in a filter.
struct Person { name: string, age: i64 }
func main() {
    let xs: Array<i64> = Array::new();
    for i in 1..8 { xs.push(i); }
    let squares = xs.map(|x| x * x);
    let evens = squares.filter(|x| x % 2 == 0);
    let total = xs.reduce(0, |acc, x| acc + x);
    println("{} {} {} {}", squares[6], evens.len(), evens[1], total);
    let names = xs.map(|x| format("n{}", x)).filter(|s| s != "n3");
    println("{} {} {}", names.len(), names[2], names.reduce("", |acc, s| acc + s));
    let people: Array<Person> = Array::new();
    people.push(Person { name: "cy", age: 41 });
    people.push(Person { name: "ada", age: 36 });
    people.push(Person { name: "bo", age: 41 });
    people.push(Person { name: "di", age: 19 });
    people.sort_by(|a, b| a.age < b.age);
    for p in people { print("{}:{} ", p.name, p.age); }
    println("");
    people.sort_by(|a, b| a.name < b.name);
    for p in people { print("{} ", p.name); }
    println("");
    let limit = 40;
    let old = people.filter(|p| p.age > limit).map(|p| p.name);
    println("{} {}", old.len(), old[0]);
}
