#!/usr/bin/env python
"""Run the demo site's web server and its django-q2 worker together (``make demo``).

Ctrl-C or SIGTERM stops both; if either stops by itself (say, port 8000 is taken), the other is
stopped too. Each child runs in its own session, so the terminal's Ctrl-C reaches only this launcher.
It sends SIGTERM to each child's main process only, which shuts down what it started itself (runserver
its autoreloaded server, qcluster its workers; signalling qcluster's workers directly makes it hang),
and after a grace period SIGKILLs whatever is left in the child's process group.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ADDRESS = "127.0.0.1:8000"
MANAGE = str(Path(__file__).resolve().parent / "manage.py")
COMMANDS = [
    [sys.executable, MANAGE, "runserver", ADDRESS],
    [sys.executable, MANAGE, "qcluster"],
]
GRACE_SECONDS = 15  # qcluster needs about 7 s to stop its workers


def signal_group(process, signum):
    try:
        os.killpg(process.pid, signum)  # start_new_session=True: the group id is the child's pid
    except ProcessLookupError:
        pass  # the whole group has already exited


def exited(process) -> bool:
    """Whether ``process`` has exited, without reaping it: until ``wait()`` its id, and so its group's
    id, cannot be given to another process (a SIGKILL to a reused group id would hit a stranger)."""
    if process.returncode is not None:
        return True
    try:
        return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def stop(children):
    """SIGTERM every child, wait a little for a clean exit, then SIGKILL whatever is left."""
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + GRACE_SECONDS
    try:
        while not all(exited(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.1)
    except KeyboardInterrupt:
        pass  # a second Ctrl-C: no more waiting
    for child in children:
        if child.returncode is None:  # not reaped yet: the group id is still this child's
            signal_group(child, signal.SIGKILL)  # stragglers, e.g. a worker its parent did not reap
        child.wait()


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def main():
    # SIGTERM (e.g. `make` being terminated) shuts down exactly like Ctrl-C. SIGINT is set explicitly
    # because a shell without job control starts background commands with SIGINT ignored.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    signal.signal(signal.SIGINT, _raise_keyboard_interrupt)
    print(
        f"\nDemo site:   http://{ADDRESS}/\n"
        f"Admin:       http://{ADDRESS}/admin/  (log in with the 'Admin login' printed above)\n"
        "Press Ctrl-C to stop the web server and the worker.\n",
        flush=True,
    )
    children = []
    status = 0
    try:
        for command in COMMANDS:
            # stdin from /dev/null: runserver's autoreloader would otherwise fiddle with the terminal.
            children.append(subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True))
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        exited = next(child for child in children if child.poll() is not None)
        print(f"\n{' '.join(exited.args[2:])} exited with status {exited.returncode}; stopping.", flush=True)
        status = exited.returncode or 1
    except KeyboardInterrupt:
        print("\nStopping the web server and the worker ...", flush=True)
    finally:
        stop(children)
    return status


if __name__ == "__main__":
    sys.exit(main())
