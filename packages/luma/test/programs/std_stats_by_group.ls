// std/math.ls statistics per group: lap times grouped by driver in a Map<string, Array<f64>>, each
// summarised with sum, mean, median and stddev (None for too few laps), in {:8.3} columns.
import "std/math.ls";

func show(x: Option<f64>) -> string {
    match x {
        Some(v) => { return format("{:8.3}", v); }
        None => { return format("{:>8}", "-"); }
    }
}

func main() {
    let raw = "ana 81.25,bo 79.5,ana 80.125,cy 90.0,bo 82.75,ana 79.875,bo 78.0,ana 84.5,bo 80.0,dee 75.0,ana 81.0";
    let laps: Map<string, Array<f64>> = Map::new();
    for entry in raw.split(",") {
        let parts = entry.split(" ");
        if (!laps.contains_key(parts[0])) { laps[parts[0]] = Array::new(); }
        laps[parts[0]].push(parts[1].parse_f64().unwrap());
    }
    laps["eve"] = Array::new();
    println("{:<6}{:>4}{:>9}{:>8}{:>8}{:>8}", "driver", "n", "sum", "mean", "median", "stddev");
    let everything: Array<f64> = Array::new();
    for (name, times) in laps {
        println("{:<6}{:>4}{:9.2}{}{}{}", name, times.len(), sum(times), show(mean(times)), show(median(times)), show(stddev(times)));
        for t in times { everything.push(t); }
    }
    let m = mean(everything).unwrap();
    let s = stddev(everything).unwrap();
    println("all {} laps: mean {} median {} stddev {:.5}", everything.len(), m, median(everything).unwrap(), s);
    let fast: Array<string> = Array::new();
    for (name, times) in laps {
        match median(times) {
            Some(md) => { if (md < m) { fast.push(name); } }
            None => {}
        }
    }
    println("median faster than the field: {}", fast.len());
    for name in fast { println("  {}", name); }
    println("raw mean {}", m);
}
