// The libm built-ins on real work: great-circle distances and bearings between airports with sin,
// cos, asin, atan2 and sqrt; logarithms and exp for a decibel table; floor, ceil, round and trunc
// on negative halves; and pow, tan, acos, atan checked against identities.
const PI: f64 = 3.141592653589793;
const EARTH_KM: f64 = 6371.0;

struct Airport { code: string, lat: f64, lon: f64 }

func rad(d: f64) -> f64 { return d * PI / 180.0; }
func deg(r: f64) -> f64 { return r * 180.0 / PI; }

func distance(a: Airport, b: Airport) -> f64 {
    let dlat = rad(b.lat - a.lat);
    let dlon = rad(b.lon - a.lon);
    let h = sin(dlat / 2.0) * sin(dlat / 2.0) + cos(rad(a.lat)) * cos(rad(b.lat)) * sin(dlon / 2.0) * sin(dlon / 2.0);
    return 2.0 * EARTH_KM * asin(sqrt(h));
}

func bearing(a: Airport, b: Airport) -> f64 {
    let y = sin(rad(b.lon - a.lon)) * cos(rad(b.lat));
    let x = cos(rad(a.lat)) * sin(rad(b.lat)) - sin(rad(a.lat)) * cos(rad(b.lat)) * cos(rad(b.lon - a.lon));
    let d = deg(atan2(y, x));
    if (d < 0.0) { d += 360.0; }
    return d;
}

func main() {
    let ports = [
        Airport { code: "LHR", lat: 51.47, lon: -0.4543 },
        Airport { code: "JFK", lat: 40.6413, lon: -73.7781 },
        Airport { code: "NRT", lat: 35.772, lon: 140.3929 },
        Airport { code: "SYD", lat: -33.9399, lon: 151.1753 },
        Airport { code: "GRU", lat: -23.4356, lon: -46.4731 },
    ];
    for i in 0..ports.len() {
        for j in (i + 1)..ports.len() {
            let a = ports[i];
            let b = ports[j];
            println("{}-{} {:>8.1} km bearing {:>6.2}", a.code, b.code, distance(a, b), bearing(a, b));
        }
    }
    for ratio in [2.0, 10.0, 0.5, 1000.0] {
        println("ratio {} = {:.4} dB, ln {:.6}, log2 {}", ratio, 10.0 * log10(ratio), ln(ratio), log2(ratio));
    }
    println("exp(1) {} exp(ln 5) {:.12} pow(2, 0.5) {}", exp(1.0), exp(ln(5.0)), pow(2.0, 0.5));
    for x in [2.5, -2.5, 2.4, -2.6, -0.5, 7.0] {
        println("{:>5}: floor {} ceil {} round {} trunc {}", x, floor(x), ceil(x), round(x), trunc(x));
    }
    println("tan(pi/4) {:.15} acos(-1) {} 4 atan(1) {} atan2(-1, -1) {}", tan(PI / 4.0), acos(-1.0), 4.0 * atan(1.0), deg(atan2(-1.0, -1.0)));
    let f: f32 = 2.0;
    println("f32 sqrt {} sin {} floor {}", sqrt(f), sin(f), floor(-f / 3.0));
}
