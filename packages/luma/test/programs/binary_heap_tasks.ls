// A min-heap of tasks (struct with priority and name) over an Array, sift up and down by hand:
// tasks pushed in any order come out by priority, then a heap sort of integers.
struct Task { priority: i64, name: string }

func sift_up(heap: Array<Task>, start: i64) {
    let i = start;
    while (i > 0) {
        let parent = (i - 1) / 2;
        if (heap[parent].priority <= heap[i].priority) { break; }
        let t = heap[parent]; heap[parent] = heap[i]; heap[i] = t;
        i = parent;
    }
}

func sift_down(heap: Array<Task>, start: i64) {
    let i = start;
    let n = heap.len();
    while (true) {
        let smallest = i;
        let l = 2 * i + 1;
        let r = 2 * i + 2;
        if (l < n && heap[l].priority < heap[smallest].priority) { smallest = l; }
        if (r < n && heap[r].priority < heap[smallest].priority) { smallest = r; }
        if (smallest == i) { return; }
        let t = heap[smallest]; heap[smallest] = heap[i]; heap[i] = t;
        i = smallest;
    }
}

func push(heap: Array<Task>, t: Task) {
    heap.push(t);
    sift_up(heap, heap.len() - 1);
}

func pop_min(heap: Array<Task>) -> Option<Task> {
    if (heap.len() == 0) { return None; }
    let top = heap[0];
    let last = heap.pop().unwrap();
    if (heap.len() > 0) {
        heap[0] = last;
        sift_down(heap, 0);
    }
    return Some(top);
}

func main() {
    let heap: Array<Task> = Array::new();
    push(heap, Task { priority: 5, name: "write report" });
    push(heap, Task { priority: 1, name: "fix outage" });
    push(heap, Task { priority: 3, name: "review code" });
    push(heap, Task { priority: 9, name: "clean desk" });
    push(heap, Task { priority: 2, name: "answer mail" });
    push(heap, Task { priority: 7, name: "plan sprint" });
    println("{} tasks, next: {}", heap.len(), heap[0].name);
    let order = 1;
    let going = true;
    while (going) {
        match pop_min(heap) {
            Some(t) => { println("{}. [{}] {}", order, t.priority, t.name); order += 1; }
            None => { going = false; }
        }
    }
    let nums: Array<Task> = Array::new();
    let x = 77;
    for i in 0..15 {
        x = (x * 37 + 11) % 101;
        push(nums, Task { priority: x, name: format("n{}", i) });
    }
    let out = "";
    while (nums.len() > 0) { out = out + format("{} ", pop_min(nums).unwrap().priority); }
    println("{}", out.trim());
}
