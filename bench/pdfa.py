"""What PDF/A-2b with signature fields costs over the plain PDF, on the
largest example (the default of POST /render?format=pdf against pdf=plain).

``python -m bench.pdfa [--rounds N] [--example NAME]`` prints two tables and
the target's verdict:

- through the service (waitress, one LibreOffice instance, so that both kinds
  go to the same one): the whole request, DOCX render included;
- where the difference goes, in process: LibreOffice's export alone
  (``convert(to="pdf")`` against ``to="pdfa"``, one pool instance) and the
  finishing step (``publishing.issue_document``: reading the laid-out text,
  the XMP description, the fields, saving).

Both kinds are measured in interleaved pairs, alternating which goes first,
so that other work on the machine hits both alike; the cost is the median of
each pair's ratio (on a shared machine a burst of other work moves both p50s
but hardly a pair's ratio), shown beside the ratio of the p50s.
Target: PDF/A ≤ 1.10 × plain PDF, through the service.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import machine
from .service import Service
from .stats import markdown_table, ms, p50, p95, ratio

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TARGET = 1.10
WARMUP = 3


def largest_example() -> str:
    return max(EXAMPLES.glob("*.json"), key=lambda path: path.stat().st_size).stem


def interleaved(first: Callable[[], object], second: Callable[[], object], rounds: int) -> tuple[list[float], list[float]]:
    """Seconds of each call, measured in pairs whose order alternates."""
    for _ in range(WARMUP):
        first()
        second()
    times: tuple[list[float], list[float]] = ([], [])
    calls = ((first, times[0]), (second, times[1]))
    for index in range(rounds):
        for function, spent in (calls if index % 2 == 0 else calls[::-1]):
            started = time.perf_counter()
            function()
            spent.append(time.perf_counter() - started)
    return times


def paired_ratio(first: list[float], second: list[float]) -> float:
    """The median over the pairs of second / first."""
    return statistics.median(b / a for a, b in zip(first, second, strict=True))


def through_service(raw: bytes, rounds: int) -> tuple[list[float], list[float]]:
    with Service(pool_size=1) as service:
        def render(query: str) -> Callable[[], None]:
            def call() -> None:
                reply = service.client.request("POST", f"/render?format=pdf{query}", raw,
                                               {"Content-Type": "application/json"})
                if not reply.ok:
                    raise RuntimeError(f"HTTP {reply.status} {reply.error} {reply.body[:300]!r}")
            return call

        return interleaved(render("&pdf=plain"), render(""), rounds)


def in_process(plan_json: dict, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """LibreOffice plain, LibreOffice PDF/A, finishing (seconds)."""
    from converters import UnoserverPool
    from generators import render_docx
    from publishing import issue_document
    from schemas import load_plan

    plan = load_plan(plan_json)
    document = render_docx(plan)
    pool = UnoserverPool(1, timeout=120, recycle_after=None)
    pool.start()
    try:
        if not pool.wait_ready(timeout=120):
            raise RuntimeError(f"LibreOffice did not start: {pool.status()}")
        plain, pdfa = interleaved(lambda: pool.convert(document), lambda: pool.convert(document, to="pdfa"), rounds)
        made = pool.convert(document, to="pdfa")
    finally:
        pool.close()
    finishing = []
    for index in range(WARMUP + rounds):
        started = time.perf_counter()
        issue_document(plan, document, made)
        if index >= WARMUP:
            finishing.append(time.perf_counter() - started)
    return plain, pdfa, finishing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pdfa", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="interleaved pairs per comparison (default 30)")
    parser.add_argument("--example", default=largest_example(), help="example name (default: the largest)")
    args = parser.parse_args(argv)
    path = EXAMPLES / f"{args.example}.json"
    raw = path.read_bytes()
    load_before = machine.load_average()

    plain, pdfa, finishing = in_process(json.loads(raw), args.rounds)
    print(f"\n### Where the difference goes ({args.example}, in process, {args.rounds} interleaved pairs)\n")
    print(markdown_table(["step", "p50 ms", "p95 ms"], [
        ["LibreOffice export, plain PDF", ms(p50(plain)), ms(p95(plain))],
        ["LibreOffice export, PDF/A-2b", ms(p50(pdfa)), ms(p95(pdfa))],
        ["finishing: text positions, XMP, signature fields", ms(p50(finishing)), ms(p95(finishing))],
    ]))
    print(f"\nLibreOffice PDF/A / plain, median of pairs: {ratio(paired_ratio(plain, pdfa))}; "
          f"finishing / plain export, p50: {ratio(p50(finishing) / p50(plain))}")

    service_plain, service_pdfa = through_service(raw, args.rounds)
    cost = paired_ratio(service_plain, service_pdfa)
    print(f"\n### Through the service ({args.example}, POST /render?format=pdf, {args.rounds} interleaved pairs)\n")
    print(markdown_table(["PDF", "p50 ms", "p95 ms"], [
        ["plain (pdf=plain)", ms(p50(service_plain)), ms(p95(service_plain))],
        ["PDF/A-2b with signature fields (default)", ms(p50(service_pdfa)), ms(p95(service_pdfa))],
    ]))
    verdict = "met" if cost <= TARGET else "NOT met"
    print(f"\nPDF/A / plain through the service, median of pairs: {ratio(cost)} (target ≤ {TARGET:.2f}×: "
          f"{verdict}); ratio of the p50s {ratio(p50(service_pdfa) / p50(service_plain))}; "
          f"load average before {load_before:.2f}, after {machine.load_average():.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
