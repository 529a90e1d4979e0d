// expect-status: 101
// expect-stderr: panic: isqrt of a negative number: -9
// expect-stderr:   at std/math.ls:37:18
// A panic inside the standard library's compiled-once code reports the library file's place.
import "std/math.ls";

func main() {
    let values = [16, 2, -9];
    for v in values { println("isqrt({}) = {}", v, isqrt(v)); }
}
