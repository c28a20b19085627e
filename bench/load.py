"""Load and fault test of the service on 127.0.0.1 (bounded in time).

    .venv/bin/python -m bench.load                      # 8 clients, 45 s clean + 45 s with faults
    .venv/bin/python -m bench.load --clients 16 --seconds 120 --kill-every 5 --pool 2

Phase "clean": N clients (closed loop) mix DOCX and PDF requests for M
seconds. Phase "faults": the same while a random soffice process of the pool
is SIGKILLed every K seconds (after the previous kill has recovered).

Reported: requests, failures (by kind), p50/p99 by format, and the
recovery time of each kill (until /healthz shows the pool full again with a
new soffice). Verdict: no failure in the clean phase; under faults only PDF
requests in flight at a kill may fail, and only with 503; a client timeout
(a hang) is always a failure. Exit status 0 when the verdict holds.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .client import Client
from .procs import PeakSampler
from .service import ROOT, Service, pool_counts
from .stats import markdown_table, ms, p50, p99, publish

EXAMPLES_DIR = ROOT / "examples"


@dataclass
class Outcome:
    output_format: str
    start: float
    end: float
    status: int
    error: str | None  # transport error or "timeout"

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200


@dataclass
class Kill:
    at: float
    pid: int
    slot: object
    busy: bool
    recovered_at: float | None = None

    @property
    def recovery(self) -> float | None:
        return None if self.recovered_at is None else self.recovered_at - self.at


@dataclass
class PhaseResult:
    name: str
    seconds: float
    outcomes: list[Outcome] = field(default_factory=list)
    kills: list[Kill] = field(default_factory=list)

    def in_flight_at_kill(self, outcome: Outcome) -> bool:
        return any(outcome.start <= kill.at <= outcome.end for kill in self.kills)

    def violations(self) -> list[str]:
        """Failures the requirements do not allow."""
        problems = []
        for outcome in self.outcomes:
            if outcome.ok:
                continue
            what = f"{outcome.output_format} {outcome.error or outcome.status} after {outcome.end - outcome.start:.1f} s"
            if outcome.error is not None:
                problems.append(f"{what}: no answer (hang or broken connection)")
            elif outcome.output_format != "pdf":
                problems.append(f"{what}: a DOCX request failed")
            elif not self.in_flight_at_kill(outcome):
                problems.append(f"{what}: not in flight at any kill")
            elif outcome.status != 503:
                problems.append(f"{what}: in flight at a kill, but answered {outcome.status}, not 503")
        problems += [f"kill of soffice {kill.pid}: pool not full again" for kill in self.kills if kill.recovered_at is None]
        return problems

    def rows(self) -> list[list[object]]:
        rows = []
        for output_format in ("docx", "pdf"):
            outcomes = [o for o in self.outcomes if o.output_format == output_format]
            ok = [o.end - o.start for o in outcomes if o.ok]
            failed = [o for o in outcomes if not o.ok]
            kinds: dict = {}
            for outcome in failed:
                key = outcome.error or str(outcome.status)
                kinds[key] = kinds.get(key, 0) + 1
            rows.append([self.name, output_format, len(outcomes), len(failed),
                         ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())) or "-",
                         sum(1 for o in failed if self.in_flight_at_kill(o)),
                         f"{len(ok) / self.seconds:.2f}", ms(p50(ok)), ms(p99(ok))])
        return rows


def load_bodies() -> list[bytes]:
    return [path.read_bytes() for path in sorted(EXAMPLES_DIR.glob("*.json"))]


def soffice_of(status: dict | None) -> list[tuple[object, int, bool]]:
    """(slot, soffice pid, busy) of every instance in a /healthz answer."""
    converter = (status or {}).get("converter", {})
    found = []
    for index, instance in enumerate(converter.get("instances", []) or []):
        pid = instance.get("soffice_pid")
        if isinstance(pid, int):
            found.append((instance.get("slot", index), pid, instance.get("state") == "busy"))
    return found


def pool_recovered(status: dict | None, killed: set[int]) -> bool:
    """The pool is full again, and the killed soffice is no longer counted."""
    ready, size = pool_counts(status)
    if size is None or ready is None or ready < size:
        return False
    pids = [pid for _, pid, _ in soffice_of(status)]
    return len(pids) == size and not killed.intersection(pids)


def run_phase(service: Service, name: str, *, clients: int, seconds: float, pdf_share: float,
              bodies: list[bytes], kill_every: float | None, timeout: float, seed: int,
              recovery_timeout: float = 90.0) -> PhaseResult:
    result = PhaseResult(name, seconds)
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds
    client = Client("127.0.0.1", service.port, timeout=timeout)

    def worker(number: int):
        chooser = random.Random(seed * 1000 + number)
        while time.perf_counter() < deadline:
            output_format = "pdf" if chooser.random() < pdf_share else "docx"
            began = time.perf_counter()
            reply = client.render(chooser.choice(bodies), output_format)
            error = reply.error
            if error in ("TimeoutError", "timeout"):
                error = "timeout"
            with lock:
                result.outcomes.append(Outcome(output_format, began, time.perf_counter(), reply.status, error))

    def killer():
        chooser = random.Random(seed)
        monitor = Client("127.0.0.1", service.port, timeout=10)
        next_kill = start + kill_every * chooser.uniform(0.5, 1.0)
        killed: set[int] = set()
        while time.perf_counter() < deadline:
            time.sleep(max(0.0, min(next_kill, deadline) - time.perf_counter()))
            if time.perf_counter() >= deadline:
                break
            candidates = soffice_of(monitor.healthz())
            if not candidates:
                next_kill = time.perf_counter() + 0.5
                continue
            slot, pid, busy = chooser.choice(candidates)
            try:
                os.kill(pid, signal.SIGKILL)  # a soffice.bin of the pool this test started
            except ProcessLookupError:
                continue
            kill = Kill(time.perf_counter(), pid, slot, busy)
            killed.add(pid)
            result.kills.append(kill)
            # Recovery: poll until the pool is full again without the killed process.
            while time.perf_counter() - kill.at < recovery_timeout:
                if pool_recovered(monitor.healthz(), killed):
                    kill.recovered_at = time.perf_counter()
                    break
                time.sleep(0.05)
            next_kill = time.perf_counter() + kill_every * chooser.uniform(0.5, 1.5)
        monitor.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    if kill_every:
        threads.append(threading.Thread(target=killer, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout + recovery_timeout + 30)
    result.seconds = max(seconds, time.perf_counter() - start)
    return result


def report(results: list[PhaseResult], sampler: PeakSampler | None, settings: dict) -> tuple[str, bool]:
    lines = ["### Load test", "",
             "Settings: " + ", ".join(f"{key} {value}" for key, value in settings.items()), "",
             markdown_table(["phase", "format", "requests", "failed", "failures", "failed in flight at a kill",
                             "ok/s", "p50 ms", "p99 ms"], [row for result in results for row in result.rows()]), ""]
    kills = [kill for result in results for kill in result.kills]
    if kills:
        lines += ["Kills (SIGKILL to a soffice of the pool):", "",
                  markdown_table(["t (s)", "soffice pid", "slot", "was busy", "recovery (s)"],
                                 [[f"{kill.at - kills[0].at:.1f}", kill.pid, kill.slot, "yes" if kill.busy else "no",
                                   f"{kill.recovery:.2f}" if kill.recovery is not None else "NOT RECOVERED"]
                                  for kill in kills]), ""]
        recoveries = [kill.recovery for kill in kills if kill.recovery is not None]
        if recoveries:
            lines.append(f"Recovery: p50 {p50(recoveries):.2f} s, max {max(recoveries):.2f} s over {len(recoveries)} kills.")
            lines.append("")
    if sampler is not None:
        lines.append(f"Peak RSS: service worker {sampler.service_peak() / 1024:.0f} MiB; soffice processes seen "
                     f"{len(sampler.soffice_kib)}, largest {max(sampler.soffice_kib.values(), default=0) / 1024:.0f} MiB.")
        lines.append("")
    violations = [f"{result.name}: {problem}" for result in results for problem in result.violations()]
    passed = not violations
    lines.append("Verdict: " + ("PASS" if passed else "FAIL"))
    lines += [f"- {problem}" for problem in violations[:30]]
    return "\n".join(lines) + "\n", passed


def run(*, clients: int, seconds: float, pdf_share: float, pool: int, kill_every: float | None,
        timeout: float, seed: int, phases: tuple[str, ...], service: Service | None = None,
        bodies: list[bytes] | None = None, fault_seconds: float | None = None,
        log=print) -> tuple[list[PhaseResult], str, bool]:
    bodies = bodies or load_bodies()
    own_service = service is None
    if own_service:
        log(f"starting the service with a pool of {pool}")
        service = Service(pool_size=pool).start()
    results = []
    try:
        with PeakSampler(service.pid) as sampler:
            for phase in phases:
                service.wait_ready(90)
                length = fault_seconds if phase == "faults" and fault_seconds else seconds
                log(f"phase {phase}: {clients} clients, {length:.0f} s, PDF share {pdf_share:.0%}")
                results.append(run_phase(service, phase, clients=clients, seconds=length, pdf_share=pdf_share,
                                         bodies=bodies, timeout=timeout, seed=seed,
                                         kill_every=kill_every if phase == "faults" else None))
        settings = {"clients": clients, "seconds per phase": seconds if not fault_seconds else f"{seconds} clean, {fault_seconds} faults", "PDF share": f"{pdf_share:.0%}",
                    "pool": service.pool_size, "kill every": f"~{kill_every} s" if kill_every else "-",
                    "client timeout": f"{timeout} s"}
        text, passed = report(results, sampler, settings)
    finally:
        if own_service:
            service.stop()
    return results, text, passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=45.0, help="per phase (max 600)")
    parser.add_argument("--pdf-share", type=float, default=0.5, help="share of PDF requests (0..1)")
    parser.add_argument("--pool", type=int, default=2, help="LibreOffice pool size")
    parser.add_argument("--kill-every", type=float, default=6.0, help="seconds between kills in the faults phase")
    parser.add_argument("--timeout", type=float, default=60.0, help="client timeout: a hang counts as a failure")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phases", default="clean,faults", help="clean, faults or both")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be in (0, 600]")
    if not 1 <= args.clients <= 64:
        parser.error("--clients must be in [1, 64]")
    phases = tuple(p for p in args.phases.split(",") if p)
    if not set(phases) <= {"clean", "faults"}:
        parser.error("--phases: clean, faults")

    def log(message):
        print(f"[load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    _, text, passed = run(clients=args.clients, seconds=args.seconds, pdf_share=args.pdf_share, pool=args.pool,
                          kill_every=args.kill_every, timeout=args.timeout, seed=args.seed, phases=phases, log=log)
    return publish(text, args.output, passed)


if __name__ == "__main__":
    sys.exit(main())
