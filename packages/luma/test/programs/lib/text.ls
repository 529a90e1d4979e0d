// Helpers for imports_geometry.ls (not a program of its own): padding and joining.
func pad_right(s: string, width: i64) -> string {
    let out = s;
    while (out.len() < width) { out = out + "."; }
    return out;
}

func join_all(parts: Array<string>, sep: string) -> string {
    let out = "";
    for i in 0..parts.len() {
        if (i > 0) { out = out + sep; }
        out = out + parts[i];
    }
    return out;
}
