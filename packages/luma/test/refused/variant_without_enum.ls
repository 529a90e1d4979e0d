// expect-error: E0114
// expect-line: 8
// expect-message: the variant `Red` must be named with its enum
enum Light { Red, Yellow, Green }

func next(l: Light) -> Light {
    match l {
        Red => { return Light::Green; }
        Light::Green => { return Light::Yellow; }
        Light::Yellow => { return Light::Red; }
    }
}

func main() {
    let l = next(Light::Red);
}
