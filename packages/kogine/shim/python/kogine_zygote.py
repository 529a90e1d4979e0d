"""A worker slot's Python zygote: a process that has imported kogine's runner (nothing of the user's) and
forks a fresh child per task (see main_zygote). `kogine_main.py zygote` is started by kogine with the
channel to it as fd 3; `kogine_main.py early-zygote` by the `kogine` command before Node, which connects
to it once it needs it (see accept_channel)."""

import collections
import itertools
import json
import os
import sys

import kogine_runner
from kogine_runner import TURN, main_run, take_interrupts

def main_zygote() -> int:
    """A worker slot's task starter. Started once per slot, it has imported kogine's runner (nothing of the
    user's). Tasks arrive on fd 3 as JSON lines (an id, the spec file, the task's environment and working
    directory), possibly while an earlier one runs; they run one at a time in order, each as soon as the one
    before has ended. `{"cancel": id}` drops a task that has not started. Each task goes to a child forked
    ahead of it, which is the task's own process: it sets the environment, runs the task exactly as `run`
    does and ends as interpreter shutdown would (threads joined, atexit handlers run, files flushed). The
    next task goes to its child while the one before still runs: the child gets ready up to the user's
    first code and waits for its turn (see await_turn). A fork costs a millisecond or two where starting
    python3 and importing the runner cost tens (more through a pyenv shim). The zygote reports each task's
    start (the child's pid), exit status or cancellation on fd 3. Each task's process has a stdout and a
    stderr of its own (see TaskOutput), which the zygote ends with a marker once the task has ended."""
    import gc
    import signal

    # Ctrl-C on a terminal reaches the whole process group: the task gets it, the zygote stays to report,
    # and notes it (see hold_after_interrupt).
    interrupted = False

    def note_interrupt(signum, frame):
        nonlocal interrupted
        interrupted = True

    signal.signal(signal.SIGINT, note_interrupt)
    gc.collect()
    gc.freeze()  # keeps the zygote's objects out of the children's collections (and their pages shared)
    channel = TaskChannel()
    while OUTPUT is None and not channel.closed:  # kogine's first line says where tasks' output goes
        channel.read()
    if OUTPUT is None:
        return 0
    # Each task's process is forked ahead, while the task before it runs: it waits for its task on a pipe of
    # its own, so a fork's cost (copying the page tables) is off the tasks' path.
    spare = fork_spare()
    preloaded = False

    ended = []  # tasks that reported their exit status and are being torn down by the kernel: reaped later
    early = None  # the id of the task sent to the spare ahead of its turn

    def report(event):
        os.write(3, (json.dumps(event) + "\n").encode())

    def send_next_early():
        """Gives the spare the next queued task, to get ready with while the running one ends."""
        nonlocal early
        upcoming = channel.upcoming()
        if early is None and spare is not None and upcoming is not None:
            os.write(spare[1], json.dumps({**upcoming, "turn": True}).encode() + b"\n")
            early = upcoming["id"]

    def drop_cancelled(message, running=()):
        """Reports a queued task cancelled, at once: kogine may be waiting to run it in another slot.
        `running`: the zygote's descriptors of the task running meanwhile, which a new spare closes."""
        nonlocal spare, early
        if early == message["id"]:  # its process got ready for nothing: it ends at the pipe's end
            os.close(spare[1])
            os.close(spare[2])
            OUTPUT.close(spare[3])
            ended.append(spare[0])
            spare, early = fork_spare(not_for_it=running), None
        report({"event": "cancelled", "id": message["id"]})

    def on_message_while_running(running):
        nonlocal spare
        for message in [m for m in channel.queue if m["id"] in channel.cancelled]:
            channel.queue.remove(message)
            drop_cancelled(message, running)
        if spare is None and channel.upcoming() is not None:
            spare = fork_spare(not_for_it=running)
        send_next_early()

    try:
        while True:
            if interrupted:
                hold_after_interrupt(channel)
                interrupted = False
            message = channel.next_task()
            if message is None:
                return 0
            task_id = message["id"]
            if task_id in channel.cancelled:
                drop_cancelled(message)
                continue
            if spare is None:
                spare = fork_spare()
            pid, task_pipe, done_pipe, output = spare
            if TASK_GROUPS:
                try:
                    os.setpgid(pid, pid)  # before its first code of the user's: all it starts is in the group
                except OSError:  # the process died waiting: its end is reported as the task's
                    pass
            os.write(task_pipe, TURN if early == task_id else json.dumps(message).encode() + b"\n")
            os.close(task_pipe)
            spare, early = None, None
            report({"event": "started", "id": task_id, "pid": pid, "output": output[0]})
            if not preloaded and channel.upcoming() is not None:
                # Async entrypoints need asyncio (some 30 ms to import): imported once a task has started and
                # another is queued behind it, so that no task waits for it (a one-off run's would, and
                # its end would be reported late), and the later ones have it (frozen like the rest).
                import asyncio  # noqa: F401

                gc.collect()
                gc.freeze()
                preloaded = True
            running = (done_pipe, *output[1:])
            # The next task's process is forked while this one runs only if a next task is known: otherwise
            # (the last task, or a one-off run's) the fork would compete with the task for the CPU, to no
            # use. Measured on `kogine run noop.py`, 2 cores: the task took 25 ms with it, 14 without.
            if channel.upcoming() is not None:
                spare = fork_spare(not_for_it=running)
                send_next_early()
            for earlier in ended:
                os.waitpid(earlier, 0)
            ended.clear()
            code, reaped = await_task_end(pid, done_pipe, channel, lambda: on_message_while_running(running))
            if not reaped:
                end_task_group(pid)
                ended.append(pid)
            OUTPUT.end(output)
            signal_name = signal.Signals(-code).name if code < 0 else None
            report({"event": "exited", "id": task_id, "code": code if code >= 0 else None, "signal": signal_name})
    finally:
        if spare is not None:
            os.close(spare[1])  # the spare reads end of file and exits
            OUTPUT.close(spare[3])
            os.waitpid(spare[0], 0)
        for earlier in ended:
            os.waitpid(earlier, 0)


def accept_channel(parent, path):
    """Makes fd 3 the channel to kogine for a zygote the `kogine` command started before Node (bin/kogine):
    Python's start-up then overlaps Node's instead of following it. It listens on `path`, in a folder the
    command made that only its user can enter, until its parent (the command, process `parent`, which
    became Node) connects; it exits if the parent ends first, removing the folder either way. Like the
    zygotes kogine starts, it leads a session of its own (see process-groups.ts); until then the shell kept
    Ctrl-C from it, as from any command it runs in the background, and SIGQUIT too, which the tasks get
    back."""
    import _socket
    import select
    import signal

    try:
        os.setsid()
    except OSError:  # already a group leader: started otherwise than by bin/kogine
        pass
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)
    listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    connection = None
    try:
        listener.bind(path)
        listener.listen(1)
        while os.getppid() == parent:
            if select.select([listener], [], [], 0.05)[0]:
                connection, _ = listener._accept()
                break
    except OSError:  # cannot listen there: kogine starts a zygote of its own
        pass
    finally:
        listener.close()
        for remove, name in ((os.unlink, path), (os.rmdir, os.path.dirname(path))):
            try:
                remove(name)
            except OSError:  # never made, or removed by kogine
                pass
    if connection is None:
        os._exit(0)
    os.dup2(connection, 3)
    os.close(connection)


def hold_after_interrupt(channel, seconds=2.0):
    """After a Ctrl-C on the terminal, the task that ran has ended, and kogine, which got the Ctrl-C too,
    cancels the tasks still waiting: the next one is not started before that is heard (or the channel ends,
    or `seconds` pass, for a kogine that goes on)."""
    import select
    import time

    deadline = time.monotonic() + seconds
    while not channel.closed and channel.upcoming() is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if select.select([3], [], [], left)[0]:
            channel.read()


class TaskChannel:
    """The zygote's fd 3 as kogine writes it: the first line says where tasks' output goes (TaskOutput),
    then task lines queue up, and cancel lines mark queued tasks."""

    def __init__(self):
        self.queue = collections.deque()
        self.cancelled = set()
        self.pending = b""
        self.closed = False

    def upcoming(self):
        """The task that runs next, if kogine has sent it and not cancelled it."""
        head = self.queue[0] if self.queue else None
        return head if head is not None and head["id"] not in self.cancelled else None

    def next_task(self):
        """The next task to run, or None once kogine has closed the channel and no task is left. Before a
        task is taken, whatever kogine has written meanwhile is read, so a cancellation that came while the
        task before ran is seen."""
        import select

        while not self.queue and not self.closed:
            self.read()
        while not self.closed and select.select([3], [], [], 0)[0]:
            self.read()
        return self.queue.popleft() if self.queue else None

    def read(self):
        chunk = os.read(3, 65536)
        if not chunk:
            self.closed = True
            return
        self.pending += chunk
        *lines, self.pending = self.pending.split(b"\n")
        for line in lines:
            message = json.loads(line)
            if "output" in message:
                global OUTPUT, TASK_GROUPS
                OUTPUT = TaskOutput(message["output"], message["token"])
                TASK_GROUPS = message.get("taskGroups", False)
            elif "cancel" in message:
                self.cancelled.add(message["cancel"])
            else:
                self.queue.append(message)


class TaskOutput:
    """Each task's stdout and stderr: a connection of its own to kogine's socket (`path`) for each, which
    the task's process has as its fd 1 and 2 and passes on to the processes it starts. A connection begins
    with a line naming it (the zygote's token, a number, the stream), and the zygote's `started` report
    says whose task it is; once the task has ended (its output written before its exit status was reported,
    or its process dead), the zygote writes the end marker, `\\0kogine-<token>-e\\0`, and lets the
    connection go. Output of a process the task started that outlives it so stays on the task's own
    connection (after the marker, where kogine drops it) and never reaches another task's logs."""

    def __init__(self, path, token):
        self.path = path
        self.token = token.encode()
        self.numbers = itertools.count()

    def connect(self):
        """(number, stdout fd, stderr fd) of a new task's output."""
        import _socket

        number = next(self.numbers)
        fds = []
        for stream in (b"out", b"err"):
            connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
            connection.connect(self.path)
            connection.sendall(self.token + b" %d " % number + stream + b"\n")
            fds.append(connection.detach())
        return (number, *fds)

    def end(self, output):
        for fd in output[1:]:
            try:
                os.write(fd, b"\0kogine-" + self.token + b"-e\0")
            except OSError:  # kogine is gone
                pass
        self.close(output)

    def close(self, output):
        for fd in output[1:]:
            os.close(fd)


OUTPUT = None
# Whether each task's process leads a process group of its own (kogine's local pool: see process-groups.ts),
# which holds what the task starts; it is ended with the task, as a Slurm job step's processes are.
TASK_GROUPS = False


def end_task_group(pid):
    """Ends what is left of a task's group once the task has ended: the processes it started and left
    running (their output would only be dropped). Called before the task's process is reaped."""
    if not TASK_GROUPS:
        return
    import signal

    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:  # the group is empty
        pass
# The forked task's process and the pipe on which it reports its exit status to the zygote.
TASK_DONE_PIPE = None


def fork_spare(not_for_it=()):
    """A child forked now that runs the task written to its pipe later (or exits when the pipe closes). It
    reports its exit status on a second pipe just before it exits (see finish_forked_task); its stdout and
    stderr are its task's own (see TaskOutput). `not_for_it`: the zygote's descriptors the child closes
    (those of the task running as it is forked)."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    done_read, done_write = os.pipe()
    output = OUTPUT.connect()
    pid = os.fork()
    if pid == 0:
        for fd in (write_end, done_read, *not_for_it):
            os.close(fd)
        os.dup2(output[1], 1)
        os.dup2(output[2], 2)
        OUTPUT.close(output)
        data = b""
        while b"\n" not in data:
            chunk = os.read(read_end, 65536)
            if not chunk:
                os._exit(0)
            data += chunk
        line, _, turn = data.partition(b"\n")
        message = json.loads(line)
        global TASK_DONE_PIPE
        TASK_DONE_PIPE = (os.getpid(), done_write)
        if message.get("turn"):
            kogine_runner.TURN_PIPE = (read_end, turn)
        else:
            os.close(read_end)
        run_forked_task(message)  # never returns
    os.close(read_end)
    os.close(done_write)
    return pid, write_end, done_read, output


def await_task_end(pid, done_pipe, channel, on_message):
    """The task's exit status and whether its process is reaped. A task that ends normally reports the
    status it exits with; what is left of its process then is the kernel tearing it down (a millisecond or
    two), which the next task need not wait for. A process that dies otherwise (a signal, a crash) is
    waited for. The pidfd tells the two apart even when a process the task forked holds the pipe open.
    Meanwhile what kogine sends is read from `channel`, and `on_message` called."""
    import select

    try:
        process_fd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd on this system: wait for the process itself
        process_fd = None
    try:
        report = b""
        while process_fd is not None:
            ready, _, _ = select.select([done_pipe, process_fd] + ([] if channel.closed else [3]), [], [])
            if 3 in ready:
                channel.read()
                on_message()
            if done_pipe in ready:
                chunk = os.read(done_pipe, 64)
                report += chunk
                if report.endswith(b"\n"):
                    return int(report), False
                if chunk:
                    continue
                break  # the pipe closed without a report
            if process_fd in ready:
                break  # the process ended without reporting
        end_task_group(pid)  # while the process is unreaped, its pid (the group's id) cannot be reused
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), True
    finally:
        os.close(done_pipe)
        if process_fd is not None:
            os.close(process_fd)


def run_forked_task(message):
    os.close(3)
    if kogine_runner.TURN_PIPE is None:
        take_interrupts()
    try:
        os.environ.update(message["env"])
        if os.environ.pop("KOGINE_LINE_BUFFERED", None) == "1":
            # Its output is shown on a terminal, where python3 run directly would write each line as it ends.
            sys.stdout.reconfigure(line_buffering=True)
        if message["cwd"] != os.getcwd():
            os.chdir(message["cwd"])
        code = main_run()
    except KeyboardInterrupt:
        # A Ctrl-C kogine passed on as the task began, before main_run took charge of it: the task ends as
        # interrupted (kogine records it so), without a traceback of the runner's frames.
        code = 130
    finish_forked_task(code)


def finish_forked_task(code):
    """Ends the task's process as interpreter shutdown would, less its last step: tearing down every object,
    those inherited from the zygote included, writes to each of their pages and so copies it (some 10 ms a
    task, more than the rest of the task's overhead). What a script can observe of shutdown still happens:
    non-daemon threads are joined, atexit handlers run (logging and multiprocessing register theirs), and
    files left open are flushed."""
    import _io
    import atexit
    import gc
    import threading

    try:
        threading._shutdown()
        atexit._run_exitfuncs()
        for obj in gc.get_objects():
            # The C base class of every file object: much faster to test for than the io.IOBase ABC.
            if isinstance(obj, _io._IOBase):
                try:
                    if not obj.closed:
                        obj.flush()
                except Exception:  # a broken stream: nothing more to save from it
                    pass
        sys.stdout.flush()
        sys.stderr.flush()
        # Not from a process the task forked that returned into this function.
        if TASK_DONE_PIPE is not None and TASK_DONE_PIPE[0] == os.getpid():
            os.write(TASK_DONE_PIPE[1], f"{code}\n".encode())
    finally:
        os._exit(code)


