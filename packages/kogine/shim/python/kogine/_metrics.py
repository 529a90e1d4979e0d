"""`kogine.log` and `kogine.should_stop`: a task's metrics stream and its early-stop request.

kogine tells a task where its metrics file and stop file are through KOGINE_METRICS_FILE and
KOGINE_STOP_FILE. Outside kogine neither is set: `log` returns at once and `should_stop` is False, so a
script runs unchanged under plain `python3`. Under kogine, `log` appends one line to a buffer in memory;
a daemon thread writes the buffer out every second, and so do interpreter exit, a KeyboardInterrupt that
ends the script (the exit that follows) and SIGTERM (when the script has no handler of its own).
"""

import json
import math
import os
import threading
import time

FLUSH_INTERVAL_S = 1.0
STOP_CHECK_INTERVAL_S = 0.1
RESERVED = ("step", "time")

_lock = threading.Lock()
# This process's stream, set up by the first `log` call: None before it, False outside kogine.
_state = None


class _Stream:
    def __init__(self, path):
        self.path = path
        self.pending = []
        self.next_step = 0
        self.pid = os.getpid()
        self.wake = threading.Event()
        thread = threading.Thread(target=self._flush_every_interval, name="kogine-metrics", daemon=True)
        thread.start()
        import atexit

        atexit.register(self.flush)
        _flush_on_sigterm(self.flush)

    def _flush_every_interval(self):
        while True:
            self.wake.wait(FLUSH_INTERVAL_S)
            self.flush()

    def flush(self):
        with _lock:
            if not self.pending or self.pid != os.getpid():
                return
            text = "".join(self.pending)
            self.pending.clear()
        # One write of whole lines: a reader sees a line complete or not yet (it stops before a partial one).
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(text)


def _flush_on_sigterm(flush):
    """SIGTERM ends a process without atexit; flush first, then end by the signal as the default would."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return  # the script's own handler decides how it ends (and its exit flushes)

    def on_sigterm(signum, frame):
        flush()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_sigterm)


def _stream():
    global _state
    path = os.environ.get("KOGINE_METRICS_FILE")
    _state = _Stream(path) if path else False
    return _state


def log(metrics=None, /, *, step=None, **values):
    """Records metric values for this task, e.g. `kogine.log(step=3, loss=0.25, acc=0.9)` or
    `kogine.log({"loss": 0.25}, step=3)`. `step` defaults to one more than the last step logged (0 first)."""
    stream = _state
    if stream is False:
        return
    if stream is None or stream.pid != os.getpid():  # a forked child logs into a stream of its own
        stream = _stream()
        if stream is False:
            return
    if metrics is not None:
        if not isinstance(metrics, dict):
            raise TypeError(f"kogine.log: metrics must be a dict of names to numbers, got {type(metrics).__name__}")
        values = {**metrics, **values}
    line = {"step": _step(step, stream), "time": time.time()}
    for name, value in values.items():
        if name in RESERVED:
            raise ValueError(f"kogine.log: {name!r} is reserved; pass the step as step=..., and do not log 'time'")
        line[str(name)] = _number(name, value)
    stream.next_step = line["step"] + 1
    # Python's json writes NaN and infinities as the bare tokens kogine reads back.
    text = json.dumps(line, allow_nan=True) + "\n"
    with _lock:
        stream.pending.append(text)


def _step(step, stream):
    if step is None:
        return stream.next_step
    if isinstance(step, bool) or not hasattr(step, "__index__"):
        raise TypeError(f"kogine.log: step must be a whole number, got {type(step).__name__} {step!r}")
    return step.__index__()


def _number(name, value):
    if isinstance(value, bool) or isinstance(value, (str, bytes)):
        raise TypeError(f"kogine.log: metric {name!r} must be a number, got {type(value).__name__} {value!r}")
    if type(value) is int:
        return value
    try:
        number = float(value)  # numpy scalars, torch 0-d tensors and anything else with __float__
    except (TypeError, ValueError) as error:
        raise TypeError(f"kogine.log: metric {name!r} must be a number, got {type(value).__name__} ({error})") from None
    return number


_stop_checked_at = -math.inf
_stop_requested = False


def should_stop():
    """True once kogine has asked this task to stop early (a search pruning it). Cheap to call every step:
    it looks at the stop file at most every 100 ms. Always False outside kogine."""
    global _stop_checked_at, _stop_requested
    if _stop_requested:
        return True
    path = os.environ.get("KOGINE_STOP_FILE")
    if not path:
        return False
    now = time.monotonic()
    if now - _stop_checked_at < STOP_CHECK_INTERVAL_S:
        return False
    _stop_checked_at = now
    _stop_requested = os.path.exists(path)
    return _stop_requested


def _reset_after_fork():
    # The flush thread may have held the lock at the fork; the child's stream starts afresh (see _stream).
    global _lock, _state
    _lock = threading.Lock()
    _state = None


os.register_at_fork(after_in_child=_reset_after_fork)
