// Reads a grade book from stdin with read_line until None: comment and blank lines skipped, rows
// with a bad score reported, averages with {:.1}, letter grades by match on the tens digit, and a
// class summary.
struct Student { name: string, average: f64 }

func letter(avg: f64) -> string {
    let tens = (avg as i64) / 10;
    match tens {
        10 => { return "A"; }
        9 => { return "A"; }
        8 => { return "B"; }
        7 => { return "C"; }
        6 => { return "D"; }
        _ => { return "F"; }
    }
}

func parse_scores(fields: Array<string>) -> Result<Array<i64>, string> {
    let scores: Array<i64> = Array::new();
    for i in 1..fields.len() {
        match fields[i].parse_i64() {
            Ok(n) => { scores.push(n); }
            Err(e) => { return Err(format("score {} '{}': {}", i, fields[i], e)); }
        }
    }
    if (scores.len() == 0) { return Err("no scores"); }
    return Ok(scores);
}

func main() {
    let students: Array<Student> = Array::new();
    let line_no = 0;
    while (true) {
        let line = "";
        match read_line() {
            Some(l) => { line = l; }
            None => { break; }
        }
        line_no += 1;
        let t = line.trim();
        if (t.len() == 0 || t.starts_with("#")) { continue; }
        let fields = t.split(" ");
        match parse_scores(fields) {
            Ok(scores) => {
                let sum = scores.reduce(0, |a, b| a + b);
                let avg = (sum as f64) / (scores.len() as f64);
                students.push(Student { name: fields[0], average: avg });
            }
            Err(e) => { println("line {} ({}): {}", line_no, fields[0], e); }
        }
    }
    let best = students[0];
    let total = 0.0;
    for s in students {
        println("{:<4} {:>6.1} {}", s.name, s.average, letter(s.average));
        total += s.average;
        if (s.average > best.average) { best = s; }
    }
    println("{} students, class average {:.2}, best {}", students.len(), total / (students.len() as f64), best.name);
}
