"""Shared parts of the load benchmarks: a throw-away demo database, a gunicorn server, and a compact
asyncio HTTP/1.1 load generator that costs little CPU (one thread, no per-request thread), so that on a
2-core machine the server, not the client, is what gets measured."""

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANAGE = REPO / "example_project" / "manage.py"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 thgov-load-bench"


def base_env(workdir, database_url, cache):
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("THGOV_SCRATCH")},
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'example_project'}",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_MEDIA_ROOT": str(Path(workdir) / "media"),
        "DJANGO_STATIC_ROOT": str(Path(workdir) / "static"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "THGOV_BENCH_PAGES": "1",
        "THGOV_STATS_ENABLED": "1",  # counting ON, as in production
        "THGOV_PAGE_CACHE_ENABLED": "1" if cache else "0",
    }
    (Path(workdir) / "static").mkdir(parents=True, exist_ok=True)
    return env


def manage(env, *args, timeout=900):
    result = subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise SystemExit(
            f"manage.py {' '.join(args[:2])} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``gunicorn -w WORKERS`` (sync workers) of the demo site on a free loopback port."""

    def __init__(self, env, workers=2, log_path=None):
        self.port = free_port()
        self.log = open(log_path or os.devnull, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "sync", "--timeout", "60",
             "-b", f"127.0.0.1:{self.port}", "demo_site.wsgi"],
            env=env, cwd=REPO / "example_project", stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def wait(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()
        self.log.close()


async def _one(port, request):
    """One request on a fresh connection (gunicorn's sync workers close it after each response)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is not None:
            await reader.readexactly(length)
        else:
            await reader.read()
    finally:
        writer.close()
    return status, time.perf_counter() - started


async def _load(port, host, path, seconds, concurrency, max_requests):
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {AGENT}\r\nAccept: text/html\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    sent = 0

    async def client():
        nonlocal errors, sent
        while time.perf_counter() < deadline and sent < max_requests:
            sent += 1
            try:
                status, latency = await asyncio.wait_for(_one(port, request), timeout=30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError):
                errors += 1
                continue
            if status == 200:
                latencies.append(latency)
            else:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def measure(port, path, seconds, host="localhost", concurrency=4, max_requests=100_000):
    """Requests per second (200 responses), p50 and p99 latency in ms, and the non-200 count."""
    latencies, errors, elapsed = asyncio.run(_load(port, host, path, seconds, concurrency, max_requests))
    return {"requests": len(latencies), "errors": errors, "elapsed": elapsed, "latencies": latencies}


def summarise(samples):
    latencies = sorted(value for sample in samples for value in sample["latencies"])
    requests = sum(sample["requests"] for sample in samples)
    elapsed = sum(sample["elapsed"] for sample in samples)
    if not latencies:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "requests": 0, "errors": 0}
    return {
        "rps": requests / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "requests": requests,
        "errors": sum(sample["errors"] for sample in samples),
    }


def warm(port, paths, host="localhost"):
    for path in paths:
        result = measure(port, path, 1.0, host=host, concurrency=2, max_requests=6)
        if result["errors"] or not result["requests"]:
            raise SystemExit(f"http://{host}{path} does not answer 200")
