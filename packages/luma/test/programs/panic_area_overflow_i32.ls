// expect-status: 101
// expect-stderr: panic: attempt to multiply with overflow
// expect-stderr:   at panic_area_overflow_i32.ls:12:12
// Tile areas in i32 pixels in a debug build: sizes that fit are summed and widened to i64, then a
// width * height beyond i32 panics with Rust's message at the multiplication.
struct Tile { name: string, w: i32, h: i32 }

func area(t: Tile) -> i32 {
    if (t.w < 0 || t.h < 0) {
        panic("negative size for {}", t.name);
    }
    return t.w * t.h;
}

func main() {
    let tiles = [
        Tile { name: "icon", w: 64, h: 64 },
        Tile { name: "banner", w: 1920, h: 300 },
        Tile { name: "poster", w: 20000, h: 30000 },
        Tile { name: "mural", w: 50000, h: 50000 },
        Tile { name: "stamp", w: 8, h: 8 },
    ];
    let total: i64 = 0;
    for t in tiles {
        let a = area(t);
        total += a as i64;
        println("{:<7} {:>6} x {:<6} = {:>10} total {}", t.name, t.w, t.h, a, total);
    }
    println("never reached {}", total);
}
