// A state machine: plain enum states and payload-carrying events, transitions by a match on the
// event inside a match on the state, a timer counted per state in a Map, and a trace of the run.
enum Light { Red, Green, Yellow, Flashing }
enum Event { Tick(i64), Fault, Reset, Emergency(string) }

func name(l: Light) -> string {
    match l {
        Light::Red => { return "red"; }
        Light::Green => { return "green"; }
        Light::Yellow => { return "yellow"; }
        Light::Flashing => { return "flashing"; }
    }
}

func duration(l: Light) -> i64 {
    match l {
        Light::Red => { return 30; }
        Light::Green => { return 25; }
        Light::Yellow => { return 5; }
        Light::Flashing => { return 0; }
    }
}

func step(l: Light, elapsed: i64, e: Event) -> Light {
    match e {
        Event::Fault => { return Light::Flashing; }
        Event::Reset => { return Light::Red; }
        Event::Emergency(_) => {
            match l {
                Light::Flashing => { return Light::Flashing; }
                _ => { return Light::Red; }
            }
        }
        Event::Tick(_) => {
            if (elapsed < duration(l)) { return l; }
            match l {
                Light::Red => { return Light::Green; }
                Light::Green => { return Light::Yellow; }
                Light::Yellow => { return Light::Red; }
                Light::Flashing => { return Light::Flashing; }
            }
        }
    }
}

func main() {
    let events: Array<Event> = Array::new();
    for _ in 0..14 { events.push(Event::Tick(5)); }
    events.push(Event::Emergency("ambulance"));
    for _ in 0..3 { events.push(Event::Tick(10)); }
    events.push(Event::Fault);
    events.push(Event::Tick(5));
    events.push(Event::Reset);
    events.push(Event::Tick(30));
    let light = Light::Red;
    let elapsed = 0;
    let time_in: Map<string, i64> = Map::new();
    let clock = 0;
    for e in events {
        match e {
            Event::Tick(dt) => {
                elapsed += dt;
                clock += dt;
                time_in[name(light)] = time_in.get(name(light)).unwrap_or(0) + dt;
            }
            Event::Emergency(who) => { println("t={}: emergency for {}", clock, who); }
            _ => {}
        }
        let next = step(light, elapsed, e);
        if (next != light) {
            println("t={}: {} -> {}", clock, name(light), name(next));
            light = next;
            elapsed = 0;
        }
    }
    for (state, t) in time_in { println("{:<9}{:>4}s", state, t); }
}
