"""Small requests while the heaviest allowed plans render.

``python -m bench.isolation [--seconds 20] [--heavy-clients 2]``

The service as scripts/run.sh starts it (serve.py, waitress) (PDF off: this is
about rendering), once rendering in-process (``RENDER_WORKERS=0``, as before
the worker pool, workers/) and once in its worker processes (the default). One client
renders the minimal plan again and again, first alone, then while
``--heavy-clients`` clients render ``bench.heavy.worst_plan()`` without pause.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time

from .client import Client
from .heavy import encoded, worst_plan
from .service import ROOT, Service
from .stats import markdown_table, ms, p50, p99

SETUPS = {"in-process (RENDER_WORKERS=0)": {"PLANS_RENDER_WORKERS": "0"}, "worker processes (default)": {}}


def small_requests(service: Service, body: bytes, seconds: float) -> tuple[list[float], int]:
    client = Client("127.0.0.1", service.port, timeout=120)
    times, failures = [], 0
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            start = time.perf_counter()
            reply = client.render(body, "docx")
            times.append(time.perf_counter() - start)
            failures += not reply.ok
    finally:
        client.close()
    return times, failures


def heavy_load(service: Service, body: bytes, stop: threading.Event, done: list[int]) -> None:
    client = Client("127.0.0.1", service.port, timeout=120)
    try:
        while not stop.is_set():
            done.append(client.render(body, "docx").status)
    finally:
        client.close()


def measure(seconds: float, heavy_clients: int) -> str:
    small = (ROOT / "examples" / "minimal.json").read_bytes()
    heavy = encoded(worst_plan())
    rows = []
    for setup, env in SETUPS.items():
        with Service(backend="none", extra_env=env) as service:
            alone, failed = small_requests(service, small, seconds / 2)
            rows.append([setup, "alone", str(len(alone)), str(failed), ms(p50(alone)), ms(p99(alone)), "—"])
            stop, statuses = threading.Event(), []
            threads = [threading.Thread(target=heavy_load, args=(service, heavy, stop, statuses))
                       for _ in range(heavy_clients)]
            for thread in threads:
                thread.start()
            try:
                loaded, failed = small_requests(service, small, seconds)
            finally:
                stop.set()
                for thread in threads:
                    thread.join(180)
            heavy_ok = sum(status == 200 for status in statuses)
            rows.append([setup, f"{heavy_clients} heavy clients", str(len(loaded)), str(failed), ms(p50(loaded)),
                         ms(p99(loaded)), f"{heavy_ok}/{len(statuses)}"])
            print(f"[isolation] {setup}: p99 alone {ms(p99(alone))} ms, loaded {ms(p99(loaded))} ms",
                  file=sys.stderr, flush=True)
    return markdown_table(["rendering", "while", "small requests", "failed", "p50 (ms)", "p99 (ms)",
                           "heavy renders 200"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.isolation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the loaded phase")
    parser.add_argument("--heavy-clients", type=int, default=2)
    args = parser.parse_args(argv)
    print("### Small DOCX requests while the heaviest allowed plans render\n")
    print(measure(args.seconds, args.heavy_clients))
    return 0


if __name__ == "__main__":
    sys.exit(main())
