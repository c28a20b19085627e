"""Slow and idle clients against the service while normal clients measure latency.

    .venv/bin/python -m bench.slowloris                 # starts serve.py (PDF backend none)
    .venv/bin/python -m bench.slowloris --port 8000     # a server already running on 127.0.0.1

Attack: ``--slow`` connections trickle a request one byte every ``--interval``
seconds for ``--seconds`` (half of them the headers, half a declared body
after complete headers); ``--idle`` connections send nothing. Once every
attacking connection is open, ``--clients`` threads send normal requests
(GET /healthz, POST /validate and POST /render of the minimal example), each
on a new connection as a new visitor would, until the attack ends.

Printed: the attack (connections opened, still open at the end, closed by the
server) and per kind of normal request the count, failures, p50, p99 and max.
Verdict (exit status 0): every normal request succeeded with p99 < 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass, field

from .client import Client
from .service import ROOT, Service
from .stats import markdown_table, ms, p50, p99

P99_TARGET = 1.0
NORMAL_REQUESTS = {
    "healthz": ("GET", "/healthz"),
    "validate": ("POST", "/validate"),
    "render docx": ("POST", "/render?format=docx"),
}
# Far longer than any attack trickles: the request never completes.
SLOW_HEADERS = (
    b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    + b"X-Padding: " + b"a" * 4000 + b"\r\n\r\n"
)
SLOW_BODY_HEADERS = (
    b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 100000\r\n\r\n"
)


@dataclass
class AttackStats:
    wanted: int
    opened: int = 0
    refused: int = 0
    closed_by_server: int = 0
    open_at_end: int = 0
    all_open: threading.Event = field(default_factory=threading.Event)

    def count_open(self) -> None:
        self.opened += 1
        if self.opened + self.refused >= self.wanted:
            self.all_open.set()


@dataclass
class Sample:
    kind: str
    seconds: float
    status: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200


class Attack:
    """Runs the slow and idle connections on an asyncio loop in a thread of its own."""

    def __init__(self, port: int, *, slow: int, idle: int, interval: float, seconds: float):
        self.port, self.slow, self.idle = port, slow, idle
        self.interval, self.seconds = interval, seconds
        self.stats = AttackStats(wanted=slow + idle)
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self.over = threading.Event()  # set when the attack's time is up
        self._thread = threading.Thread(target=self._run, name="slowloris", daemon=True)

    def __enter__(self) -> Attack:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        self._thread.join(self.seconds + 30)
        self._loop.close()

    def stop(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)

    def _run(self) -> None:
        self._loop.run_until_complete(self._main())

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        deadline = self._loop.time() + self.seconds
        tasks = [self._connection(SLOW_HEADERS, b"") for _ in range(self.slow // 2)]
        tasks += [self._connection(SLOW_BODY_HEADERS, b"{" + b" " * 99999)
                  for _ in range(self.slow - self.slow // 2)]
        tasks += [self._connection(b"", b"") for _ in range(self.idle)]
        connections = asyncio.gather(*tasks)
        try:
            await asyncio.wait_for(self._stop.wait(), max(0.0, deadline - self._loop.time()))
        except TimeoutError:
            self._stop.set()
        self.over.set()
        await connections

    async def _connection(self, head: bytes, trickle: bytes) -> None:
        """Send ``head`` at once, then ``trickle`` (or, if empty, ``head``) byte by byte."""
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        except OSError:
            self.stats.refused += 1
            return
        self.stats.count_open()
        closed = asyncio.ensure_future(reader.read(65536))  # b"" or an answer: the server is done
        try:
            if trickle:
                writer.write(head)
            else:
                trickle, head = head, b""
            for index in range(len(trickle)):
                if self._stop.is_set() or closed.done():
                    break
                writer.write(trickle[index:index + 1])
                await writer.drain()
                await asyncio.wait({closed, asyncio.ensure_future(self._stop.wait())},
                                   timeout=self.interval, return_when=asyncio.FIRST_COMPLETED)
            if not trickle:
                await asyncio.wait({closed, asyncio.ensure_future(self._stop.wait())},
                                   return_when=asyncio.FIRST_COMPLETED)
        except OSError:
            pass
        finally:
            if closed.done():
                self.stats.closed_by_server += 1
            else:
                self.stats.open_at_end += 1
                closed.cancel()
            writer.close()


def normal_traffic(port: int, *, clients: int, until: threading.Event, timeout: float) -> list[Sample]:
    """Closed-loop clients, a new connection per request, until ``until`` is set."""
    plan = (ROOT / "examples" / "minimal.json").read_bytes()
    samples: list[Sample] = []
    lock = threading.Lock()

    def worker(number: int) -> None:
        client = Client("127.0.0.1", port, timeout=timeout)
        kinds = list(NORMAL_REQUESTS)
        turn = number
        while not until.is_set():
            kind = kinds[turn % len(kinds)]
            turn += 1
            method, path = NORMAL_REQUESTS[kind]
            body = plan if method == "POST" else None
            reply = client.request(method, path, body, {"Content-Type": "application/json"} if body else {},
                                   retry_stale=False)
            client.close()
            with lock:
                samples.append(Sample(kind, reply.seconds, reply.status, reply.error))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def run(port: int, *, slow: int = 200, idle: int = 200, seconds: float = 30.0, interval: float = 0.5,
        clients: int = 4, timeout: float = 30.0) -> tuple[AttackStats, list[Sample]]:
    """Attack ``port`` and measure normal requests meanwhile (see the module docstring)."""
    with Attack(port, slow=slow, idle=idle, interval=interval, seconds=seconds) as attack:
        attack.stats.all_open.wait(60)
        samples = normal_traffic(port, clients=clients, until=attack.over, timeout=timeout)
    return attack.stats, samples


def report(stats: AttackStats, samples: list[Sample]) -> tuple[str, bool]:
    rows = []
    for kind in NORMAL_REQUESTS:
        times = [s.seconds for s in samples if s.kind == kind and s.ok]
        failed = [s for s in samples if s.kind == kind and not s.ok]
        rows.append([kind, len(times) + len(failed), len(failed), ms(p50(times)), ms(p99(times)),
                     ms(max(times, default=float("nan")))])
    every = [s.seconds for s in samples if s.ok]
    failures = [s for s in samples if not s.ok]
    passed = bool(samples) and not failures and p99(every) < P99_TARGET
    text = "\n".join([
        f"Attack: {stats.wanted} connections wanted, {stats.opened} opened, {stats.refused} refused, "
        f"{stats.closed_by_server} closed by the server, {stats.open_at_end} still open at the end.",
        "",
        markdown_table(["normal request", "requests", "failed", "p50 ms", "p99 ms", "max ms"], rows),
        "",
        f"All normal requests: p99 {ms(p99(every))} ms (target < {P99_TARGET * 1000:.0f} ms), "
        f"{len(failures)} failed"
        + (f" ({', '.join(sorted({s.error or str(s.status) for s in failures}))})" if failures else "")
        + f": {'PASS' if passed else 'FAIL'}",
    ])
    return text, passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.slowloris", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, help="attack a server already running on 127.0.0.1:PORT")
    parser.add_argument("--slow", type=int, default=200, help="connections sending byte by byte")
    parser.add_argument("--idle", type=int, default=200, help="connections sending nothing")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the attack")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between two bytes")
    parser.add_argument("--clients", type=int, default=4, help="threads sending normal requests")
    args = parser.parse_args(argv)
    service = nullcontext() if args.port else Service(backend="none", ready_timeout=60)
    with service as started:
        port = args.port or started.port
        stats, samples = run(port, slow=args.slow, idle=args.idle, seconds=args.seconds,
                             interval=args.interval, clients=args.clients)
    text, passed = report(stats, samples)
    print(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
