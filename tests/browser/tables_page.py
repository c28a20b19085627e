"""What a test does with the tables of the form (grid editor, task list
editor), in the clerk's terms; and what it reads back from the files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import openpyxl
from docx.oxml.ns import qn

# The example with a body table under a point and a task-matrix appendix.
REFORM_PLAN = Path(__file__).resolve().parents[2] / "examples" / "cai-cach-hanh-chinh-2026.json"


def reform_plan() -> dict:
    return json.loads(REFORM_PLAN.read_text(encoding="utf-8"))


def block(page, index: int = 0):
    """The index-th table or task matrix standing in the text (body first, then appendices)."""
    return page.locator(".pm-block").nth(index)


def tool(block_locator, label: str):
    """A button of a table's toolbar, by its accessible name."""
    return block_locator.get_by_role("button", name=label, exact=True)


def paste(locator, text: str, html: str | None = None) -> None:
    """A paste into the element, with this clipboard (what Excel puts on it)."""
    locator.evaluate(
        """(el, [text, html]) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          if (html) data.setData('text/html', html);
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }""",
        [text, html],
    )


def word_tables(data: bytes) -> list[list[list[str]]]:
    """Every table of the Word file as rows of cell texts (a merged cell once, where it starts)."""
    document = docx.Document(io.BytesIO(data))
    tables = []
    for table in document.element.body.iter(qn("w:tbl")):
        rows = []
        for tr in table.iter(qn("w:tr")):
            cells = []
            for tc in tr.iter(qn("w:tc")):
                merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                if merge is not None and merge.get(qn("w:val")) != "restart":
                    continue  # the continuation of a cell merged down
                paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                cells.append("\n".join(paragraphs))
            rows.append(cells)
        tables.append(rows)
    return tables


def merged_down(data: bytes) -> list[str]:
    """The text of every cell of the Word file that starts a vertical merge."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for tc in document.element.body.iter(qn("w:tc")):
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if merge is not None and merge.get(qn("w:val")) == "restart":
            texts.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return texts


def sheet_rows(data: bytes) -> list[list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def task_workbook(path: Path) -> None:
    """A sheet as an office keeps its task assignments: headers, group rows, tasks."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Nhiệm vụ", "Chủ trì thực hiện", "Phối hợp thực hiện", "Thời gian hoàn thành"])
    sheet.append(["I", "Tuyên truyền", None, None, None])
    sheet.merge_cells("B2:E2")
    sheet.append([1, "In tờ rơi về phân loại rác", "Công chức Văn hóa - Xã hội", "Các thôn", "Quý I/2025"])
    sheet.append([2, "Phát thanh trên loa truyền thanh xã", "Công chức Văn hóa - Xã hội", None, "Hằng tuần"])
    sheet.append(["II", "Ra quân", None, None, None])
    sheet.merge_cells("B5:E5")
    sheet.append([1, "Tổng vệ sinh đường làng, ngõ xóm", "Trưởng các thôn", "Đoàn Thanh niên xã", "Chủ nhật cuối tháng"])
    workbook.save(path)
