"""How DOCX render time grows with the plan's size.

``python -m bench.scaling [--factors 1,4,16,64] [--samples 3]``

The largest example's body (and its appendices) repeated 1×, 4×, 16×, 64×;
the plan is validated once at 1× and the repetition is done on the
validated plan, so the biggest sizes may go past the schema's limits: this
measures the renderer, not the limits. Linear rendering shows a ratio near
the size factor (4) per step; quadratic rendering near its square (16).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from .service import ROOT
from .stats import markdown_table, ms, p50

BASE_EXAMPLE = "dai-lanh-2024"
FACTORS = (1, 4, 16, 64)
TITLE = f"Render time by plan size ({BASE_EXAMPLE} repeated)"


def repeated(plan: dict, factor: int) -> dict:
    return {**plan, "body": plan["body"] * factor, "appendices": plan["appendices"] * factor}


def runs_and_footnotes(plan: dict) -> tuple[int, int]:
    """Formatted runs and footnotes the renderer writes for ``plan``."""
    from nd30.markup import Footnote, parse

    runs = notes = 0

    def count(value) -> None:
        nonlocal runs, notes
        if isinstance(value, str):
            for item in parse(value):
                notes += isinstance(item, Footnote)
                runs += len(item.runs) if isinstance(item, Footnote) else 1
        elif isinstance(value, dict):
            for key, child in value.items():
                if key != "type":
                    count(child)
        elif isinstance(value, list):
            for child in value:
                count(child)

    count(plan["body"])
    return runs, notes


def measure(factors=FACTORS, samples: int = 3) -> str:
    from generators import render_docx
    from schemas import load_plan

    base = load_plan(json.loads((ROOT / "examples" / f"{BASE_EXAMPLE}.json").read_text(encoding="utf-8")))
    render_docx(base)  # warm caches (template, Jinja, inline parser)
    rows, previous = [], None
    for factor in factors:
        plan = repeated(base, factor)
        runs, notes = runs_and_footnotes(plan)
        times, size = [], 0
        for _ in range(samples):
            start = time.perf_counter()
            size = len(render_docx(plan))
            times.append(time.perf_counter() - start)
        value = p50(times)
        ratio = f"{value / previous:.1f}×" if previous else "—"
        rows.append([f"{factor}×", f"{runs:,}", f"{notes:,}", ms(value), ratio, f"{size // 1024:,}"])
        previous = value
        print(f"[scaling] {factor}×: {ms(value)} ms", file=sys.stderr, flush=True)
    return markdown_table(["size", "runs (body)", "footnotes", "render p50 (ms)", "ratio to previous", "DOCX KiB"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default=",".join(map(str, FACTORS)), help="comma-separated size factors")
    parser.add_argument("--samples", type=int, default=3, help="renders per size (the median is shown)")
    args = parser.parse_args(argv)
    factors = [int(value) for value in args.factors.split(",") if value]
    print(f"### {TITLE}\n")
    print(measure(factors, args.samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
