// expect-error: E0220
// expect-line: 10
// expect-message: compared with `<`
struct Player { name: string, score: i64 }

func main() {
    let players: Array<Player> = Array::new();
    players.push(Player { name: "zed", score: 10 });
    players.push(Player { name: "amy", score: 30 });
    players.sort();
    for p in players { println("{} {}", p.name, p.score); }
}
