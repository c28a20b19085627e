"""The Báo cáo on the plan's results: the report's usual sections ready to
write (results, shortcomings and their causes, the way ahead,
recommendations); each specific target in a table of figures with what
was planned, what was achieved and the rate computed from them; each task
of the plan's task matrices with its lead agency, deadline and a column for
its result. Sent to those the plan reported to ("b/c")."""

from __future__ import annotations

import re

from nd30.markup import plain
from nd30.vietnamese import appendix_label
from schemas import limits

from .naming import plan_reference
from .outline import blocks_of_type, specific_targets

# Recipients a plan was sent to "for report" ("b/c", "thay b/c") are those
# its results are reported to.
FOR_REPORT = re.compile(r"\bb/c\b", re.IGNORECASE)
TASK_COLUMNS = ["content", "lead", "deadline", "result"]
ELLIPSIS = "…"


def section(heading: str, content: list[dict] | None = None) -> dict:
    return {"type": "section", "heading": heading, "content": content or []}


def see(label: str) -> list[dict]:
    return [{"type": "paragraph", "text": f"Chi tiết tại {label} kèm theo."}]


def shortened(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut after a word with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - len(ELLIPSIS)].rsplit(" ", 1)[0] + ELLIPSIS


def target_row(target: dict) -> dict:
    unit = f" ({target['unit']})" if target["unit"] else ""
    label = shortened(plain(target["text"]), limits.NAME - len(unit)) + unit
    # A figure to reach is not negative; one that is cannot be a plan's column.
    planned = target["value"] if target["value"] is not None and target["value"] >= 0 else None
    return {"label": label, "values": {"planned": planned, "achieved": None}}


def targets_appendix(targets: list[dict]) -> dict:
    return {
        "title": "Kết quả thực hiện các chỉ tiêu",
        "table": {
            "label_header": "Chỉ tiêu",
            "show_total": False,
            "columns": [
                {"key": "planned", "header": "Kế hoạch"},
                {"key": "achieved", "header": "Thực hiện"},
                {"key": "rate", "header": "Tỷ lệ đạt (%)", "kind": "rate", "of": ["achieved", "planned"], "decimals": 1},
            ],
            "rows": [target_row(target) for target in targets],
        },
    }


def task_result(task: dict) -> dict:
    return {"content": task["content"], "lead": task["lead"], "deadline": task["deadline"], "result": None}


def result_matrix(matrix: dict) -> dict:
    """The plan's matrix with its tasks' lead agencies and deadlines and a
    column for what came of each, groups and numbering kept."""
    return {
        "type": "task_matrix",
        "title": matrix["title"],
        "columns": TASK_COLUMNS,
        "tasks": [task_result(task) for task in matrix["tasks"]],
        "groups": [{"title": group["title"], "tasks": [task_result(task) for task in group["tasks"]],
                    "groups": [{"title": sub["title"], "tasks": [task_result(task) for task in sub["tasks"]]}
                               for sub in group["groups"]]}
                   for group in matrix["groups"]],
    }


def report(plan: dict, proposer: dict | None) -> dict:
    targets = specific_targets(plan["body"])
    matrices = list(blocks_of_type([plan["body"], plan["appendices"]], "task_matrix"))
    appendices = ([targets_appendix(targets)] if targets else []) + (
        [{"title": "Kết quả thực hiện các nhiệm vụ", "content": [result_matrix(matrix) for matrix in matrices]}]
        if matrices else [])
    labels = [appendix_label(index, len(appendices)) for index in range(len(appendices))]
    results = [section("Công tác chỉ đạo, triển khai thực hiện")]
    if targets:
        results.append(section("Kết quả thực hiện các chỉ tiêu", see(labels[0])))
    if matrices:
        results.append(section("Kết quả thực hiện các nhiệm vụ", see(labels[-1])))
    reference = plan_reference(plan)
    superiors = [recipient for recipient in plan["recipients"] if FOR_REPORT.search(recipient["note"] or "")]
    return {
        "schema_version": 1,
        "kind": "bao_cao",
        "issuer": plan["issuer"],
        "number": None,
        "place": plan["place"],
        "date": {"year": plan["date"]["year"]},
        "summary": f"Kết quả thực hiện {reference}",
        "addressees": [recipient["name"] for recipient in superiors],
        "body": [
            section("Kết quả thực hiện", results),
            section("Tồn tại, hạn chế và nguyên nhân", [section("Tồn tại, hạn chế"), section("Nguyên nhân")]),
            section("Phương hướng, nhiệm vụ thời gian tới"),
            section("Kiến nghị, đề xuất"),
        ],
        "closing": f"Trên đây là báo cáo kết quả thực hiện {reference}",
        "recipients": [recipient for recipient in plan["recipients"] if recipient not in superiors],
        "archive": plan["archive"],
        "signatory": plan["signatory"],
        "appendices": appendices,
    }
