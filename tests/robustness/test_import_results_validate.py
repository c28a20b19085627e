"""Every import answer is a plan that validates, or a 4xx with its code: Word
documents made the way clerks type them (labels, bold headings, run-in text,
recipients, signatures), with tables and up to 400 footnote references (the
attack's 1,000 and 3,000 too), imported through POST /import. A plan that a
document yields but that does not validate comes back in a 422 with its
errors, never in a 200."""

from __future__ import annotations

import io

import docx
from hypothesis import example, given
from hypothesis import strategies as st

from bench.hostile_documents import add_footnotes
from recognizer.refusals import STATUS
from schemas import load_plan

from . import strategies as S
from .profiles import fuzz_settings

LABELS = ["", "I. ", "II. ", "1. ", "2. ", "1.1. ", "1.1.1. ", "a) ", "đ) ", "- ", "+ ", "• ", "Căn cứ ", "Thực hiện ",
          "Nơi nhận:", "- Lưu: VT", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "KẾ HOẠCH",
          "Số: 5/KH-UBND", "ngày 5 tháng 3 năm 2024", "Trên đây là Kế hoạch "]  # fmt: skip
REFUSAL_CODES = set(STATUS) - {"too_large"}


@st.composite
def clerk_documents(draw) -> bytes:
    document = docx.Document()
    for _ in range(draw(st.integers(0, 40))):
        paragraph = document.add_paragraph(draw(st.sampled_from(LABELS)))
        for _ in range(draw(st.integers(1, 3))):
            run = paragraph.add_run(draw(S.text(60, long=False)))
            run.bold, run.italic = draw(st.booleans()), draw(st.booleans())
    if draw(st.booleans()):
        rows, columns = draw(st.integers(1, 6)), draw(st.integers(1, 5))
        table = document.add_table(rows=rows, cols=columns)
        for row in table.rows:
            for cell in row.cells:
                cell.text = draw(st.one_of(st.sampled_from(["TT", "Thôn", "Tổng cộng", "3.022", "0,36", ""]),
                                           S.text(20, long=False)))  # fmt: skip
    references = draw(st.one_of(st.integers(0, 12), st.integers(90, 400)))
    if references:
        add_footnotes(document, references, draw(st.integers(1, references)))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def footnoted(references: int, footnotes: int) -> bytes:
    document = docx.Document()
    document.add_paragraph("I. NỘI DUNG")
    add_footnotes(document, references, footnotes)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


@fuzz_settings("api")
@given(clerk_documents())
@example(footnoted(1000, 1))
@example(footnoted(3000, 3000))
@example(footnoted(100, 100))
def test_every_import_answer_validates_or_is_refused_with_its_code(docx_client, data):
    response = docx_client.post("/import", data=data, content_type="application/octet-stream")
    answer = response.get_json()
    if response.status_code == 200:
        load_plan(answer["plan"])
    else:
        assert response.status_code == 422, (response.status_code, answer)
        assert answer["code"] in REFUSAL_CODES | {"invalid_plan"}, answer
        if answer["code"] == "invalid_plan":
            assert answer["errors"] and "plan" in answer  # the plan comes back with what is wrong in it
