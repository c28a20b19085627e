"""Tables typed the way offices type them (python-docx, direct formatting,
no repeated-header flag, merged cells): the task matrix of a provincial
plan, a four-column table in the body, a schedule with group rows."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from recognizer.notes import Notes
from recognizer.reading import Table, read
from recognizer.tables import read_table, read_task_matrix, task_matrix_score
from schemas import load_plan
from tests.plans import plan

MATRIX_HEADERS = ("STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
                  "Theo dõi, kiểm tra, đôn đốc")


def typed_table(rows: list[list[str]], bold_rows=(0,), merges=(), center_columns=()):
    """A .docx holding one table as a clerk types it; ``merges`` are
    ((row, column), (row, column)) corners of merged ranges."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for (top, left), (bottom, right) in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is None:
                continue  # covered by a merge
            cell = table.cell(r, c)
            lines = value.split("\n")
            cell.paragraphs[0].text = ""
            for index, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                run = paragraph.add_run(line)
                run.bold = r in bold_rows
                if c in center_columns or r in bold_rows:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    output = io.BytesIO()
    document.save(output)
    (word_table,) = [item for item in read(output.getvalue()).items if isinstance(item, Table)]
    return word_table


def valid(block: dict) -> dict:
    return load_plan(plan(body=[{"type": "section", "heading": "x", "content": [block]}]))["body"][0]["content"][0]


def test_a_task_matrix_as_a_province_types_it():
    rows = [
        list(MATRIX_HEADERS),
        ["I", "Cải cách thể chế", None, None, None, None, None],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Báo cáo", "Quý II/2026", "Sở Tư pháp",
         "Các sở, ban, ngành;\nUBND các xã, phường, đặc khu", "Văn phòng UBND tỉnh"],
        ["2", "Theo dõi thi hành pháp luật", "Kế hoạch", "Hằng năm", "Sở Tư pháp", "Các sở, ban, ngành", "Sở Nội vụ"],
        ["II", "Cải cách thủ tục hành chính", None, None, None, None, None],
        ["1", "Số hóa hồ sơ thủ tục hành chính", "Hồ sơ được số hóa", "Hằng tháng",
         "Các sở, ngành và UBND cấp xã theo chức năng", None, "Văn phòng UBND tỉnh"],
    ]
    merges = [((1, 1), (1, 6)), ((4, 1), (4, 6)), ((5, 4), (5, 5))]
    table = typed_table(rows, bold_rows=(0, 1, 4), merges=merges, center_columns=(0, 3))
    assert task_matrix_score(table) > 0.5
    notes = Notes()
    matrix = valid(read_task_matrix(table, notes))
    assert matrix["columns"] == ["content", "product", "deadline", "lead", "support", "follow_up"]
    assert [group["title"] for group in matrix["groups"]] == ["Cải cách thể chế", "Cải cách thủ tục hành chính"]
    first = matrix["groups"][0]["tasks"][0]
    assert first["lead"] == ["Sở Tư pháp"]
    assert first["support"] == ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]
    assert first["deadline"] == "Quý II/2026" and first["follow_up"] == "Văn phòng UBND tỉnh"
    # Cells merged across the lead and support columns: the words kept in the lead, with a warning.
    merged = matrix["groups"][1]["tasks"][0]
    assert merged["lead"] == ["Các sở, ngành và UBND cấp xã theo chức năng"] and merged["support"] == []
    assert [warning["code"] for warning in notes.warnings] == ["merged_task_cells"]


def test_headers_in_other_words_and_order():
    rows = [["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"],
            ["1", "Tuyên truyền", "Sở Văn hóa", "Báo Khánh Hòa", "Quý I", ""]]
    matrix = valid(read_task_matrix(typed_table(rows), Notes()))
    assert matrix["columns"] == ["content", "lead", "support", "deadline", "notes"]
    assert matrix["number_header"] == "TT"
    assert matrix["headers"] == rows[0][1:]  # the office's own headers are printed again


def test_a_four_column_table_in_the_body_stays_a_table():
    rows = [["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian\n(Năm 2026)"],
            ["1", "Hội nghị quán triệt", "Phòng Nội vụ", "Quý I"],
            ["2", "Kiểm tra tại các xã", "Văn phòng HĐND và UBND", "Quý III"]]
    table = typed_table(rows, center_columns=(0, 3))
    assert task_matrix_score(table) == 0
    block = valid(read_table(table, Notes()))
    assert block["number_column"] == "TT"
    assert [column["header"] for column in block["columns"]] == rows[0][1:]
    assert block["columns"][2]["align"] == "center"
    assert [row["cells"][0]["text"] for row in block["rows"]] == ["Hội nghị quán triệt", "Kiểm tra tại các xã"]


def test_a_schedule_with_group_rows():
    rows = [["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
            ["I", "Cơ quan chuyên môn cấp tỉnh", None],
            ["1", "Sở Tài chính", "Tháng 4/2026"],
            ["2", "Sở Xây dựng", "Tháng 5/2026"],
            ["II", "Ủy ban nhân dân cấp xã", None],
            ["1", "Xã Vạn Ninh", "Tháng 6/2026"]]
    table = typed_table(rows, bold_rows=(0, 1, 4), merges=[((1, 1), (1, 2)), ((4, 1), (4, 2))])
    block = valid(read_table(table, Notes()))
    assert block["number_column"] == "STT"
    assert [row["group"] for row in block["rows"] if row["group"]] == ["Cơ quan chuyên môn cấp tỉnh", "Ủy ban nhân dân cấp xã"]
    assert [row["cells"][0]["text"] for row in block["rows"] if row["cells"]] == ["Sở Tài chính", "Sở Xây dựng", "Xã Vạn Ninh"]


def test_numbers_the_generator_would_not_print_stay_a_column():
    """Numbering that runs on across groups is the office's: kept as typed."""
    rows = [["STT", "Đơn vị"], ["I", "Cấp tỉnh"], ["1", "Sở A"], ["II", "Cấp xã"], ["2", "Xã B"]]
    block = valid(read_table(typed_table(rows, bold_rows=(0, 1, 3), merges=[]), Notes()))
    assert block["number_column"] is None
    assert [cell["text"] for row in block["rows"] for cell in (row["cells"] or [])][:4] == ["**I**", "**Cấp tỉnh**", "1", "Sở A"]


def test_a_table_without_rows_is_no_task_matrix():
    """A <w:tbl> with no <w:tr> (found by the mutated Word files: it was a 500)."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    table._tbl.remove(table.rows[0]._tr)
    output = io.BytesIO()
    document.save(output)
    (word_table,) = [item for item in read(output.getvalue()).items if isinstance(item, Table)]
    assert task_matrix_score(word_table) == 0.0
    assert read_task_matrix(word_table, Notes()) is None
