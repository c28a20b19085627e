"""Command line:

- ``python -m generators render PLAN.json -o OUT.docx``
- ``python -m generators import FILE.docx -o PLAN.json`` (prints the warnings and fixes)

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
    imported = commands.add_parser("import", help="đọc kế hoạch soạn bằng Word (.docx) thành tệp kế hoạch JSON")
    imported.add_argument("document", type=Path, help="tệp Word .docx")
    imported.add_argument("-o", "--output", type=Path, help="tệp .json cần tạo (mặc định: cùng tên, đuôi .json)")
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_document(args.document, args.output or args.document.with_suffix(".json"))

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


def import_document(source: Path, output: Path) -> int:
    from recognizer import FileRefused, recognize

    try:
        result = recognize(source.read_bytes())
    except OSError as error:
        print(f"Không đọc được {source}: {error}", file=sys.stderr)
        return 2
    except FileRefused as refused:
        print(f"{source}: {refused.message} [{refused.code}]", file=sys.stderr)
        return 2
    for title, items in (("Cảnh báo", result["warnings"]), ("Đã sửa theo Nghị định 30", result["fixes"])):
        for item in items:
            where = f"đoạn {item['paragraph']}" if item["paragraph"] else item["path"] or "-"
            excerpt = f" «{item['excerpt']}»" if item["excerpt"] else ""
            print(f"{title} [{item['code']}] {where}{excerpt}: {item['message']}")
    output.write_text(json.dumps(result["plan"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Đã tạo {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
