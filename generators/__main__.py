"""Command line: ``python -m generators render PLAN.json -o OUT.docx``.

Exit status: 0 on success, 1 when the plan is invalid (every problem is
listed as "path: message [code]"), 2 on unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from schemas import PlanInvalid, load_plan

from . import render_docx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generators", description="Tạo văn bản Kế hoạch (.docx) từ tệp JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="kiểm tra kế hoạch JSON và tạo tệp Word")
    render.add_argument("plan", type=Path, help="tệp kế hoạch .json")
    render.add_argument("-o", "--output", type=Path, help="tệp .docx cần tạo (mặc định: cùng tên, đuôi .docx)")
    args = parser.parse_args(argv)

    try:
        data = json.loads(args.plan.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"Không đọc được {args.plan}: {error}", file=sys.stderr)
        return 2
    try:
        plan = load_plan(data)
    except PlanInvalid as invalid:
        print(f"{args.plan}: kế hoạch có {len(invalid.errors)} lỗi:", file=sys.stderr)
        for error in invalid.errors:
            print(f"  {error['path'] or '(gốc)'}: {error['message']} [{error['code']}]", file=sys.stderr)
        return 1
    output = args.output or args.plan.with_suffix(".docx")
    output.write_bytes(render_docx(plan))
    print(f"Đã tạo {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
