"""Stopping the real processes the tests start (gunicorn, qcluster), without signalling a stranger.

A process group is signalled only while its leader has not been reaped: a reaped leader's id is free
again, and on a busy machine (``kernel.pid_max`` is 32768 on CI) the next process to get it may be a
PostgreSQL backend, which leads a process group of its own (``setsid``). A SIGTERM sent to the stale group
then ends another test's database connection ("terminating connection due to administrator command"); a
SIGKILL makes PostgreSQL restart and end every connection. ``os.waitid(..., WNOWAIT)`` sees the leader
exit while leaving it a zombie, so its id stays reserved until ``wait()`` below.
"""

import os
import signal
import subprocess
import time

# The demo runner (example_project/run_demo.py, on pytest's path) stops its children the same way.
from run_demo import exited as leader_exited


def stop_group(process: subprocess.Popen | None, timeout: float = 15):
    """SIGTERM ``process``'s group (started with ``start_new_session=True``), wait up to ``timeout``
    seconds for its leader, SIGKILL whatever of the group is left, then reap the leader.

    A leader that something else already reaped (``poll()`` or ``wait()`` saw it exit) is left alone,
    group and all: its id may now name another process's group."""
    if process is None or process.returncode is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + timeout
    while not leader_exited(process) and time.monotonic() < deadline:
        time.sleep(0.05)
    if process.returncode is None:  # alive or a zombie: the group id is still this group's
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the workers a graceful stop left behind
        except ProcessLookupError:
            pass
    process.wait()
