"""Import benchmark: the recognizer on the 15-page example rendered by the
generator, in process, and at 2×, 4× and 8× its body (linear in the size?
8× is the largest that stays within a plan's caps: 16× has more text than a
plan may hold).

``python -m bench.importing [--samples N]`` prints a table; ``bench.run``
adds the same table and its target to the full report.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

from .stats import markdown_table, ms, p50, p95, timed

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dai-lanh-2024.json"
SCALES = (1, 2, 4, 8)
TARGET_S = 0.150


def scaled(plan: dict, factor: int) -> dict:
    """The plan with its body and appendix rows repeated ``factor`` times."""
    bigger = copy.deepcopy(plan)
    bigger["body"] = [copy.deepcopy(block) for _ in range(factor) for block in plan["body"]]
    for appendix in bigger.get("appendices", []):
        table = appendix.get("table")
        if table:
            table["rows"] = [dict(row, label=f"{row['label']} {n}") for n in range(factor) for row in table["rows"]]
            table.get("total", {}).pop("values", None)
    return bigger


def measure(samples: int) -> tuple[list[list[str]], float]:
    """Rows of the table, and the p50 at 1× (seconds)."""
    from generators import render_docx
    from recognizer import recognize
    from schemas import load_plan

    plan = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    rows, base = [], None
    for factor in SCALES:
        document = render_docx(load_plan(scaled(plan, factor)))
        times = timed(lambda: recognize(document), max(3, samples // factor))
        base = base or p50(times)
        rows.append([f"{factor}×", f"{len(document) // 1024}", ms(p50(times)), ms(p95(times)),
                     f"{p50(times) / base / factor:.2f}"])
    return rows, base


HEADERS = ["size", "DOCX KiB", "import p50", "import p95", "p50 / (1× p50 × size)"]


def bench_import_in_process(samples: int, report) -> None:
    rows, base = measure(samples)
    report.add("Import from Word, in process (ms; dai-lanh-2024 rendered, body repeated)", markdown_table(HEADERS, rows))
    report.target("Import p50, 15-page example", ms(base) + " ms", f"≤ {TARGET_S * 1000:.0f} ms", base <= TARGET_S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importing", description=__doc__)
    parser.add_argument("--samples", type=int, default=30, help="samples at 1× (fewer at larger sizes)")
    args = parser.parse_args(argv)
    rows, base = measure(args.samples)
    print(markdown_table(HEADERS, rows))
    print(f"\nimport p50 of the 15-page example: {ms(base)} ms (target ≤ {TARGET_S * 1000:.0f} ms): "
          f"{'met' if base <= TARGET_S else 'not met'}; the last column stays near 1.00 when the time is linear.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
