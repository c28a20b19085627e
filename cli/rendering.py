"""``python -m cli render PLAN.json -o OUT.docx``: the plan checked, every
problem listed, or the Word document written."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generators import render_docx
from schemas import PlanInvalid, load_plan


def render_plan(source: Path, output: Path) -> int:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"Không đọc được {source}: {error}", file=sys.stderr)
        return 2
    try:
        plan = load_plan(data)
    except PlanInvalid as invalid:
        print(f"{source}: kế hoạch có {len(invalid.errors)} lỗi:", file=sys.stderr)
        for error in invalid.errors:
            print(f"  {error['path'] or '(gốc)'}: {error['message']} [{error['code']}]", file=sys.stderr)
        return 1
    output.write_bytes(render_docx(plan))
    print(f"Đã tạo {output}")
    return 0
