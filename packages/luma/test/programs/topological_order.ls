// Kahn's topological sort of build steps named by strings: a Map from each step to the steps that
// wait for it, in-degrees in a Map, a ready list kept sorted, and a cycle detected in a second graph.
func topo(deps: Array<string>) -> Result<Array<string>, string> {
    let users: Map<string, Array<string>> = Map::new();
    let indegree: Map<string, i64> = Map::new();
    for d in deps {
        let parts = d.split("<");
        let step = parts[0].trim();
        let needs = parts[1].trim();
        if (!indegree.contains_key(step)) { indegree[step] = 0; }
        if (!indegree.contains_key(needs)) { indegree[needs] = 0; }
        indegree[step] = indegree[step] + 1;
        if (!users.contains_key(needs)) {
            let none: Array<string> = Array::new();
            users.insert(needs, none);
        }
        users[needs].push(step);
    }
    let ready: Array<string> = Array::new();
    for (name, n) in indegree { if (n == 0) { ready.push(name); } }
    let order: Array<string> = Array::new();
    while (ready.len() > 0) {
        ready.sort();
        let next = ready.remove(0);
        order.push(next);
        match users.get(next) {
            Some(list) => {
                for u in list {
                    indegree[u] = indegree[u] - 1;
                    if (indegree[u] == 0) { ready.push(u); }
                }
            }
            None => {}
        }
    }
    if (order.len() < indegree.len()) {
        return Err(format("cycle among {} of {} steps", indegree.len() - order.len(), indegree.len()));
    }
    return Ok(order);
}

func show(deps: Array<string>) {
    match topo(deps) {
        Ok(order) => {
            let line = "";
            for i in 0..order.len() {
                if (i > 0) { line = line + ", "; }
                line = line + order[i];
            }
            println("order: {}", line);
        }
        Err(e) => { println("error: {}", e); }
    }
}

func main() {
    let build = "link < compile;compile < parse;parse < lex;test < link;package < link;package < docs;docs < parse;lex < fetch";
    show(build.split(";"));
    let cyclic = "a < b;b < c;c < a;d < a;e < f";
    show(cyclic.split(";"));
}
