// The standard library imported from std/: statistics of a small table of measurements, primes and
// gcds from std/math.ls, and a report laid out with std/text.ls.
import "std/math.ls";
import "std/text.ls";

struct Reading { station: string, celsius: f64 }

func main() {
    let readings: Array<Reading> = Array::new();
    let raw = "north 12.5\nsouth 17.25\neast 9.0\nwest 14.75\ncentre 13.0\n";
    for line in lines(raw) {
        let parts = line.split(" ");
        readings.push(Reading { station: parts[0], celsius: parts[1].parse_f64().unwrap() });
    }
    let values: Array<f64> = Array::new();
    for r in readings { values.push(r.celsius); }
    println("{}", pad_right("station", 8, " ") + "|" + pad_left("celsius", 9, " "));
    println("{}", repeat("-", 18));
    for r in readings {
        println("{}", pad_right(r.station, 8, " ") + "|" + pad_left(format("{:.2}", r.celsius), 9, " "));
    }
    println("mean {:.3} median {} stddev {:.3}", mean(values).unwrap(), median(values).unwrap(), stddev(values).unwrap());
    let primes: Array<string> = Array::new();
    for n in 90..120 { if (is_prime(n)) { primes.push(format("{}", n)); } }
    println("primes {}", join(primes, ","));
    println("gcd {} lcm {} isqrt {} pow_mod {}", gcd(1071, 462), lcm(21, 6), isqrt(99999), pow_mod(7, 128, 13));
    println("{} {} {}", reverse("stressed"), count("mississippi", "ss"), clamp(42, 0, 10));
}
