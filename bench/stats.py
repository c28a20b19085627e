"""Small statistics and formatting helpers (no numpy needed), and timing."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Sequence


def timed(function, samples: int, warmup: int = 2) -> list[float]:
    """Seconds of ``samples`` calls of ``function``, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile, linear between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def p50(values: Sequence[float]) -> float:
    return percentile(values, 0.50)


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def p99(values: Sequence[float]) -> float:
    return percentile(values, 0.99)


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table cell."""
    if seconds is None or math.isnan(seconds):
        return "n/a"
    value = seconds * 1000
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def ratio(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.2f}×"


def mib(kib: int | None) -> str:
    if not kib:
        return "n/a"
    return f"{kib / 1024:.0f}"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table, readable as plain text too."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(header)), *(len(row[i]) for row in cells)) if cells else len(str(header))
              for i, header in enumerate(headers)]
    numeric = [all(_looks_numeric(row[i]) for row in cells) and bool(cells) for i in range(len(headers))]

    def line(values):
        parts = [value.rjust(width) if right else value.ljust(width)
                 for value, width, right in zip(values, widths, numeric)]
        return "| " + " | ".join(parts) + " |"

    separator = "|" + "|".join(("-" * (w + 1) + ":") if right else ("-" * (w + 2))
                               for w, right in zip(widths, numeric)) + "|"
    return "\n".join([line([str(h) for h in headers]), separator, *(line(row) for row in cells)])


def _looks_numeric(text: str) -> bool:
    stripped = text.rstrip("×%").replace(".", "", 1).replace("-", "", 1)
    return stripped.isdigit() or text in ("n/a", "")


def publish(text: str, output: Path | None, passed: bool) -> int:
    """Print a report, also write it to ``output`` if given; the exit status of its verdict."""
    print(text)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return 0 if passed else 1
