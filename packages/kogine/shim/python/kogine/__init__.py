"""`import kogine` inside a script run by kogine: the same helpers as `kohakuengine`."""

from kohakuengine import Config, ConfigGenerator, capture_globals, entrypoint, use, use_config

__all__ = ["Config", "ConfigGenerator", "capture_globals", "entrypoint", "use", "use_config"]
