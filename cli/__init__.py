"""Command line, above the generators, the recognizer and the converters:

- ``python -m cli render PLAN.json -o OUT.docx``
- ``python -m cli import FILE -o PLAN.json`` (.docx as it is; .doc, .odt and
  .rtf converted by a LibreOffice the command starts and stops itself);
  prints the warnings, the fixes and the coverage figure

Exit status: 0 on success, 1 when the plan is invalid (every problem is
listed as "path: message [code]"), 2 on unreadable or refused input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .importing import import_document
from .rendering import render_plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cli", description="Tạo văn bản Kế hoạch (.docx) từ tệp JSON, "
                                     "hoặc đọc kế hoạch soạn bằng Word thành tệp JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="kiểm tra kế hoạch JSON và tạo tệp Word")
    render.add_argument("plan", type=Path, help="tệp kế hoạch .json")
    render.add_argument("-o", "--output", type=Path, help="tệp .docx cần tạo (mặc định: cùng tên, đuôi .docx)")
    imported = commands.add_parser("import", help="đọc kế hoạch soạn bằng Word (.docx, .doc, .odt, .rtf) thành tệp JSON")
    imported.add_argument("document", type=Path, help="tệp Word .docx, .doc, OpenDocument .odt hoặc .rtf")
    imported.add_argument("-o", "--output", type=Path, help="tệp .json cần tạo (mặc định: cùng tên, đuôi .json)")
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_document(args.document, args.output or args.document.with_suffix(".json"))
    return render_plan(args.plan, args.output or args.plan.with_suffix(".docx"))


__all__ = ["main"]
