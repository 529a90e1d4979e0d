// bench-size: 1500
// c-port: packages/python/bench/mandelbrot.c
// Escape times on an N x N grid (at most 200 iterations a point), as
// packages/python/bench/mandelbrot.c: the points inside and the total of the iterations.
func mandelbrot(size: i64, limit: i64) {
    let inside = 0;
    let total_iterations = 0;
    for row in 0..size {
        let ci = 2.0 * (row as f64) / (size as f64) - 1.0;
        for col in 0..size {
            let cr = 2.5 * (col as f64) / (size as f64) - 2.0;
            let zr = 0.0;
            let zi = 0.0;
            let i = 0;
            while (i < limit) {
                let zr2 = zr * zr;
                let zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) { break; }
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                i += 1;
            }
            if (i == limit) { inside += 1; }
            total_iterations += i;
        }
    }
    println("inside: {}", inside);
    println("iterations: {}", total_iterations);
}

func main() {
    mandelbrot(args()[1].parse_i64().unwrap(), 200);
}
