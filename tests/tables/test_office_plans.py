"""A plan with the tables real plans carry, typed the way an office types it
(tests/recognizer/clerk_documents.py: header and signature tables, labels
typed, direct formatting; each table typed cell by cell): two four-column
tables in the body under their points, the task-assignment matrix of 40
tasks in four groups in a landscape section, a schedule appendix with group
rows. Import gives the plan back with every table in its place, and the
document re-rendered from the import shows the original's words, in order,
read from the PDFs real LibreOffice makes of both as a person reads them
(tests/pdf_pages.reading_text: a table row by row, each cell whole), the
.doc copy too."""

from __future__ import annotations

import copy
import difflib
import io
import re

import docx
import pytest

from recognizer import recognize
from tests.pdf_pages import reading_text
from tests.plans import example
from tests.recognizer.canonical import canonical
from tests.recognizer.clerk_documents import clerk_docx
from tests.recognizer.word_parts import saved_as

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TOPICS = ["rà soát thủ tục hành chính", "số hóa hồ sơ", "đánh giá mức độ hài lòng", "kiểm tra công vụ",
          "đào tạo cán bộ, công chức", "kết nối dữ liệu dân cư", "tuyên truyền cải cách hành chính",
          "đơn giản hóa chế độ báo cáo"]
AGENCIES = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính",
            "Công an tỉnh", "UBND các xã, phường, đặc khu"]
DEADLINES = ["Quý I/2026", "Quý II/2026", "Hằng năm", "Trước ngày 31/01 năm liền kề", "Tháng 12/2026"]


def task(n: int) -> dict:
    topic = TOPICS[n % len(TOPICS)]
    return {"content": f"Triển khai nhiệm vụ {n} về {topic} tại các cơ quan, đơn vị trên địa bàn tỉnh",
            "product": f"Báo cáo kết quả {topic}", "deadline": DEADLINES[n % len(DEADLINES)],
            "lead": [AGENCIES[n % len(AGENCIES)]],
            "support": [AGENCIES[(n + 2) % len(AGENCIES)], "Các sở, ban, ngành"],
            "follow_up": AGENCIES[(n + 4) % len(AGENCIES)]}


def work_table(title: str, rows: int) -> dict:
    """A four-column table of text as plans carry under a point: TT, what,
    who, when (a header of two lines), a group row halfway."""
    body = [{"cells": [f"{title} đợt {n}: {TOPICS[n % len(TOPICS)]}", AGENCIES[n % len(AGENCIES)], DEADLINES[n % 5]]}
            for n in range(1, rows + 1)]
    return {"type": "table", "number_column": "TT",
            "columns": [{"header": "Nội dung", "width": 6, "align": "justify"},
                        {"header": "Trách nhiệm thực hiện", "width": 3},
                        {"header": "Thời gian\n(Năm 2026)", "width": 2, "align": "center"}],
            "rows": [{"group": f"{title} cấp tỉnh"}, *body[: rows // 2], {"group": f"{title} cấp xã"}, *body[rows // 2:]]}


def schedule() -> dict:
    units = [{"group": "Cơ quan chuyên môn cấp tỉnh"}]
    units += [{"cells": [f"Sở, ngành thứ {n}: {AGENCIES[n % len(AGENCIES)]}", f"Tháng {n % 9 + 3}/2026"]} for n in range(1, 16)]
    units.append({"group": "Ủy ban nhân dân cấp xã"})
    units += [{"cells": [f"Ủy ban nhân dân xã thứ {n}", f"Tháng {n % 9 + 3}/2026"]} for n in range(1, 16)]
    return {"title": "Lịch kiểm tra công tác cải cách hành chính năm 2026",
            "content": [{"type": "table", "number_column": "STT",
                         "columns": [{"header": "Đơn vị được kiểm tra", "width": 6},
                                     {"header": "Thời gian kiểm tra", "width": 3, "align": "center"}],
                         "rows": units}]}


def office_plan() -> dict:
    """The example plan with the tables of a province's plan added."""
    plan = copy.deepcopy(example("cai-cach-hanh-chinh-2026"))
    tasks_part = next(block for block in plan["body"] if block["type"] == "tasks")
    points = next(block for block in tasks_part["content"] if block["type"] == "points")
    points["items"][0]["content"] = [work_table("Tuyên truyền", 10)]
    points["items"][1]["content"] = [work_table("Kiểm tra", 12)]
    matrix = plan["appendices"][0]["content"][0]
    for number, group in enumerate(matrix["groups"]):
        group["tasks"] = [task(10 * number + n) for n in range(10)]
        group.pop("groups", None)
    plan["appendices"].append(schedule())
    return plan


def with_merged_task_cells(data: bytes) -> bytes:
    """The matrix with one task's lead and coordinating cells merged, as
    offices do for "all agencies" rows."""
    document = docx.Document(io.BytesIO(data))
    matrix = next(t for t in document.tables if "Chủ trì thực hiện" in [c.text for c in t.rows[0].cells])
    row = matrix.rows[3]
    row.cells[4].merge(row.cells[5])
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def blocks_of(plan: dict, kind: str) -> list[dict]:
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("type") == kind:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(plan)
    return found


def words(text: str) -> list[str]:
    return re.sub(r"[*#]", " ", text).lower().split()


def in_order(original: str, produced: str) -> tuple[float, float]:
    """Shares of the original's words found in the produced text in order,
    and of the produced text's words that are the original's."""
    source, result = words(original), words(produced)
    matcher = difflib.SequenceMatcher(None, source, result, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(source), matched / len(result)


def test_every_table_comes_back_in_its_place():
    plan = office_plan()
    result = recognize(clerk_docx(plan))
    assert result["warnings"] == []
    assert result["coverage"]["share"] == 1.0
    assert canonical(result["plan"]) == canonical(plan)
    (matrix,) = blocks_of(result["plan"], "task_matrix")
    assert [len(group["tasks"]) for group in matrix["groups"]] == [10, 10, 10, 10]
    tables = blocks_of(result["plan"], "table")
    assert [len(t["rows"]) for t in tables] == [12, 14, 32]


def test_merged_task_cells_keep_their_words_and_say_so():
    result = recognize(with_merged_task_cells(clerk_docx(office_plan())))
    assert [warning["code"] for warning in result["warnings"]] == ["merged_task_cells"]
    assert result["coverage"]["share"] == 1.0


def reimported(client, data: bytes, content_type: str) -> str:
    response = client.post("/import?format=pdf", data=data, content_type=content_type)
    assert response.status_code == 200, response.get_json()
    return reading_text(response.data)


@pytest.mark.libreoffice
def test_reimported_office_plan_shows_the_originals_words(pdf_client):
    data = with_merged_task_cells(clerk_docx(office_plan()))
    original = reading_text(pdf_client.application.extensions["converter"].convert(data))
    recall, precision = in_order(original, reimported(pdf_client, data, DOCX))
    assert recall >= 0.98, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_doc_copy_of_the_office_plan(pdf_client, tmp_path):
    data = with_merged_task_cells(clerk_docx(office_plan()))
    doc = saved_as(data, tmp_path).read_bytes()
    assert doc.startswith(b"\xd0\xcf\x11\xe0")
    original = reading_text(pdf_client.application.extensions["converter"].convert(data))
    recall, precision = in_order(original, reimported(pdf_client, doc, "application/msword"))
    assert recall >= 0.98, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"
