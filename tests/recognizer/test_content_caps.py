"""What a .docx holds is counted before it is read (recognizer/content.py):
a document over one of the caps is refused at once with the cap's code and
a Vietnamese message, whatever the cap — text, paragraphs, runs, cells,
tables, footnotes, and paragraphs, runs or rows without text — and one
under them reads."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from recognizer import FileRefused, recognize
from recognizer.content import CAPS

RUN = "<w:r><w:t>x</w:t></w:r>"
FOOTNOTE = '<w:r><w:footnoteReference w:id="1"/></w:r>'


def _package(body: str) -> bytes:
    """A Word document whose body is ``body`` (WordprocessingML, prefix w:)."""
    source = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    document.save(source)
    original = zipfile.ZipFile(io.BytesIO(source.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            package.writestr(info.filename, data)
    return output.getvalue()


def _over(code: str) -> int:
    return CAPS[code] + 1


OVER_A_CAP = {
    "too_many_empty": "<w:p/>" * _over("too_many_empty"),
    "too_many_tables": "<w:tbl/>" * _over("too_many_tables"),
    "too_many_paragraphs": f"<w:p>{RUN}</w:p>" * _over("too_many_paragraphs"),
    "too_many_runs": "".join(f"<w:p>{RUN * 1000}</w:p>" for _ in range(_over("too_many_runs") // 1000 + 1)),
    "too_many_cells": "<w:tbl>" + f"<w:tr>{'<w:tc><w:p/></w:tc>' * 100}</w:tr>" * (_over("too_many_cells") // 100 + 1)
                      + "</w:tbl>",
    "too_much_text": f"<w:p><w:r><w:t>{'x' * 10_000}</w:t></w:r></w:p>" * (_over("too_much_text") // 10_000 + 1),
    "too_many_footnotes": f"<w:p>{FOOTNOTE * _over('too_many_footnotes')}</w:p>",
}


EMPTY_ROWS = "<w:tbl>" + "<w:tr/>" * _over("too_many_empty") + "</w:tbl>"
EMPTY_RUNS = "<w:p>" + "<w:r/>" * _over("too_many_empty") + "</w:p>"


@pytest.mark.parametrize("code", sorted(OVER_A_CAP))
def test_a_document_over_a_cap_is_refused_with_its_code_before_it_is_read(code):
    with pytest.raises(FileRefused) as refused:
        recognize(_package(OVER_A_CAP[code]))
    assert refused.value.code == code and refused.value.status == 422
    assert f"{CAPS[code]:,}".replace(",", ".") in refused.value.message  # the limit, the Vietnamese way


@pytest.mark.parametrize("body", [EMPTY_ROWS, EMPTY_RUNS], ids=["rows", "runs"])
def test_rows_without_cells_and_runs_without_text_count_as_empty(body):
    with pytest.raises(FileRefused) as refused:
        recognize(_package(body))
    assert refused.value.code == "too_many_empty"


def test_blank_lines_and_empty_runs_a_clerk_leaves_do_not_refuse_a_plan():
    body = ("<w:p/>" * 2_000 + "<w:p><w:r><w:tab/></w:r>" + RUN + "</w:p>") * 2
    result = recognize(_package(body))
    assert result["coverage"]["words"] >= 3


def test_the_api_answers_the_empty_paragraphs_cap_in_vietnamese(client):
    data = _package(OVER_A_CAP["too_many_empty"])
    # a few kilobytes uploaded: what makes it costly is inside
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").compress_size < 5_000
    response = client.post("/import", data=data, content_type="application/octet-stream")
    body = response.get_json()
    assert response.status_code == 422 and body["code"] == "too_many_empty"
    assert "xóa các dòng trống thừa" in body["message"]
