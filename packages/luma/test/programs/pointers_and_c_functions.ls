// Raw memory: arrays of i64 and of structs from alloc/free, @p and p[i], &x of variables and elements,
// sizeof, pointer casts, and C's labs, strlen and memset declared with extern func.
extern func labs(x: i64) -> i64;
extern func strlen(s: ptr<u8>) -> u64;
extern func memset(p: ptr<u8>, c: i32, n: u64) -> ptr<u8>;

struct Vec2 { x: f64, y: f64 }

func swap(a: ptr<i64>, b: ptr<i64>) {
    let t = @a;
    @a = @b;
    @b = t;
}

func sum(p: ptr<i64>, n: i64) -> i64 {
    let total = 0;
    for i in 0..n { total += p[i]; }
    return total;
}

func main() {
    let n = 10;
    let xs = alloc(i64, n);
    for i in 0..n { xs[i] = i * i - 20; }
    println("sum {}", sum(xs, n));
    println("abs {}", labs(xs[1]));
    let a = 1;
    let b = 2;
    swap(&a, &b);
    println("a {} b {}", a, b);
    swap(&xs[0], &xs[9]);
    println("xs[0] {} xs[9] {}", xs[0], xs[9]);
    let tail = &xs[5];
    println("tail[0] {} tail[1] {}", tail[0], @tail);
    free(xs);
    println("sizes {} {} {} {}", sizeof(i64), sizeof(u8), sizeof(Vec2), sizeof(ptr<u8>));
    let vs = alloc(Vec2, 3);
    vs[1] = Vec2 { x: 1.5, y: 2.5 };
    let v = vs[1];
    println("v {} {} zero {}", v.x, v.y, vs[0].x);
    let bytes = alloc(u8, 8);
    memset(bytes, 65, 5);
    println("strlen {}", strlen(bytes));
    let addr = bytes as i64;
    let again = addr as ptr<u8>;
    println("same {}", again[0] == 65);
    free(bytes);
    free(vs);
}
