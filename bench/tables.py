"""Task matrices: render, import and PDF cost by size.

``python -m bench.tables [--samples 7] [--no-pdf]``

A plan whose appendix holds a task matrix of 50, 200 and 800 tasks (1×, 4×,
16×; 8 groups, long cells, six columns): DOCX render and import (the whole
recognizer on the rendered file) p50 and their ratio to the previous size —
near 4 when the cost is linear in the rows. The 200-task matrix's PDF
through the service's converter pool is compared with one conversion by an
unoserver instance of the benchmark's own (interleaved). Sizes past the
whole-plan caps are measured on the validated smaller plan repeated, as
``bench.scaling`` does: this measures the code, not the limits. Importing
such a document reads it whole and then refuses it (too_much_content): its
time is the time to that refusal.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time

from .stats import markdown_table, ms, p50

GROUPS = 8
BASE_TASKS = 50
FACTORS = (1, 4, 16)
LONG = ("rà soát, sửa đổi, bổ sung các quy định về phân cấp, ủy quyền trong quản lý nhà nước; kiến nghị "
        "bãi bỏ những quy định không còn phù hợp với mô hình chính quyền địa phương hai cấp")


def task(number: int) -> dict:
    return {"content": f"Nhiệm vụ {number}: {LONG}", "product": "Báo cáo kết quả; dự thảo văn bản",
            "deadline": f"Quý {1 + number % 4}/2026", "lead": ["Sở Tư pháp"],
            "support": ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], "follow_up": "Văn phòng UBND tỉnh"}


def matrix_plan(tasks: int) -> dict:
    from tests.plans import plan  # the smallest valid plan around the matrix

    per_group = tasks // GROUPS
    groups = [{"title": f"Nhóm nhiệm vụ {g + 1}", "tasks": [task(g * per_group + i) for i in range(per_group)]}
              for g in range(GROUPS)]
    matrix = {"type": "task_matrix", "columns": ["content", "product", "deadline", "lead", "support", "follow_up"],
              "groups": groups}
    return plan(appendices=[{"title": "Phân công thực hiện nhiệm vụ", "content": [matrix]}])


def scaled(validated: dict, factor: int) -> dict:
    grown = copy.deepcopy(validated)
    matrix = grown["appendices"][0]["content"][0]
    for group in matrix["groups"]:
        group["tasks"] = group["tasks"] * factor
    return grown


def timed(function, samples: int) -> list[float]:
    function()  # warm
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def measure(samples: int) -> tuple[str, dict]:
    from generators import render_docx
    from recognizer import TooMuchContent, recognize
    from schemas import load_plan

    base = load_plan(matrix_plan(BASE_TASKS))
    rows, figures, previous = [], {}, None
    for factor in FACTORS:
        plan = scaled(base, factor)
        document = render_docx(plan)
        render = p50(timed(lambda: render_docx(plan), samples))
        refused = []

        def read_back():
            try:
                recognize(document)
            except TooMuchContent:  # over a plan's caps: read whole, then refused
                refused.append(True)

        imported = p50(timed(read_back, samples))
        ratios = (f"{render / previous[0]:.1f}×", f"{imported / previous[1]:.1f}×") if previous else ("—", "—")
        rows.append([f"{BASE_TASKS * factor} ({factor}×)", ms(render), ratios[0],
                     ms(imported) + (" (refused: over the caps)" if refused else ""), ratios[1],
                     f"{len(document) // 1024:,}"])
        figures[BASE_TASKS * factor] = {"render": render, "import": imported, "docx": document}
        previous = (render, imported)
        print(f"[tables] {BASE_TASKS * factor} tasks: render {ms(render)} ms, import {ms(imported)} ms",
              file=sys.stderr, flush=True)
    table = markdown_table(["tasks", "DOCX render p50 (ms)", "ratio", "import p50 (ms)", "ratio", "DOCX KiB"], rows)
    return table, figures


def measure_pdf(document: bytes, samples: int) -> str:
    from converters import UnoserverPool

    from .lo import DirectUnoserver

    pool = UnoserverPool(1, timeout=120, recycle_after=None)  # never recycled: 0 would mean after every conversion
    pool.start()
    try:
        if not pool.wait_ready(timeout=120, count=1):
            raise RuntimeError(f"the pool did not start: {pool.status()}")
        with DirectUnoserver() as direct:
            service, own = [], []
            for function in (lambda: pool.convert(document), lambda: direct.convert(document)):
                function()  # warm both
            for index in range(samples):
                pair = [(lambda: pool.convert(document), service), (lambda: direct.convert(document), own)]
                for function, times in (pair if index % 2 == 0 else pair[::-1]):
                    started = time.perf_counter()
                    function()
                    times.append(time.perf_counter() - started)
    finally:
        pool.close()
    ratio = p50(service) / p50(own)
    return markdown_table(["200-task matrix", "converter pool p50 (ms)", "direct unoserver p50 (ms)", "ratio"],
                          [["PDF", ms(p50(service)), ms(p50(own)), f"{ratio:.2f}×"]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tables", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=7, help="runs per size (the median is shown)")
    parser.add_argument("--no-pdf", action="store_true", help="DOCX and import only: no LibreOffice")
    args = parser.parse_args(argv)
    table, figures = measure(args.samples)
    print("### Task matrices: render and import by size\n")
    print(table)
    if not args.no_pdf:
        print("\n### The 200-task matrix as PDF\n")
        print(measure_pdf(figures[BASE_TASKS * 4]["docx"], max(3, args.samples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
