"""kogine's Python side: loads a config, injects it into a script, finds and calls its entrypoint.

Invoked by the kogine CLI as `python3 kogine_main.py MODE ...`:
  run                  the task described by the JSON file named in $KOGINE_TASK_FILE
  zygote               forks a fresh process per task read from fd 3 (see kogine_zygote.py)
  early-zygote         the same, started by the `kogine` command before Node (see accept_channel)
  enumerate CONFIG     prints every config of CONFIG as JSON (functions shown by repr, for display only)
  inspect SCRIPT       prints the names SCRIPT binds at module level, with their default values' types
Configs never travel through repr(): the task process loads the config itself and picks config i.
"""

import ast
import importlib.util
import inspect
import itertools
import json
import os
import sys
import types

SHIM_DIR = os.path.dirname(os.path.abspath(__file__))
# The frames above a script's own in its tracebacks.
RUNNER_FILES = {__file__, os.path.join(SHIM_DIR, "kogine_main.py")}
if SHIM_DIR not in sys.path:
    sys.path.insert(0, SHIM_DIR)

import kohakuengine  # noqa: E402
from kohakuengine import Config, ConfigGenerator, public_values  # noqa: E402

EXIT_FAILED = 1
EXIT_NO_ENTRYPOINT = 2
CONFIG_KEYS = {"globals", "globals_dict", "args", "kwargs", "metadata"}


class TaskError(Exception):
    """A failure that kogine reports as one paragraph instead of a traceback."""

    def __init__(self, kind: str, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(message)
        self.kind = kind
        self.exit_code = exit_code


# ---- configs --------------------------------------------------------------------------------------

_config_counter = itertools.count()


def execute_config_module(path: str, seeds: dict) -> types.ModuleType:
    """Runs a config file as a fresh module; `prev`, `results` and `worker_id` are visible to it."""
    name = f"kogine_config_{next(_config_counter)}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(seeds)
    sys.modules[name] = module
    config_dir = os.path.dirname(path)
    if config_dir not in sys.path:
        sys.path.insert(1, config_dir)
    spec.loader.exec_module(module)
    return module


def call_with_wanted(fn, available: dict):
    """Calls fn passing only the context values (worker_id, prev, results) its signature asks for."""
    params = inspect.signature(fn).parameters
    takes_any = any(p.kind == p.VAR_KEYWORD for p in params.values())
    return fn(**{k: v for k, v in available.items() if takes_any or k in params})


def to_config(item, where: str) -> Config:
    if isinstance(item, Config):
        return item
    if isinstance(item, dict):
        if item and set(item) <= CONFIG_KEYS and ("globals" in item or "globals_dict" in item):
            return Config.from_dict(item)
        return Config(globals_dict=dict(item))
    raise TaskError("config", f"{where} produced a {type(item).__name__}; expected a Config or a dict")


def expand_sweep(base: dict, sweep: dict, where: str) -> list:
    sweep = dict(sweep)
    mode = sweep.pop("__mode__", "grid")
    for key, values in sweep.items():
        if not isinstance(values, (list, tuple)):
            raise TaskError("config", f"{where}: _sweep[{key!r}] must be a list, got {type(values).__name__}")
    keys = list(sweep)
    if mode == "zip":
        lengths = {k: len(sweep[k]) for k in keys}
        if len(set(lengths.values())) > 1:
            raise TaskError("config", f"{where}: _sweep in zip mode needs lists of equal length, got {lengths}")
        points = zip(*(sweep[k] for k in keys))
    elif mode == "grid":
        points = itertools.product(*(sweep[k] for k in keys))
    else:
        raise TaskError("config", f"{where}: _sweep __mode__ must be 'grid' or 'zip', got {mode!r}")
    return [{**base, **dict(zip(keys, point))} for point in points]


def load_config_list(path: str, context: dict) -> list:
    where = os.path.relpath(path)
    seeds = {k: context.get(k) for k in ("prev", "results", "worker_id")}
    kohakuengine._loading_stack.append(str(os.path.realpath(path)))
    try:
        module = execute_config_module(path, seeds)
    finally:
        kohakuengine._loading_stack.pop()
    if hasattr(module, "config_gen"):
        if not callable(module.config_gen):
            raise TaskError("config", f"{where}: config_gen must be a function")
        produced = call_with_wanted(module.config_gen, seeds)
        if isinstance(produced, (Config, dict)):
            return [to_config(produced, f"{where}: config_gen()")]
        if hasattr(produced, "__iter__"):
            return [to_config(item, f"{where}: config_gen()") for item in produced]
        raise TaskError("config", f"{where}: config_gen() returned {type(produced).__name__}; expected configs")
    if hasattr(module, "CONFIG"):
        return [to_config(module.CONFIG, f"{where}: CONFIG")]
    base = public_values(vars(module), module.__name__)
    points = expand_sweep(base, module._sweep, where) if hasattr(module, "_sweep") else [base]
    return [
        Config(
            globals_dict=point,
            args=list(getattr(module, "_args", [])),
            kwargs=dict(getattr(module, "_kwargs", {})),
            metadata=dict(getattr(module, "_metadata", {})),
        )
        for point in points
    ]


def display(value):
    """A JSON form of a value for `config show` and the run store; code objects become their repr."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else {"$repr": repr(value)}
    if isinstance(value, (list, tuple)):
        return [display(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: display(v) for k, v in value.items()}
    text = repr(value)
    return {"$repr": text if len(text) < 200 else text[:197] + "...", "$type": type_name(value)}


def type_name(value) -> str:
    if inspect.isclass(value):
        return "class"
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return "function"
    return type(value).__name__


def describe_config(config: Config) -> dict:
    return {
        "globals": {k: display(v) for k, v in config.globals_dict.items()},
        "types": {k: type_name(v) for k, v in config.globals_dict.items()},
        "args": display(config.args),
        "kwargs": display(config.kwargs),
        "metadata": display(config.metadata),
    }


# ---- overrides and injection ------------------------------------------------------------------------

TRUE_WORDS = {"true", "1", "yes", "on"}
FALSE_WORDS = {"false", "0", "no", "off"}


def parse_untyped(text: str):
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def is_raw(value) -> bool:
    """A value typed on the command line: {"$raw": text} and, when the text has commas, its "$items"."""
    return isinstance(value, dict) and "$raw" in value and set(value) <= {"$raw", "$items"}


def coerce(name: str, value, default):
    """Turns a command-line string into the type of the script's default (as coerce-value.ts does)."""
    if not is_raw(value):
        return value
    try:
        return coerce_text(value, default)
    except ValueError as error:
        raise TaskError("coerce", f"--set {name}={value['$raw']}: cannot convert to {type(default).__name__} ({error})")


def coerce_text(value, default):
    text = value["$raw"]
    if isinstance(default, bool):
        lowered = text.lower()
        if lowered in TRUE_WORDS | FALSE_WORDS:
            return lowered in TRUE_WORDS
        raise ValueError(f"expected one of {sorted(TRUE_WORDS | FALSE_WORDS)}")
    if isinstance(default, int):
        return int(text)
    if isinstance(default, float):
        return float(text)
    if isinstance(default, str):
        return text
    if isinstance(default, (list, tuple)):
        if text.strip().startswith(("[", "(")):
            parsed = parse_untyped(text)
            if not isinstance(parsed, (list, tuple)):
                raise ValueError("expected a list literal")
        else:  # 1,2,3: item by item, each typed like the default's first item
            items = value.get("$items", [text])
            parsed = [coerce_text({"$raw": item}, default[0]) if default else parse_untyped(item) for item in items]
        return type(default)(parsed)
    if isinstance(default, dict):
        parsed = parse_untyped(text)
        if not isinstance(parsed, dict):
            raise ValueError("expected a dict literal")
        return parsed
    return parse_untyped(text)


def bound_names(tree: ast.Module) -> dict:
    """Module-level names the script binds, mapped to the first statement that binds them."""
    names = {}

    def note(name, node):
        names.setdefault(name, node)

    def visit_block(stmts):
        for stmt in stmts:
            for name in names_bound_by(stmt):
                note(name, stmt)
            for block in nested_blocks(stmt):
                visit_block(block)

    visit_block(tree.body)
    return names


def nested_blocks(stmt):
    if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With)):
        yield stmt.body
        yield getattr(stmt, "orelse", [])
    elif isinstance(stmt, ast.Try):
        yield stmt.body
        for handler in stmt.handlers:
            yield handler.body
        yield stmt.orelse
        yield stmt.finalbody


def target_names(target):
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from target_names(element)
    elif isinstance(target, ast.Starred):
        yield from target_names(target.value)


def names_bound_by(stmt):
    if isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            yield from target_names(target)
    elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        yield from target_names(stmt.target)
    elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield stmt.name
    elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
        for alias in stmt.names:
            yield (alias.asname or alias.name).split(".")[0]
    elif isinstance(stmt, ast.For):
        yield from target_names(stmt.target)
    elif isinstance(stmt, ast.With):
        for item in stmt.items:
            if item.optional_vars is not None:
                yield from target_names(item.optional_vars)


def value_call(name: str, thunk_body: ast.expr) -> ast.expr:
    """`__kogine_value__("name", lambda: <default>)`: the default is only evaluated when a string from the
    command line needs its type."""
    thunk = ast.Lambda(
        args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=thunk_body
    )
    return ast.Call(func=ast.Name("__kogine_value__", ast.Load()), args=[ast.Constant(name), thunk], keywords=[])


class InjectBeforeTopLevelCode(ast.NodeTransformer):
    """Rewrites module-level bindings of overridden names so the override is in place as the script's own
    top-level code runs; values derived from a setting (`steps = epochs * 100`) then see the override."""

    def __init__(self, names):
        self.names = set(names)

    def rewrite_block(self, stmts):
        out = []
        for stmt in stmts:
            simple = isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
            if simple and len(targets) == 1 and isinstance(targets[0], ast.Name) and targets[0].id in self.names:
                stmt.value = value_call(targets[0].id, stmt.value)
                out.append(stmt)
                continue
            for block_name in ("body", "orelse", "finalbody"):
                if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.Try)) and hasattr(stmt, block_name):
                    setattr(stmt, block_name, self.rewrite_block(getattr(stmt, block_name)))
            if isinstance(stmt, ast.Try):
                for handler in stmt.handlers:
                    handler.body = self.rewrite_block(handler.body)
            out.append(stmt)
            for name in sorted(set(names_bound_by(stmt)) & self.names):
                current = ast.Name(name, ast.Load())
                out.append(ast.Assign(targets=[ast.Name(name, ast.Store())], value=value_call(name, current)))
        return out

    def visit_Module(self, node):
        node.body = self.rewrite_block(node.body)
        return node


def suggest(name, candidates) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ---- entrypoint ------------------------------------------------------------------------------------


def is_main_guard(test) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    has_name = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    has_main = any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
    return has_name and has_main


def guard_call_name(tree: ast.Module):
    """The function the `if __name__ == "__main__":` block calls, seen through asyncio.run() and sys.exit()."""
    for stmt in tree.body:
        if isinstance(stmt, ast.If) and is_main_guard(stmt.test):
            for node in ast.walk(ast.Module(body=stmt.body, type_ignores=[])):
                if isinstance(node, ast.Call):
                    inner = node
                    while inner.args and isinstance(inner.args[0], ast.Call) and not isinstance(inner.func, ast.Name):
                        inner = inner.args[0]
                    if isinstance(inner.func, ast.Name) and inner.func.id not in ("exit", "print"):
                        return inner.func.id
                    if isinstance(inner.func, ast.Name) and inner.args and isinstance(inner.args[0], ast.Call):
                        callee = inner.args[0].func
                        if isinstance(callee, ast.Name):
                            return callee.id
    return None


def defined_here(module, value) -> bool:
    return callable(value) and getattr(value, "__module__", None) == module.__name__


def find_entrypoint(module, tree, requested):
    namespace = vars(module)
    if requested:
        fn = namespace.get(requested)
        if not callable(fn):
            raise TaskError("no-entrypoint", f"entrypoint {requested!r} is not a function defined in {module.__file__}", EXIT_NO_ENTRYPOINT)
        return requested, fn
    for name, value in namespace.items():
        if defined_here(module, value) and getattr(value, "__kogine_entrypoint__", False):
            return name, value
    guarded = guard_call_name(tree)
    if guarded and callable(namespace.get(guarded)):
        return guarded, namespace[guarded]
    for name in ("main", "run"):
        if defined_here(module, namespace.get(name)):
            return name, namespace[name]
    raise TaskError(
        "no-entrypoint",
        f"no entrypoint found in {module.__file__}: it has no @kogine.entrypoint function, no call under "
        "`if __name__ == \"__main__\":`, and no function named main or run. Name one with --entrypoint NAME "
        "or SCRIPT:NAME.",
        EXIT_NO_ENTRYPOINT,
    )


def check_arguments(name, fn, args, kwargs, lenient):
    params = inspect.signature(fn).parameters.values()
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return args, kwargs
    accepted = {p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    unknown = [k for k in kwargs if k not in accepted]
    if unknown and not lenient:
        hints = "".join(f"\n  {k}{suggest(k, accepted)}" for k in unknown)
        raise TaskError("bad-arguments", f"{name}() does not accept keyword argument(s) {', '.join(unknown)}:{hints}\n(--lenient drops them)")
    kwargs = {k: v for k, v in kwargs.items() if k in accepted}
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if lenient and not any(p.kind == p.VAR_POSITIONAL for p in params):
        args = args[: len(positional)]
    return args, kwargs


# ---- running a task -----------------------------------------------------------------------------------


def load_script(path, overrides, inject, strict):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    tree = ast.parse(source, filename=path)
    bound = bound_names(tree)
    unknown = [k for k in overrides if k not in bound]
    if strict and unknown:
        lines = "".join(f"\n  {k}{suggest(k, bound)}" for k in unknown)
        raise TaskError("unknown-key", f"--strict: config keys not defined by {path}:{lines}")
    module, package = script_module(path)
    sys.argv = [path]
    resolved = {}

    def kogine_value(key, thunk):
        if key not in resolved:
            raw = overrides[key]
            needs_type = is_raw(raw)
            resolved[key] = coerce(key, raw, thunk() if needs_type and thunk is not None else None)
        return resolved[key]

    if inject == "after":
        code = compile(tree, path, "exec")
        await_turn()
        import_package(package)
        exec(code, module.__dict__)
        for key in overrides:
            module.__dict__[key] = kogine_value(key, lambda key=key: module.__dict__.get(key))
        return module, tree, resolved
    for key in unknown:
        module.__dict__[key] = kogine_value(key, None)
    module.__dict__["__kogine_value__"] = kogine_value
    code = compile(ast.fix_missing_locations(InjectBeforeTopLevelCode(overrides).visit(ast.parse(source, filename=path))), path, "exec")
    await_turn()  # the script's first line is the task's first code
    import_package(package)
    exec(code, module.__dict__)
    return module, tree, resolved


def script_module(path):
    """The module the script runs as, and the package it is in (None for a script outside any package).

    It is named `__mp_main__`, which is what CPython names the main script when it loads it without running
    its main block (in the children of multiprocessing's spawn and forkserver start methods), and that is
    what kogine does with it. So the script's functions and classes are pickled as `__mp_main__.NAME`, and
    resolve in those children, where the script is loaded as `__mp_main__` too: `sys.modules["__main__"]`
    (see main_alias) leads multiprocessing to load kogine_mp_main.py there, which loads the script as this
    process did, the task's config injected, so a worker function reads the task's settings.

    A script inside a package (its folder, and each above it, has an `__init__.py`) runs as
    `python3 -m pkg.module` runs it: `__spec__` and `__package__` name it, the folder above the package is
    first on sys.path, the package is imported before it, and relative imports work."""
    parts = [os.path.splitext(os.path.basename(path))[0]]
    root = os.path.dirname(path)
    while os.path.isfile(os.path.join(root, "__init__.py")):
        parts.insert(0, os.path.basename(root))
        root = os.path.dirname(root)
    module = types.ModuleType("__mp_main__")
    module.__file__ = path
    module.__builtins__ = __builtins__
    package = None
    if len(parts) > 1:
        package = ".".join(parts[:-1])
        module.__spec__ = importlib.util.spec_from_file_location(".".join(parts), path)
        module.__loader__ = module.__spec__.loader
        module.__package__ = package
    sys.modules["__main__"] = main_alias(module)
    sys.modules["__mp_main__"] = module
    sys.path.insert(0, root)
    return module, package


def main_alias(module):
    """`sys.modules["__main__"]` for the task's script: its `__file__` is the script's and its attributes
    are the script module's, but its `__spec__` names kogine_mp_main, which multiprocessing's spawn and
    forkserver children therefore load as their main module (`python3 -m` style) instead of the script
    itself (which they would load with its own defaults, the task's config not injected)."""
    import importlib.machinery

    alias = types.ModuleType("__main__")
    alias.__file__ = module.__file__
    alias.__spec__ = importlib.machinery.ModuleSpec("kogine_mp_main", None)
    alias.__getattr__ = lambda name: getattr(module, name)
    return alias


def load_task_script():
    """The task's script as its process loads it (config injected), for a child multiprocessing started
    with spawn or forkserver (see kogine_mp_main.py): nothing of it runs but the script's top level."""
    with open(os.environ["KOGINE_TASK_FILE"], encoding="utf-8") as handle:
        spec = json.load(handle)
    _, overrides = task_settings(spec)
    module, _, _ = load_script(spec["script"], overrides, spec.get("inject", "before"), False)
    return module


def import_package(package):
    """Imports the script's package (its `__init__.py` runs first, as under `python3 -m`)."""
    if package is not None:
        importlib.import_module(package)


def config_for_task(spec, context):
    source = spec.get("config")
    if not source:
        return Config()
    if source["kind"] == "values":
        return Config.from_dict(source["values"])
    await_turn()  # a config module's code is the task's
    configs = load_config_list(source["path"], context)
    index = source["index"]
    if index >= len(configs):
        raise TaskError("config", f"{source['path']} now yields {len(configs)} configs; task wanted config {index}")
    return configs[index]


def task_settings(spec):
    """The task's config, and the values injected into its script."""
    context = {**spec.get("context", {}), "worker_id": int(os.environ.get("KOGINE_WORKER_ID", "0"))}
    config = config_for_task(spec, context)
    return config, {**config.globals_dict, **spec.get("overrides", {})}


def run_task(spec) -> dict:
    config, overrides = task_settings(spec)
    module, tree, resolved = load_script(spec["script"], overrides, spec.get("inject", "before"), spec.get("strict", False))
    name, fn = find_entrypoint(module, tree, spec.get("entrypoint"))
    args, kwargs = check_arguments(name, fn, list(config.args), dict(config.kwargs), spec.get("lenient", False))
    applied = Config(globals_dict={**overrides, **resolved}, args=args, kwargs=kwargs, metadata=config.metadata)
    value = fn(*args, **kwargs)
    if inspect.isawaitable(value):
        import asyncio

        value = asyncio.run(value) if inspect.iscoroutine(value) else asyncio.run(await_any(value))
    value = storable(value, "result", name)
    return {"ok": True, "value": value, "entrypoint": name, "config": describe_config(applied)}


def storable(value, path, entrypoint, open_containers=()):
    """The return value as the run store keeps it: JSON, NaN and infinities included (written as Python's
    json writes them), lists for tuples, and the repr of anything else (a set, an object, a container that
    holds itself, a dict key that is no string or number), with a warning on stderr naming where in the
    value it was."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, dict)) and not any(value is c for c in open_containers):
        inner = (*open_containers, value)
        if isinstance(value, dict):
            return {
                storable_key(k, f"{path}[{k!r}]", entrypoint): storable(v, f"{path}[{k!r}]", entrypoint, inner)
                for k, v in value.items()
            }
        return [storable(v, f"{path}[{i}]", entrypoint, inner) for i, v in enumerate(value)]
    return stored_as_repr(value, path, entrypoint, "")


def storable_key(key, path, entrypoint) -> str:
    """A dict key as JSON has it: a string; numbers, booleans and None as json.dumps writes them."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, (bool, int, float)):
        return json.dumps(key)
    return stored_as_repr(key, path, entrypoint, " key")


def stored_as_repr(value, path, entrypoint, what) -> str:
    text = repr(value)
    print(
        f"kogine: warning: the return value of {entrypoint}() has a {type(value).__name__}{what} at {path}, which "
        f"JSON cannot hold: stored as its repr, {abbreviated(text)}",
        file=sys.stderr,
    )
    return text


def abbreviated(text, length=80) -> str:
    return text if len(text) <= length else text[: length - 3] + "..."


async def await_any(awaitable):
    return await awaitable


def script_traceback(error) -> str:
    """The traceback from the script's own frames on: the runner's frames above them are noise."""
    import traceback  # only for a failure: some 2 ms of every zygote's start-up otherwise

    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename in RUNNER_FILES and tb.tb_next is not None:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def write_result(path, outcome):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(outcome, handle)


def main_run() -> int:
    with open(os.environ["KOGINE_TASK_FILE"], encoding="utf-8") as handle:
        spec = json.load(handle)
    try:
        outcome = run_task(spec)
    except TaskError as error:
        await_turn()  # a task that failed before its turn reports it on its turn (and so below)
        print(f"kogine: {error}", file=sys.stderr)
        write_result(spec["resultFile"], {"ok": False, "kind": error.kind, "message": str(error)})
        return error.exit_code
    except SyntaxError as error:
        await_turn()
        message = f"syntax error in {error.filename} line {error.lineno}: {error.msg}"
        print(f"kogine: {message}", file=sys.stderr)
        write_result(spec["resultFile"], {"ok": False, "kind": "syntax", "message": message})
        return EXIT_FAILED
    except BaseException as error:  # the script's own failure, SystemExit and KeyboardInterrupt included
        if isinstance(error, KeyboardInterrupt):
            # Interrupted already: a second SIGINT (a terminal's Ctrl-C reaches the task and kogine,
            # which passes it on) must not cut the recording of the first short.
            import signal

            signal.signal(signal.SIGINT, signal.SIG_IGN)
        await_turn()
        if isinstance(error, SystemExit) and error.code in (0, None):
            write_result(spec["resultFile"], {"ok": True, "value": None, "entrypoint": None})
            return 0
        text = script_traceback(error)
        sys.stderr.write(text)
        summary = f"{type(error).__name__}: {error}"
        write_result(spec["resultFile"], {"ok": False, "kind": "exception", "message": summary, "traceback": text})
        return 130 if isinstance(error, KeyboardInterrupt) else EXIT_FAILED
    sys.stdout.flush()
    write_result(spec["resultFile"], outcome)
    return 0


# For a task sent ahead of its turn: the pipe on which its turn comes (the TURN byte), and what of it came.
TURN_PIPE = None
TURN = b"g"


def await_turn():
    """Blocks until the task's turn comes, for a task sent while the one before it in its slot still ran: it
    gets as far as it can without running code of the user's (its spec, its config's values, its script
    parsed and compiled), then waits here. A task cancelled before its turn never runs: its process ends."""
    global TURN_PIPE
    if TURN_PIPE is None:
        return
    fd, turn = TURN_PIPE
    TURN_PIPE = None
    turn = turn or os.read(fd, 1)
    os.close(fd)
    if turn != TURN:
        os._exit(0)
    take_interrupts()


def take_interrupts():
    """Ctrl-C on a terminal reaches the whole process group. A task's process takes it as Python does
    (KeyboardInterrupt) once the task runs; until then, like the zygote, it ignores it: the Ctrl-C is the
    running task's, and kogine cancels the tasks still waiting."""
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)


def main_enumerate(path) -> int:
    context = json.loads(os.environ.get("KOGINE_CONTEXT", "{}"))
    context.setdefault("worker_id", 0)
    try:
        configs = load_config_list(path, context)
    except TaskError as error:
        print(json.dumps({"ok": False, "message": str(error)}))
        return 0
    except SyntaxError as error:
        print(json.dumps({"ok": False, "message": f"syntax error in {error.filename} line {error.lineno}: {error.msg}"}))
        return 0
    except Exception as error:
        import traceback

        frames = traceback.extract_tb(error.__traceback__)
        where = next((f for f in reversed(frames) if not f.filename.startswith(SHIM_DIR)), frames[-1])
        message = f"{type(error).__name__}: {error} (at {where.filename} line {where.lineno})"
        print(json.dumps({"ok": False, "message": message}))
        return 0
    print(json.dumps({"ok": True, "configs": [describe_config(c) for c in configs]}))
    return 0


def main_inspect(path) -> int:
    with open(path, encoding="utf-8") as handle:
        try:
            tree = ast.parse(handle.read(), filename=path)
        except SyntaxError as error:
            print(json.dumps({"ok": False, "message": f"syntax error in {error.filename} line {error.lineno}: {error.msg}"}))
            return 0
    names = {}
    for name, stmt in bound_names(tree).items():
        kind = "binding"
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            try:
                kind = type(ast.literal_eval(stmt.value)).__name__
            except (ValueError, SyntaxError, TypeError):
                kind = "expression"
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            kind = "function"
        elif isinstance(stmt, ast.ClassDef):
            kind = "class"
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            kind = "module"
        names[name] = kind
    print(json.dumps({"ok": True, "names": names}))
    return 0


def main(argv) -> int:
    mode = argv[0] if argv else ""
    if mode == "run":
        return main_run()
    if mode in ("zygote", "early-zygote"):
        import kogine_zygote

        if mode == "early-zygote":
            parent, path = os.environ.pop("KOGINE_EARLY_ZYGOTE").split(" ", 1)
            kogine_zygote.accept_channel(int(parent), path)
        code = kogine_zygote.main_zygote()
        # Its tasks' processes are reaped, and nothing of the user's ran here: the interpreter's teardown
        # (some 10-20 ms, which a one-off run waits for) has nothing to do that matters.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if mode == "enumerate" and len(argv) == 2:
        return main_enumerate(os.path.abspath(argv[1]))
    if mode == "inspect" and len(argv) == 2:
        return main_inspect(os.path.abspath(argv[1]))
    print("usage: kogine_main.py run|zygote|early-zygote|enumerate CONFIG|inspect SCRIPT", file=sys.stderr)
    return EXIT_FAILED
