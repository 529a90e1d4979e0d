// An access log read from stdin with read_line: status classes and paths counted in Maps, latency
// per path, and bar charts drawn with std/text.ls; args() (none given here) could set the bar scale.
import "std/text.ls";

struct PathStats { hits: i64, total_ms: i64, worst: i64 }

func main() {
    let argv = args();
    let scale = 2;
    if (argv.len() > 1) { scale = argv[1].parse_i64().unwrap(); }
    println("{} argument(s), scale {}", argv.len() - 1, scale);
    let classes: Map<string, i64> = Map::new();
    let paths: Map<string, PathStats> = Map::new();
    let skipped: Array<string> = Array::new();
    let count = 0;
    let line = read_line();
    while (line.is_some()) {
        let f = line.unwrap().split(" ");
        if (f.len() != 4 || !f[3].ends_with("ms") || !is_digits(f[2])) {
            skipped.push(line.unwrap());
        } else {
            count += 1;
            let class = f[2].slice(0, 1) + "xx";
            classes[class] = classes.get(class).unwrap_or(0) + 1;
            let ms = f[3].replace("ms", "").parse_i64().unwrap();
            let s = paths.get(f[1]).unwrap_or(PathStats { hits: 0, total_ms: 0, worst: 0 });
            paths[f[1]] = PathStats { hits: s.hits + 1, total_ms: s.total_ms + ms, worst: max(s.worst, ms) };
        }
        line = read_line();
    }
    println("{} requests, skipped: {}", count, join(skipped, " | "));
    for (class, n) in classes {
        println("{} {} {}", class, pad_right(repeat("#", n * scale), 12, "."), n);
    }
    let names = paths.keys();
    names.sort_by(|a, b| paths[a].total_ms > paths[b].total_ms);
    for name in names {
        let s = paths[name];
        println("{} {:>3} hits {:>7.1} ms avg, worst {:>3}", pad_right(name, 16, " "), s.hits, (s.total_ms as f64) / (s.hits as f64), s.worst);
    }
    let api = 0;
    for name in names { if (name.starts_with("/api")) { api += count_of(paths, name); } }
    println("api share {}/{} = {:.1}%", api, count, 100.0 * (api as f64) / (count as f64));
}

func count_of(paths: Map<string, PathStats>, name: string) -> i64 {
    return paths[name].hits;
}
