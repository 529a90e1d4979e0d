// A fixed-capacity ring buffer of i32 samples in raw memory (alloc/free) behind an rc: pushes
// overwrite the oldest sample when full, and a moving average reads the window in place.
struct Ring { data: ptr<i32>, cap: i64, head: i64, len: i64, dropped: i64 }

func ring(cap: i64) -> rc<Ring> {
    return rc::new(Ring { data: alloc(i32, cap), cap: cap, head: 0, len: 0, dropped: 0 });
}

func push(r: rc<Ring>, v: i32) {
    let slot = (r.head + r.len) % r.cap;
    r.data[slot] = v;
    if (r.len == r.cap) {
        r.head = (r.head + 1) % r.cap;
        r.dropped += 1;
    } else {
        r.len += 1;
    }
}

func pop(r: rc<Ring>) -> Option<i32> {
    if (r.len == 0) { return None; }
    let v = r.data[r.head];
    r.head = (r.head + 1) % r.cap;
    r.len -= 1;
    return Some(v);
}

func average(r: rc<Ring>) -> f64 {
    let total: i64 = 0;
    for i in 0..r.len { total += r.data[(r.head + i) % r.cap] as i64; }
    return (total as f64) / (r.len as f64);
}

func contents(r: rc<Ring>) -> string {
    let out = "";
    for i in 0..r.len { out = out + format("{} ", r.data[(r.head + i) % r.cap]); }
    return "[" + out.trim() + "]";
}

func main() {
    let r = ring(5);
    let seed: i32 = 17;
    for step in 0..12 {
        seed = (seed * 73 + 41) % 1009;
        push(r, seed - 500);
        if (step % 3 == 2) {
            println("step {:>2} {} avg {:.3}", step, contents(r), average(r));
        }
    }
    println("dropped {} head {}", r.dropped, r.head);
    let drained = 0;
    while (r.len > 2) {
        drained += pop(r).unwrap() as i64;
    }
    println("drained sum {} left {}", drained, contents(r));
    push(r, -32768);
    push(r, 32767);
    println("{} avg {}", contents(r), average(r));
    while (pop(r).is_some()) {}
    println("empty {} next pop none {}", contents(r), pop(r).is_none());
    println("raw slot bytes {}", sizeof(i32) * r.cap);
    free(r.data);
}
