// Two mempools: a per-frame scratch arena whose event records are linked by ptr, walked, and
// thrown away together with reset(), and a long-lived pool of timers freed one at a time.
struct Event { frame: i64, kind: i64, weight: f64, next: ptr<Event> }
struct Timer { id: i64, remaining: i64 }

func main() {
    let scratch = mempool::new(sizeof(Event));
    let timers = mempool::new(sizeof(Timer));
    println("event block {} timer block {}", scratch.block_size(), timers.block_size());
    let active: Array<ptr<Timer>> = Array::new();
    for id in 0..6 {
        let t = timers.alloc() as ptr<Timer>;
        @t = Timer { id: id, remaining: 2 + (id * 5) % 7 };
        active.push(t);
    }
    let seed = 99;
    let grand = 0.0;
    for frame in 0..6 {
        let head = 0 as ptr<Event>;
        let n = 3 + frame % 4;
        for i in 0..n {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            let e = scratch.alloc() as ptr<Event>;
            (@e).frame = frame;
            (@e).kind = seed % 3;
            (@e).weight = ((seed / 7) % 100) as f64 / 8.0;
            (@e).next = head;
            head = e;
        }
        let by_kind = [0.0, 0.0, 0.0];
        let walked = 0;
        let p = head;
        while (p as i64 != 0) {
            by_kind[(@p).kind] += (@p).weight;
            walked += 1;
            p = (@p).next;
        }
        grand += by_kind[0] + by_kind[1] + by_kind[2];
        let kept: Array<ptr<Timer>> = Array::new();
        let fired = "";
        for t in active {
            (@t).remaining -= 1;
            if ((@t).remaining == 0) {
                fired = fired + format(" t{}", (@t).id);
                timers.free(t as ptr<u8>);
            } else {
                kept.push(t);
            }
        }
        active = kept;
        println("frame {} events {} live {} kinds {} {} {} fired:{} timers {}", frame, walked, scratch.live(), by_kind[0], by_kind[1], by_kind[2], fired, timers.live());
        scratch.reset();
    }
    println("grand {} scratch live {} timers left {}", grand, scratch.live(), active.len());
    for t in active { timers.free(t as ptr<u8>); }
    println("timers live {}", timers.live());
}
