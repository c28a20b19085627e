"""An appendix issued as a file of its own: the .docx cut from the rendered
plan, and its PDF/A with the organisation's signature field at the top right
of its first page (Decree 30, Appendix I, Part II, VIII.1.d)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pypdf import PdfReader

from generators import render_docx
from generators.appendix_file import appendix_docx
from publishing import ORGANIZATION
from schemas import load_plan
from tests.docx_reading import visible_lines
from tests.pdf_pages import read_pages
from tests.plans import example

from .pdf_checks import assert_signed_by_the_organisation_at_the_top_right
from .signing import sign, signature_status, throwaway_identity

NOTE = "Danh sách thôn được Ủy ban nhân dân xã rà soát hằng năm."


def two_appendices() -> dict:
    data = example("dai-lanh-2024")
    data["appendices"].append({"title": "Danh sách thôn", "notes": [{"type": "paragraph", "text": NOTE}]})
    return data


def opened(document: bytes) -> docx.Document:
    return docx.Document(io.BytesIO(document))


@pytest.mark.parametrize(("index", "label", "orientation"), [(0, "Phụ lục I", WD_ORIENT.LANDSCAPE),
                                                              (1, "Phụ lục II", WD_ORIENT.PORTRAIT)])
def test_one_appendix_cut_from_the_plan(index, label, orientation):
    plan = load_plan(two_appendices())
    document = opened(appendix_docx(render_docx(plan), plan, index))
    lines = visible_lines(document)
    assert lines[0] == label
    assert lines[1] == plan["appendices"][index]["title"].upper()
    assert lines[2].startswith("(Kèm theo Kế hoạch số")
    assert not any("CỘNG HÒA" in line or "Nơi nhận" in line for line in lines)  # nothing of the plan itself
    assert (NOTE in lines) == (index == 1)
    assert len(document.tables) == (1 if index == 0 else 0)
    assert len(document.sections) == 1
    section = document.sections[0]
    assert section.orientation == orientation
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_there_is_no_appendix_beyond_the_last():
    plan = load_plan(two_appendices())
    with pytest.raises(IndexError):
        appendix_docx(render_docx(plan), plan, 2)


def test_the_api_answers_the_appendix_as_docx(client):
    response = client.post("/render/appendices/2", json=two_appendices())
    assert response.status_code == 200, response.get_json()
    assert response.headers["Content-Disposition"] == "attachment; filename=KH-UBND-2024-PL2.docx"
    assert visible_lines(opened(response.data))[0] == "Phụ lục II"


@pytest.mark.parametrize(("number", "message"), [(2, "Kế hoạch có 1 phụ lục; không có phụ lục số 2."),
                                                 (0, "Kế hoạch có 1 phụ lục; không có phụ lục số 0.")])
def test_an_appendix_the_plan_does_not_have(client, number, message):
    response = client.post(f"/render/appendices/{number}", json=example("dai-lanh-2024"))
    assert response.status_code == 404
    assert response.get_json() == {"status": 404, "code": "appendix_not_found", "message": message, "errors": []}


def test_a_plan_without_appendices(client):
    response = client.post("/render/appendices/1", json=example("minimal"))
    assert response.status_code == 404
    assert response.get_json()["message"] == "Kế hoạch không có phụ lục nào; không có phụ lục số 1."


@pytest.mark.parametrize(("query", "code", "named"), [("format=odt", "invalid_format", "format"),
                                                       ("pdf=pdfx", "invalid_pdf", "pdf")])
def test_wrong_parameters_are_refused_by_name(client, query, code, named):
    response = client.post(f"/render/appendices/1?{query}", json=example("dai-lanh-2024"))
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == code
    assert body["message"].startswith(f"Tham số {named} chỉ nhận")


@pytest.mark.libreoffice
@pytest.mark.parametrize("number", [1, 2])
def test_the_appendix_pdf_is_signed_by_the_organisation_at_the_top_right(pdf_client, number):
    response = pdf_client.post(f"/render/appendices/{number}?format=pdf", json=two_appendices())
    page = assert_signed_by_the_organisation_at_the_top_right(response)
    assert page.lines[0].text == ("Phụ lục I" if number == 1 else "Phụ lục II")
    identity = throwaway_identity("UBND xã Đại Lãnh")
    signed = sign(response.data, ORGANIZATION, identity)
    status = signature_status(signed, ORGANIZATION, identity)
    assert status.intact and status.valid and status.coverage == SignatureCoverageLevel.ENTIRE_FILE


@pytest.mark.libreoffice
def test_the_appendix_pdf_has_the_pages_it_has_in_the_plan(pdf_client):
    whole = pdf_client.post("/render?format=pdf", json=example("dai-lanh-2024")).data
    alone = pdf_client.post("/render/appendices/1?format=pdf", json=example("dai-lanh-2024")).data
    pages = read_pages(whole)
    first = next(page.number for page in pages if page.lines and page.lines[0].text == "Phụ lục")  # the only one
    appendix_pages = pages[first - 1:]
    alone_pages = read_pages(alone)
    assert len(PdfReader(io.BytesIO(alone)).pages) == len(appendix_pages)
    assert [page.text for page in alone_pages] == [page.text for page in appendix_pages]
