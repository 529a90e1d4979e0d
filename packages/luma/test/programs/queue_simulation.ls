// A bank-queue simulation: customers from an LCG arrive into an Array used as a queue, a teller
// serves them in order; waiting times summed and the longest queue noted.
struct Customer { id: i64, arrival: i64, service: i64 }

func main() {
    let state = 12345;
    let queue: Array<Customer> = Array::new();
    let next_id = 0;
    let busy_until = 0;
    let total_wait = 0;
    let served = 0;
    let longest = 0;
    for minute in 0..200 {
        state = (state * 1103515245 + 12345) % 2147483648;
        if (state % 3 == 0) {
            queue.push(Customer { id: next_id, arrival: minute, service: 1 + (state / 7) % 4 });
            next_id += 1;
        }
        if (queue.len() > longest) { longest = queue.len(); }
        if (busy_until <= minute && queue.len() > 0) {
            let c = queue.remove(0);
            total_wait += minute - c.arrival;
            busy_until = minute + c.service;
            served += 1;
        }
    }
    println("arrived {} served {} waiting {}", next_id, served, queue.len());
    println("total wait {} longest queue {}", total_wait, longest);
}
