// expect-error: E0223
// expect-line: 4
// expect-message: found the built-in type `string`
impl string {
    func shout(self) -> string {
        return self.to_upper() + "!";
    }
}

func main() {
    println("{}", "hello".shout());
}
