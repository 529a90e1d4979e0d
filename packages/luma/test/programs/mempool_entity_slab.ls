// Game entities in a mempool slab: spawned each tick, damaged, and given back when dead; blocks
// given back are handed out again (their addresses recorded in a Map), always zeroed first.
struct Entity { id: i64, hp: i64, x: i32, y: i32, flags: u64 }

func spawn(pool: mempool, id: i64, hp: i64) -> ptr<Entity> {
    let e = pool.alloc() as ptr<Entity>;
    (@e).id = id;
    (@e).hp = hp;
    (@e).x = (id * 7 % 20) as i32;
    (@e).y = (id * 3 % 11) as i32;
    return e;
}

func main() {
    let pool = mempool::new(sizeof(Entity));
    println("entity {} bytes, block {}", sizeof(Entity), pool.block_size());
    let alive: Array<ptr<Entity>> = Array::new();
    let freed: Map<i64, bool> = Map::new();
    let reused = 0;
    let dirty = 0;
    let next_id = 1;
    let kills = 0;
    for tick in 0..8 {
        for _ in 0..(4 + tick % 3) {
            let e = spawn(pool, next_id, 10 + next_id % 13);
            if (freed.contains_key(e as i64)) {
                reused += 1;
                freed.remove(e as i64);
            }
            if ((@e).flags != 0) { dirty += 1; }
            (@e).flags = 0xDEAD;
            alive.push(e);
            next_id += 1;
        }
        let survivors: Array<ptr<Entity>> = Array::new();
        for e in alive {
            (@e).hp -= 6 + tick;
            if ((@e).hp <= 0) {
                freed[e as i64] = true;
                pool.free(e as ptr<u8>);
                kills += 1;
            } else {
                survivors.push(e);
            }
        }
        alive = survivors;
        println("tick {} live {} alive {} kills {} reused {}", tick, pool.live(), alive.len(), kills, reused);
    }
    let sum_x = 0;
    let ids = "";
    for e in alive {
        sum_x += (@e).x as i64;
        ids = ids + format(" {}", (@e).id);
    }
    println("survivors{} sum_x {} dirty {}", ids, sum_x, dirty);
    pool.reset();
    println("after reset live {} block {}", pool.live(), pool.block_size());
}
