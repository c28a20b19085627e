"""Excel both ways: the task matrices of a plan as a workbook for the office
that follows it up, and a sheet, a CSV file or a pasted range made into a
table or a task list."""

from __future__ import annotations

import io

import openpyxl
from openpyxl.styles import Font

from tests.plans import example, plan

from .test_reading import printed


def plan_with_tasks() -> dict:
    return example("cai-cach-hanh-chinh-2026")


def workbook_of(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_task_matrix_downloads_one_row_per_task_with_its_group(client):
    response = client.post("/export/tasks", json=plan_with_tasks())
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "Phan-cong-KH-42-UBND-2026.xlsx" in response.headers["Content-Disposition"]
    sheet = workbook_of(response.data).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Nhóm", "Nhóm con", "Nhiệm vụ")
    matrix = plan_with_tasks()["appendices"][0]["content"][0]
    tasks = sum(len(g["tasks"]) + sum(len(s["tasks"]) for s in g.get("groups", [])) for g in matrix["groups"])
    assert len(rows) - 1 == tasks
    first = rows[1]
    assert first[1] == "I. Cải cách thể chế" and first[7] == "Các sở, ban, ngành; UBND các xã, phường, đặc khu"
    assert ("1.1", "III. Cải cách tổ chức bộ máy và chế độ công vụ", "1. Đánh giá, xếp loại cán bộ, công chức") == rows[-2][:3]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_the_workbook_comes_back_as_the_same_task_matrix(client):
    workbook = client.post("/export/tasks", json=plan_with_tasks()).data
    result = client.post("/import/table", data={"file": (io.BytesIO(workbook), "phan-cong.xlsx")}).get_json()
    assert result["warnings"] == []
    assert printed(result["block"]) == printed(plan_with_tasks()["appendices"][0]["content"][0])


def test_a_sheet_typed_by_an_office_becomes_a_task_list(client):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"])
    sheet.append(["I", "Cải cách thể chế"])
    sheet.merge_cells("B2:E2")
    sheet.append([1, "Rà soát văn bản", "Sở Tư pháp", "Các sở, ngành;\nUBND các xã", "Quý II"])
    sheet.append([2, "Theo dõi thi hành pháp luật", "Sở Tư pháp", None, "Hằng năm"])
    for cell in (*sheet[1], *sheet[2]):
        cell.font = Font(bold=True)
    data = io.BytesIO()
    book.save(data)
    result = client.post("/import/table", data={"file": (io.BytesIO(data.getvalue()), "ke-hoach.xlsx")}).get_json()
    block = result["block"]
    assert block["type"] == "task_matrix"
    assert block["columns"] == ["content", "lead", "support", "deadline"]
    (group,) = block["groups"]
    assert group["title"] == "Cải cách thể chế"
    assert [task["content"] for task in group["tasks"]] == ["Rà soát văn bản", "Theo dõi thi hành pháp luật"]
    assert group["tasks"][0]["support"] == ["Các sở, ngành", "UBND các xã"]
    assert client.post("/validate", json=plan(appendices=[{"title": "Phân công", "content": [block]}])).status_code == 200


def test_a_pasted_range_becomes_a_table(client):
    text = "TT\tNội dung\tThời gian\n1\tHội nghị\tQuý I\n2\tKiểm tra\tQuý III\n"
    block = client.post("/import/table", json={"text": text}).get_json()["block"]
    assert block["number_column"] == "TT"
    assert [c["header"] for c in block["columns"]] == ["Nội dung", "Thời gian"]
    html = ("<table><tr><th>Nội dung</th><th>Đơn vị</th></tr>"
            "<tr><td>Việc một</td><td rowspan='2'>Sở Nội vụ</td></tr><tr><td>Việc hai</td></tr></table>")
    block = client.post("/import/table", json={"html": html}).get_json()["block"]
    assert block["rows"][0]["cells"][1] == {"text": "Sở Nội vụ", "rowspan": 2}
    assert block["rows"][1]["cells"] == ["Việc hai"]


def test_refusals_say_what_is_wrong(client):
    no_matrix = client.post("/export/tasks", json=example("minimal"))
    assert (no_matrix.status_code, no_matrix.get_json()["code"]) == (422, "no_task_matrix")
    assert client.post("/import/table", json={}).get_json()["code"] == "missing_table"
    wrong = client.post("/import/table", json={"text": "a\tb", "html": [1]}).get_json()
    assert (wrong["code"], [error["path"] for error in wrong["errors"]]) == ("missing_table", ["html"])
    unnamed = client.post("/import/table", data={"file": (io.BytesIO(b"a,b\n1,2"), "")}, content_type="multipart/form-data")
    assert (unnamed.status_code, unnamed.get_json()["code"]) == (415, "unsupported_file")
    csv_file = client.post("/import/table", data={"file": (io.BytesIO("Việc,Đơn vị\nA,B".encode()), "bang.csv")})
    assert csv_file.get_json()["block"]["columns"][1]["header"] == "Đơn vị"
    broken = client.post("/import/table", data=b"PK\x03\x04broken", content_type="application/octet-stream")
    assert (broken.status_code, broken.get_json()["code"]) == (422, "unreadable_sheet")
    wide = "\t".join(f"c{i}" for i in range(40))
    too_wide = client.post("/import/table", json={"text": wide})
    assert (too_wide.status_code, too_wide.get_json()["code"]) == (413, "table_too_large")
    no_file = client.post("/import/table", data={"sheet": "Trang 1"}, content_type="multipart/form-data")
    assert (no_file.status_code, no_file.get_json()["code"]) == (400, "missing_file")
    empty = client.post("/import/table", json={"text": "\n\t\n"})
    assert (empty.status_code, empty.get_json()["code"]) == (400, "no_table")


def test_a_single_column_of_text_is_a_table(client):
    """One value a line, no delimiter for the CSV sniffer to find (it once
    raised, and the route answered 500)."""
    block = client.post("/import/table", json={"text": "Nội dung\nViệc một\nViệc hai"}).get_json()["block"]
    assert [column["header"] for column in block["columns"]] == ["Nội dung"]
    assert [row["cells"] for row in block["rows"]] == [["Việc một"], ["Việc hai"]]
