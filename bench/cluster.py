"""Load through the balancer while one replica is killed, then restarted.

    .venv/bin/python -m bench.cluster --port 8000 --stats-port 8404 \\
        --kill 'podman kill plans-cluster_plans_1' --restart 'podman start plans-cluster_plans_1'

What scripts/cluster-test.sh runs against deploy/compose.yaml. CLIENTS
clients (closed loop, one keep-alive connection each) send a mix of DOCX and
PDF renders of the examples and imports of their DOCX for SECONDS seconds; the
--kill command runs at KILL_AT s and the --restart command at RESTART_AT s.
Meanwhile HAProxy's CSV statistics (--stats-port) are read every 0.25 s for the
servers' states and the backend's retry and redispatch counters.

Printed: requests and latency per kind and per phase (before the kill, the
5 s after it, one replica down, the 5 s after the restart, the end), the
servers' state changes, retries and redispatches (HAProxy's counters, and
per request from its log with --balancer-log), and as the last line
``N requests, F failed, p50 X ms, p99 Y ms``. A request fails unless it is
answered 200 (a transport error or the client timeout counts). After the load it
waits (up to 120 s) for the restarted replica to be back in rotation. Exit
status 0 when no request failed and the replica came back.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import shlex
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .client import Client
from .slowloris import Sample
from .stats import markdown_table, ms, p50, p99

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KINDS = ("docx", "pdf", "import")
# Seconds after the kill and after the restart whose requests show the failover's cost.
AFTERMATH = 5.0


@dataclass
class Outcome(Sample):
    """One request: its kind, time, status or transport error, and when it started."""

    start: float  # seconds since the load began


@dataclass
class Workload:
    """Request bodies: every example's plan, and its DOCX to import."""

    plans: list[bytes]
    documents: list[bytes]

    def request(self, client: Client, kind: str, chooser: random.Random):
        if kind == "import":
            return client.request("POST", "/import", chooser.choice(self.documents), {"Content-Type": DOCX_TYPE})
        return client.render(chooser.choice(self.plans), kind)

    @classmethod
    def prepare(cls, client: Client) -> Workload:
        """Renders each example to DOCX through the service and checks that every
        request of the mix succeeds once, so a failure under load is the load's."""
        plans = [path.read_bytes() for path in sorted(EXAMPLES_DIR.glob("*.json"))]
        documents = []
        for plan in plans:
            for kind in ("pdf", "docx"):
                reply = client.render(plan, kind)
                if not reply.ok:
                    raise SystemExit(f"warm-up: {kind} render answered {reply.status or reply.error}")
            documents.append(reply.body)
            imported = client.request("POST", "/import", reply.body, {"Content-Type": DOCX_TYPE})
            if not imported.ok:
                raise SystemExit(f"warm-up: import answered {imported.status or imported.error}")
        return cls(plans, documents)


class BalancerWatch:
    """Polls HAProxy's CSV statistics: server state changes and backend counters."""

    def __init__(self, port: int, backend: str = "plans"):
        self.url = f"http://127.0.0.1:{port}/stats;csv"
        self.backend = backend
        self.changes: list[tuple[float, str, str]] = []  # (seconds, server, new state)
        self._states: dict[str, str] = {}
        # (seconds, servers plainly UP) at every change of that count: a restarted
        # replica may come back in another server slot (a new address).
        self.up_counts: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="balancer-watch", daemon=True)
        self.began = 0.0

    def rows(self) -> list[dict]:
        with urllib.request.urlopen(self.url, timeout=5) as answer:
            text = answer.read().decode().lstrip("# ")
        return [row for row in csv.DictReader(io.StringIO(text)) if row["pxname"] == self.backend]

    def counters(self) -> dict[str, int]:
        """The backend's retries, redispatches and errors, and each server's requests."""
        rows = self.rows()
        backend = next(row for row in rows if row["svname"] == "BACKEND")
        counters = {name: int(backend[name] or 0) for name in ("wretr", "wredis", "econ", "eresp")}
        counters |= {row["svname"]: int(row["stot"] or 0) for row in rows if row["svname"] not in ("BACKEND", "FRONTEND")}
        return counters

    def start(self, began: float) -> BalancerWatch:
        self.began = began
        self._thread.start()
        return self

    def wait_all_up(self, timeout: float) -> bool:
        """Until as many servers are UP as at the start (the restarted replica is back)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.up_counts and self.up_counts[-1][1] >= self.up_counts[0][1]:
                return True
            time.sleep(0.25)
        return False

    def out_after(self, at: float) -> float | None:
        """Seconds from ``at`` until fewer servers were UP than at the start."""
        return self._first_after(at, lambda count, start: count < start)

    def back_after(self, at: float) -> float | None:
        """Seconds from ``at`` until as many servers were UP as at the start."""
        return self._first_after(at, lambda count, start: count >= start)

    def _first_after(self, at: float, holds) -> float | None:
        if not self.up_counts:
            return None
        start = self.up_counts[0][1]
        return next((when - at for when, count in self.up_counts if when > at and holds(count, start)), None)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                rows = self.rows()
            except OSError:
                rows = []
            for row in rows:
                server, state = row["svname"], row["status"]
                if server in ("BACKEND", "FRONTEND") or state.startswith("MAINT") and server not in self._states:
                    continue  # unused template slots
                if self._states.get(server) != state:
                    self._states[server] = state
                    self.changes.append((time.perf_counter() - self.began, server, state))
            up = sum(state == "UP" for state in self._states.values())
            if rows and (not self.up_counts or self.up_counts[-1][1] != up):
                self.up_counts.append((time.perf_counter() - self.began, up))
            self._stop.wait(0.25)


# One request in HAProxy's httplog: server, timers TR/Tw/Tc/Tr/Ta, status, ...,
# connection counts act/fe/be/srv/retries ('+' when redispatched).
LOG_LINE = re.compile(r"\] plans plans/(?P<server>\S+) -?\d+/-?\d+/-?\d+/-?\d+/(?P<total>\d+) (?P<status>\d{3}) "
                      r".* \d+/\d+/\d+/\d+/(?P<redispatched>\+?)(?P<retries>\d+) \d+/\d+ \"")


def retried(log_text: str) -> list[tuple[int, bool, int, int]]:
    """(retries, redispatched, status, total ms) of every request the balancer retried."""
    found = []
    for match in LOG_LINE.finditer(log_text):
        if int(match["retries"]) or match["redispatched"]:
            found.append((int(match["retries"]), bool(match["redispatched"]), int(match["status"]), int(match["total"])))
    return found


def run_load(client: Client, workload: Workload, *, clients: int, seconds: float, seed: int,
             actions: list[tuple[float, str]], began: float, log) -> list[Outcome]:
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    deadline = began + seconds

    def worker(number: int):
        chooser = random.Random(seed * 1000 + number)
        while time.perf_counter() < deadline:
            kind = chooser.choice(KINDS)
            start = time.perf_counter()
            reply = workload.request(client, kind, chooser)
            with lock:
                outcomes.append(Outcome(kind=kind, seconds=time.perf_counter() - start, status=reply.status,
                                        error=reply.error, start=start - began))

    def director():
        for at, command in actions:
            time.sleep(max(0.0, began + at - time.perf_counter()))
            done = subprocess.run(shlex.split(command), capture_output=True, text=True)
            log(f"t={time.perf_counter() - began:.1f} s: {command} -> exit {done.returncode}")
            if done.returncode:
                log(done.stderr.strip())

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    threads.append(threading.Thread(target=director, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def summary(outcomes: list[Outcome]) -> list[object]:
    ok = [o.seconds for o in outcomes if o.ok]
    return [len(outcomes), sum(not o.ok for o in outcomes), ms(p50(ok)), ms(p99(ok)), ms(max(ok, default=float("nan")))]


def report(outcomes: list[Outcome], *, kill_at: float, restart_at: float, seconds: float,
           changes: list, out: float | None, back: float | None, counters: dict[str, int], log_text: str | None) -> str:
    headers = ["requests", "failed", "p50 ms", "p99 ms", "max ms"]
    by_kind = [[kind, *summary([o for o in outcomes if o.kind == kind])] for kind in KINDS]
    phases = [("before the kill", 0, kill_at),
              (f"{AFTERMATH:g} s after the kill", kill_at, kill_at + AFTERMATH),
              ("one replica down", kill_at + AFTERMATH, restart_at),
              (f"{AFTERMATH:g} s after the restart", restart_at, restart_at + AFTERMATH),
              ("both again", restart_at + AFTERMATH, seconds + 1e9)]
    by_phase = [[f"{name} ({low:g}-{min(high, seconds):g} s)",
                 *summary([o for o in outcomes if low <= o.start < high]),
                 ms(p99([o.seconds for o in outcomes if low <= o.start < high and o.ok and o.kind == "pdf"]))]
                for name, low, high in phases]
    in_flight = [o for o in outcomes if o.start <= kill_at <= o.start + o.seconds]
    lines = [markdown_table(["kind", *headers], by_kind), "",
             markdown_table(["requests started", *headers, "PDF p99 ms"], by_phase), "",
             f"In flight at the kill: {len(in_flight)} requests, {sum(not o.ok for o in in_flight)} failed, "
             f"slowest {ms(max((o.seconds for o in in_flight), default=float('nan')))} ms.",
             f"Balancer: {counters['wretr']} retries, {counters['wredis']} redispatches, "
             f"{counters['econ']} connection errors, {counters['eresp']} response errors (HAProxy's counters); "
             "requests per server: " + ", ".join(f"{name} {count}" for name, count in counters.items()
                                                  if name.startswith("plans") and count),
             "Server states: " + "; ".join(f"{at:.1f} s {server} {state}" for at, server, state in changes),
             "Killed replica out of rotation " + (f"{out:.1f} s after the kill" if out is not None else "never")
             + "; back in rotation " + (f"{back:.1f} s after the restart." if back is not None else "not within 120 s after the load.")]
    if log_text is not None:
        again = retried(log_text)
        lines.append(f"Retried requests (HAProxy's log): {len(again)}, {sum(r for r, _, _, _ in again)} retries, "
                     f"{sum(redispatched for _, redispatched, _, _ in again)} sent to another replica; answered "
                     + (", ".join(f"{status} ×{sum(s == status for _, _, s, _ in again)}"
                                  for status in sorted({s for _, _, s, _ in again})) or "-")
                     + f"; their time p50 {ms(p50([total / 1000 for *_, total in again]))} ms, "
                       f"max {ms(max((total / 1000 for *_, total in again), default=float('nan')))} ms.")
    failures: dict[str, int] = {}
    for outcome in outcomes:
        if not outcome.ok:
            key = f"{outcome.kind} {outcome.error or outcome.status}"
            failures[key] = failures.get(key, 0) + 1
    if failures:
        lines.append("Failures: " + ", ".join(f"{key} ×{count}" for key, count in sorted(failures.items())))
    ok = [o.seconds for o in outcomes if o.ok]
    lines.append(f"{len(outcomes)} requests, {len(outcomes) - len(ok)} failed, p50 {ms(p50(ok))} ms, p99 {ms(p99(ok))} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True, help="the balancer's port on 127.0.0.1")
    parser.add_argument("--stats-port", type=int, required=True, help="HAProxy's statistics port on 127.0.0.1")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--kill-at", type=float, default=20.0)
    parser.add_argument("--restart-at", type=float, default=40.0)
    parser.add_argument("--kill", required=True, help="command that kills one replica")
    parser.add_argument("--restart", required=True, help="command that starts it again")
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout: a hang counts as a failure")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--balancer-log", help="command that prints the balancer's log (HAProxy httplog), "
                                               "read after the load for the requests it retried")
    parser.add_argument("--json", type=Path, help="also write every request's outcome here")
    args = parser.parse_args(argv)
    if not 0 < args.kill_at < args.restart_at < args.seconds <= 600:
        parser.error("need 0 < --kill-at < --restart-at < --seconds <= 600")

    def log(message):
        print(f"[cluster {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    client = Client("127.0.0.1", args.port, timeout=args.timeout)
    workload = Workload.prepare(client)
    watch = BalancerWatch(args.stats_port)
    before = watch.counters()
    log(f"{args.clients} clients for {args.seconds:g} s: {', '.join(KINDS)}; "
        f"kill at {args.kill_at:g} s, restart at {args.restart_at:g} s")
    began = time.perf_counter()
    watch.start(began)
    outcomes = run_load(client, workload, clients=args.clients, seconds=args.seconds, seed=args.seed,
                        actions=[(args.kill_at, args.kill), (args.restart_at, args.restart)], began=began, log=log)
    back = watch.wait_all_up(timeout=120)
    watch.stop()
    after = watch.counters()
    if not back:
        log("the restarted replica was not back in rotation 120 s after the load")
    log_text = None
    if args.balancer_log:
        log_text = subprocess.run(shlex.split(args.balancer_log), capture_output=True, text=True).stdout
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes]), encoding="utf-8")
    print(report(outcomes, kill_at=args.kill_at, restart_at=args.restart_at, seconds=args.seconds,
                 changes=watch.changes, out=watch.out_after(args.kill_at), back=watch.back_after(args.restart_at),
                 counters={key: after[key] - before.get(key, 0) for key in after},
                 log_text=log_text))
    return 0 if back and all(outcome.ok for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
