// Collections nested in each other: a Map from course to an Array of Pair<string, i64> grades, an
// Array of Maps, Option<Result<i64, string>> values, and a Map of summary structs holding a Pair
// built from them, all walked with for and match.
struct Pair<A, B> { a: A, b: B }
struct Summary { count: i64, best: Pair<string, i64> }

func grade_of(grades: Map<string, Array<Pair<string, i64>>>, course: string, student: string) -> Option<Result<i64, string>> {
    match grades.get(course) {
        None => { return None; }
        Some(list) => {
            for p in list { if (p.a == student) { return Some(Ok(p.b)); } }
            return Some(Err(format("{} is not in {}", student, course)));
        }
    }
}

func main() {
    let grades: Map<string, Array<Pair<string, i64>>> = Map::new();
    let raw = "math:ada=91,bo=78,cy=85;art:bo=88,di=95;music:ada=70";
    for course in raw.split(";") {
        let parts = course.split(":");
        let list: Array<Pair<string, i64>> = Array::new();
        for entry in parts[1].split(",") {
            let kv = entry.split("=");
            list.push(Pair { a: kv[0], b: kv[1].parse_i64().unwrap() });
        }
        grades.insert(parts[0], list);
    }
    let summaries: Map<string, Summary> = Map::new();
    for (course, list) in grades {
        let best = list[0];
        for p in list { if (p.b > best.b) { best = p; } }
        summaries.insert(course, Summary { count: list.len(), best: best });
    }
    for (course, s) in summaries { println("{:<6} {} students, best {} ({})", course, s.count, s.best.a, s.best.b); }
    let queries = [["math", "cy"], ["art", "ada"], ["history", "bo"], ["music", "ada"]];
    for q in queries {
        match grade_of(grades, q[0], q[1]) {
            Some(Ok(g)) => { println("{} in {}: {}", q[1], q[0], g); }
            Some(Err(e)) => { println("error: {}", e); }
            None => { println("no course {}", q[0]); }
        }
    }
    let per_student: Array<Map<string, i64>> = Array::new();
    for name in ["ada", "bo"] {
        let m: Map<string, i64> = Map::new();
        for (course, list) in grades {
            for p in list { if (p.a == name) { m.insert(course, p.b); } }
        }
        per_student.push(m);
    }
    for m in per_student {
        let line = "";
        for (c, g) in m { line = line + format("{}={} ", c, g); }
        println("{} courses: {}", m.len(), line.trim());
    }
}
