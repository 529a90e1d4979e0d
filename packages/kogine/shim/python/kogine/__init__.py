"""`import kogine` inside a script run by kogine: the same helpers as `kohakuengine`, plus the metrics
stream (`log`) and the early-stop request (`should_stop`), both harmless outside kogine."""

from kohakuengine import Config, ConfigGenerator, capture_globals, entrypoint, use, use_config

from ._metrics import log, should_stop

__all__ = ["Config", "ConfigGenerator", "capture_globals", "entrypoint", "log", "should_stop", "use", "use_config"]
