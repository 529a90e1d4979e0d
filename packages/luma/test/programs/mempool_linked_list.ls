// expect-status: 101
// expect-stderr: panic: mempool block size must be positive
// expect-stderr:   at mempool_linked_list.ls:40:25
// A singly linked list of nodes in a mempool: blocks cast to ptr<Node>, given back one by one,
// then the whole pool reset.
struct Node { value: i64, next: ptr<Node> }

func push(pool: mempool, head: ptr<Node>, value: i64) -> ptr<Node> {
    let node = pool.alloc() as ptr<Node>;
    @node = Node { value: value, next: head };
    return node;
}

func main() {
    let pool = mempool::new(sizeof(Node));
    println("block size {}", pool.block_size());
    let head = 0 as ptr<Node>;
    for i in 0..1000 { head = push(pool, head, i); }
    println("live {}", pool.live());
    let total = 0;
    let count = 0;
    let p = head;
    while (p as i64 != 0) {
        total += p[0].value;
        count += 1;
        p = (@p).next;
    }
    println("count {} total {}", count, total);
    // Give back the first 10 nodes and reuse them.
    for i in 0..10 {
        let next = (@head).next;
        pool.free(head as ptr<u8>);
        head = next;
    }
    println("live {}", pool.live());
    head = push(pool, head, 5000);
    println("head {} live {}", (@head).value, pool.live());
    pool.reset();
    println("after reset {}", pool.live());
    println("never {}", mempool::new(0).live());
}
