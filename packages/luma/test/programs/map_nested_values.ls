// Maps whose values are structs, arrays and maps: a Map<string, Map<string, Array<i64>>> of
// courses to students to scores, a Map<string, Tally> of structs updated in place through
// m[k].field, and the values read back in insertion order.
struct Tally { count: i64, best: i64, best_by: string }

func main() {
    let records = "math ana 91,math bo 78,art ana 88,math ana 85,art cy 95,math cy 67,art bo 72,math bo 99,art ana 90,bio dee 80";
    let courses: Map<string, Map<string, Array<i64>>> = Map::new();
    let tallies: Map<string, Tally> = Map::new();
    for rec in records.split(",") {
        let f = rec.split(" ");
        let course = f[0];
        let student = f[1];
        let score = f[2].parse_i64().unwrap();
        if (!courses.contains_key(course)) { courses[course] = Map::new(); }
        let roster = courses[course];
        if (!roster.contains_key(student)) { roster[student] = Array::new(); }
        roster[student].push(score);
        if (!tallies.contains_key(course)) {
            tallies[course] = Tally { count: 0, best: -1, best_by: "" };
        }
        tallies[course].count += 1;
        if (score > tallies[course].best) {
            tallies[course].best = score;
            tallies[course].best_by = student;
        }
    }
    for (course, roster) in courses {
        println("{} ({} students):", course, roster.len());
        for (student, scores) in roster {
            let line = "";
            let total = 0;
            for s in scores {
                line = line + format(" {}", s);
                total += s;
            }
            println("  {:<4}{} avg {:.2}", student, line, (total as f64) / (scores.len() as f64));
        }
    }
    for (course, t) in tallies {
        println("{}: {} scores, best {} by {}", course, t.count, t.best, t.best_by);
    }
    let snapshot = tallies["math"];
    tallies["math"].best = 0;
    println("snapshot keeps {} map now {}", snapshot.best, tallies["math"].best);
    let math = courses["math"];
    math.remove("bo");
    courses["art"]["ana"].pop();
    println("math students now {} via courses {}", math.len(), courses["math"].len());
    println("art/ana {} scores, keys {}", courses["art"]["ana"].len(), courses["art"].keys().len());
    let removed = courses.remove("bio");
    println("bio removed {} with {} students, {} courses left", removed.is_some(), removed.unwrap().len(), courses.len());
}
