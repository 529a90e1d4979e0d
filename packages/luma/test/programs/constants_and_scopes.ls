// Top-level constants of several types computed from other constants (with casts and operators),
// block scoping and shadowing by let in nested blocks and loops, and functions used before
// their definition.
const WIDTH: i64 = 16;
const HEIGHT: i64 = WIDTH / 2 + 1;
const AREA: i64 = WIDTH * HEIGHT;
const SCALE: f64 = 1.5;
const SCALED: f64 = (AREA as f64) * SCALE;
const NAME: string = "grid";
const LABEL: string = NAME + "-v2";
const FLAGS: u8 = 0b1010 | 0x40;
const DEBUG: bool = AREA > 100 && !(FLAGS == 0);
const MASK: i64 = (1 << 10) - 1;

func main() {
    println("{} {} {} {} {}", WIDTH, HEIGHT, AREA, SCALED, LABEL);
    println("{} {} {}", FLAGS, DEBUG, MASK & 0xABCD);
    let x = 1;
    {
        let x = x + 10;
        println("inner x {}", x);
        {
            let x = "shadowed as a string";
            println("innermost {}", x);
        }
        println("inner again {}", x);
    }
    println("outer x {}", x);
    let total = 0;
    for i in 0..3 {
        let total = i * 100;
        print("{} ", total);
    }
    println("| total still {}", total);
    let y = twice(x);
    let y = twice(y) + later(y);
    println("y {}", y);
    if (DEBUG) {
        let msg = format("{}x{}", WIDTH, HEIGHT);
        println("debug {}", msg);
    }
}

func twice(n: i64) -> i64 { return n * 2; }
func later(n: i64) -> i64 { return n + AREA; }
