// assert() guarding an invariant of a ring buffer: pushes past its capacity fail the assertion,
// which panics with "assertion failed" at the assert.
// expect-status: 101
// expect-stderr: panic: assertion failed
// expect-stderr:   at panic_assert_invariant.ls:12:5
struct Ring { items: [4]i64, start: i64, count: i64 }

func push(r: rc<Ring>, x: i64) {
    let capacity = r.items.len();
    let slot = (r.start + r.count) % capacity;
    r.items[slot] = x;
    assert(r.count < capacity);
    r.count += 1;
}

func pop(r: rc<Ring>) -> i64 {
    assert(r.count > 0);
    let x = r.items[r.start];
    r.start = (r.start + 1) % r.items.len();
    r.count -= 1;
    return x;
}

func main() {
    let ring = rc::new(Ring { items: [0; 4], start: 0, count: 0 });
    for i in 1..4 { push(ring, i * 10); }
    println("popped {} {}", pop(ring), pop(ring));
    for i in 4..7 { push(ring, i * 10); }
    println("count {} start {}", ring.count, ring.start);
    let drained = "";
    while (ring.count > 0) { drained = drained + format("{} ", pop(ring)); }
    println("drained {}", drained.trim());
    for i in 0..6 {
        push(ring, i);
        println("pushed {} ({} held)", i, ring.count);
    }
}
