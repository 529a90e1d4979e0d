// A directory tree: children owned through Array<rc<Dir>>, the parent held as a weak<Dir>. Moving
// a subtree re-points its parent, paths and sizes follow, and deleting a directory frees its whole
// subtree (a weak handle to a file inside it then upgrades to None).
struct Dir { name: string, size: i64, parent: Option<weak<Dir>>, children: Array<rc<Dir>> }

func mkdir(parent: rc<Dir>, name: string, size: i64) -> rc<Dir> {
    let d = rc::new(Dir { name: name, size: size, parent: Some(weak::new(&parent)), children: Array::new() });
    parent.children.push(d.clone());
    return d;
}

func path(d: rc<Dir>) -> string {
    match d.parent {
        Some(w) => {
            match w.upgrade() {
                Some(p) => { return path(p) + "/" + d.name; }
                None => { return "?/" + d.name; }
            }
        }
        None => { return ""; }
    }
}

func total(d: rc<Dir>) -> i64 {
    let t = d.size;
    for c in d.children { t += total(c); }
    return t;
}

func detach(d: rc<Dir>) {
    match d.parent {
        Some(w) => {
            let p = w.upgrade().unwrap();
            let kept: Array<rc<Dir>> = Array::new();
            for c in p.children { if (c.name != d.name) { kept.push(c); } }
            p.children = kept;
        }
        None => {}
    }
    d.parent = None;
}

func move_to(d: rc<Dir>, target: rc<Dir>) {
    detach(d);
    d.parent = Some(weak::new(&target));
    target.children.push(d);
}

func listing(d: rc<Dir>, depth: i64) {
    let indent = "";
    for _ in 0..depth { indent = indent + "  "; }
    println("{}{} ({})", indent, d.name, total(d));
    for c in d.children { listing(c, depth + 1); }
}

func weak_of(d: rc<Dir>) -> weak<Dir> {
    return weak::new(&d);
}

func main() {
    let root = rc::new(Dir { name: "", size: 0, parent: None, children: Array::new() });
    let home = mkdir(root, "home", 0);
    let ana = mkdir(home, "ana", 4);
    let docs = mkdir(ana, "docs", 120);
    let photos = mkdir(ana, "photos", 900);
    let tmp = mkdir(root, "tmp", 10);
    mkdir(tmp, "cache", 300);
    let thumb = weak_of(mkdir(tmp.children[0], "thumbs", 50));
    mkdir(docs, "drafts", 30);
    listing(root, 0);
    println("{} | {}", path(photos), path(thumb.upgrade().unwrap()));
    move_to(tmp.children[0], photos);
    println("moved: {} total home {} tmp {}", path(thumb.upgrade().unwrap()), total(home), total(tmp));
    let bo = mkdir(home, "bo", 7);
    move_to(docs, bo);
    println("docs now at {} ana {} bo {}", path(docs.children[0]), total(ana), total(bo));
    detach(photos);
    photos = rc::new(Dir { name: "photos", size: 1, parent: None, children: Array::new() });
    println("thumbs alive after delete: {}", thumb.upgrade().is_some());
    listing(root, 0);
    println("tmp parent is root: {}", path(tmp) == "/tmp");
}
