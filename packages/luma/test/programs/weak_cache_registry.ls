// A resource cache of Map<string, weak<Texture>>: a texture is loaded once while some scene holds
// it and loaded again after every holder let go; the cache itself never keeps one alive.
struct Texture { name: string, size: i64, users: i64 }
struct Cache { entries: Map<string, weak<Texture>>, loads: i64, hits: i64 }

func load(cache: rc<Cache>, name: string) -> rc<Texture> {
    if (cache.entries.contains_key(name)) {
        match cache.entries[name].upgrade() {
            Some(t) => {
                cache.hits += 1;
                t.users += 1;
                return t;
            }
            None => {}
        }
    }
    cache.loads += 1;
    let t = rc::new(Texture { name: name, size: name.len() * 1024, users: 1 });
    cache.entries[name] = weak::new(&t);
    return t;
}

func live_report(cache: rc<Cache>) -> string {
    let out = "";
    for (name, w) in cache.entries {
        match w.upgrade() {
            Some(t) => { out = out + format(" {}:{}", name, t.users); }
            None => { out = out + format(" {}:-", name); }
        }
    }
    return out;
}

func build_scene(cache: rc<Cache>, names: Array<string>) -> Array<rc<Texture>> {
    let scene: Array<rc<Texture>> = Array::new();
    for n in names { scene.push(load(cache, n)); }
    return scene;
}

func main() {
    let cache = rc::new(Cache { entries: Map::new(), loads: 0, hits: 0 });
    let forest = build_scene(cache, "grass bark leaf grass sky".split(" "));
    println("forest: loads {} hits {} |{}", cache.loads, cache.hits, live_report(cache));
    let city = build_scene(cache, "brick sky glass brick".split(" "));
    println("city: loads {} hits {} |{}", cache.loads, cache.hits, live_report(cache));
    let memory = 0;
    for t in forest { memory += t.size; }
    println("forest holds {} textures, {} bytes", forest.len(), memory);
    forest = Array::new();
    println("forest dropped |{}", live_report(cache));
    let again = build_scene(cache, "leaf sky".split(" "));
    println("reload: loads {} hits {} |{}", cache.loads, cache.hits, live_report(cache));
    city.pop();
    city.remove(0);
    println("city trimmed to {} |{}", city.len(), live_report(cache));
    println("first again {} size {}", again[0].name, again[0].size);
}
