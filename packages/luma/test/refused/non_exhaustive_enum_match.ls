// expect-error: E0210
// expect-line: 9
// expect-message: `Command::Stop` is not matched
enum Command { Move(i64, i64), Say(string), Stop }

func run(cmds: Array<Command>) {
    let x = 0; let y = 0;
    for c in cmds {
        match c {
            Command::Move(dx, dy) => { x += dx; y += dy; }
            Command::Say(text) => { println("{}", text); }
        }
    }
    println("at {} {}", x, y);
}

func main() {
    let cmds: Array<Command> = Array::new();
    cmds.push(Command::Move(1, 2));
    run(cmds);
}
