"""The `kohakuengine` module that scripts and configs written for KohakuEngine import.

kogine ships this file instead of requiring `pip install kohakuengine`: the runner puts its folder on
sys.path, so `from kohakuengine import Config, use_config, use, entrypoint` works unchanged.
"""

import inspect
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["Config", "ConfigGenerator", "use", "use_config", "entrypoint", "capture_globals", "Use"]


class Use:
    """Marks a function or class so that bare-module configs include it as a value."""

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        return f"use({self.value!r})"


def use(value: Any) -> Use:
    return Use(value)


def entrypoint(fn):
    """Marks the function kogine calls, ahead of the main guard and `main`."""
    fn.__kogine_entrypoint__ = True
    return fn


@dataclass
class Config:
    globals_dict: dict = field(default_factory=dict)
    args: list = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, kind in (("globals_dict", dict), ("args", (list, tuple)), ("kwargs", dict), ("metadata", dict)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                raise TypeError(f"Config.{name} must be a {getattr(kind, '__name__', 'list')}, got {type(value).__name__}")
        self.args = list(self.args)

    @classmethod
    def from_dict(cls, data: dict) -> "Config":
        return cls(
            globals_dict=dict(data.get("globals", data.get("globals_dict", {}))),
            args=list(data.get("args", [])),
            kwargs=dict(data.get("kwargs", {})),
            metadata=dict(data.get("metadata", {})),
        )

    @classmethod
    def from_file(cls, config_path, worker_id=None):
        from kogine_runner import load_config_list

        configs = load_config_list(str(config_path), {"worker_id": worker_id or 0})
        return configs[0] if len(configs) == 1 else ConfigGenerator(iter(configs))

    @classmethod
    def from_context(cls, context: "CaptureGlobals") -> "Config":
        return cls(globals_dict=dict(context.captured))

    @classmethod
    def from_globals(cls) -> "Config":
        frame = inspect.currentframe().f_back
        return cls(globals_dict=public_values(frame.f_globals, frame.f_globals.get("__name__")))


class ConfigGenerator:
    """Wraps an iterator of configs; counts what it has yielded."""

    def __init__(self, iterator):
        self._iterator = iter(iterator)
        self.count = 0
        self.exhausted = False

    def __iter__(self):
        return self

    def __next__(self) -> Config:
        try:
            value = next(self._iterator)
        except StopIteration:
            self.exhausted = True
            raise
        self.count += 1
        return value


class CaptureGlobals:
    def __init__(self):
        self.captured: dict = {}

    def __enter__(self):
        frame = inspect.currentframe().f_back
        self._globals = frame.f_globals
        self._before = set(frame.f_globals)
        return self

    def __exit__(self, *exc):
        for name in set(self._globals) - self._before:
            self.captured[name] = self._globals[name]
        return False


def capture_globals() -> CaptureGlobals:
    return CaptureGlobals()


RESERVED_CONFIG_NAMES = {"prev", "results", "worker_id"}


def public_values(namespace: dict, module_name) -> dict:
    """The variables of a bare-module config: public names, no modules, and only functions and classes
    the config itself defines (imported ones need `use()`)."""
    values = {}
    for name, value in namespace.items():
        if name.startswith("_") or name in RESERVED_CONFIG_NAMES or isinstance(value, ModuleType):
            continue
        if isinstance(value, Use):
            values[name] = value.value
            continue
        if callable(value) and getattr(value, "__module__", None) != module_name:
            continue
        values[name] = value
    return values


_loading_stack: list = []


def use_config(path: str) -> dict:
    """Layers a base config under the calling one: the base's variables (and `_sweep`, `_args`, `_kwargs`,
    `_metadata`) become the caller's, and the caller's own later assignments override them."""
    from kogine_runner import execute_config_module

    caller = inspect.currentframe().f_back.f_globals
    base_dir = os.path.dirname(caller.get("__file__") or os.getcwd())
    target = os.path.realpath(Path(base_dir, path))
    if target in _loading_stack:
        chain = " -> ".join(_loading_stack + [target])
        raise ImportError(f"use_config cycle: {chain}")
    if not os.path.exists(target):
        raise FileNotFoundError(f"use_config: base config not found: {target}")
    _loading_stack.append(target)
    try:
        module = execute_config_module(target, {k: caller[k] for k in RESERVED_CONFIG_NAMES if k in caller})
    finally:
        _loading_stack.pop()
    inherited = public_values(vars(module), module.__name__)
    for special in ("_sweep", "_args", "_kwargs", "_metadata"):
        if hasattr(module, special):
            inherited[special] = getattr(module, special)
    caller.update(inherited)
    return inherited
