"""POST /render?format=pdf as issued: PDF/A-2b with the plan's description,
and empty signature fields where Decree 30 puts the signatures, proven by
signing them with pyHanko and by reading the laid-out text around them
(pdfplumber, not the pdfium the service places them with)."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import docx
import pikepdf
import pytest
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pypdf import PdfReader

from generators import render_docx
from publishing import ORGANIZATION, SIGNER
from schemas import load_plan
from tests.converters.converter_checks import pdf_text
from tests.plans import EXAMPLE_NAMES, example, plan

from .pdf_checks import MM, assert_pdfa_2b, assert_signer_field_placed, signature_fields
from .signing import sign, signature_status, throwaway_identity

pytestmark = pytest.mark.libreoffice

LONG_SIGNATORY = {
    "collective": "Ủy ban nhân dân", "authority": "KT", "principal_title": "Chủ tịch",
    "title": "Phó Chủ tịch phụ trách khối văn hóa - xã hội kiêm Trưởng Ban Chỉ đạo giảm nghèo bền vững của xã",
    "name": "Nguyễn Thị Phương Thảo Hoàng Lê Minh Khánh Trần Đình Bảo Ngọc",
}
# An appendix whose title prints as the signer's title and whose note is the
# name: a look-alike of the signature block after it.
NAMED_IN_TEXT = plan(appendices=[{"title": "Phó Chủ tịch", "notes": [{"type": "paragraph", "text": "Nguyễn Văn An"}]}])


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def issued(pdf_app) -> dict[str, bytes]:
    """Every example and the awkward plans, as /render?format=pdf answers them."""
    plans = {**{name: example(name) for name in EXAMPLE_NAMES},
             "long-signatory": plan(signatory=LONG_SIGNATORY), "named-in-text": NAMED_IN_TEXT}

    def render(item):
        name, data = item
        response = pdf_app.test_client().post("/render?format=pdf", json=data)
        assert response.status_code == 200, response.get_json()
        assert response.headers["Signature-Fields"] == f"{SIGNER}, {ORGANIZATION}"
        return name, response.data

    with ThreadPoolExecutor(max_workers=2) as executor:
        return dict(executor.map(render, plans.items()))


def plan_of(name: str) -> dict:
    if name == "long-signatory":
        return load_plan(plan(signatory=LONG_SIGNATORY))
    if name == "named-in-text":
        return load_plan(NAMED_IN_TEXT)
    return load_plan(example(name))


ALL = [*EXAMPLE_NAMES, "long-signatory", "named-in-text"]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_is_pdfa_2b_described_by_its_plan(issued, name):
    pdf = issued[name]
    assert_pdfa_2b(pdf)
    data = plan_of(name)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        xmp = document.open_metadata()
        assert xmp["dc:title"] == folded(data["summary"])
        assert xmp["dc:creator"] == [data["issuer"]["name"]]
        # The Word draft's own description (File → Info), the PDF's too.
        word = docx.Document(io.BytesIO(render_docx(data))).core_properties
        assert xmp["dc:description"] == word.subject and xmp["dc:description"].startswith("Kế hoạch ")
        assert xmp["pdf:Keywords"] == word.keywords
        assert xmp["pdf:Keywords"].endswith("/KH-" + data["issuer"]["abbreviation"])


@pytest.mark.parametrize("name", ALL)
def test_the_signer_field_lies_between_the_title_and_the_name(issued, name):
    assert_signer_field_placed(issued[name], plan_of(name))


@pytest.mark.parametrize("name", ALL)
def test_the_seal_covers_the_left_third_of_the_signature(issued, name):
    fields = signature_fields(issued[name])
    signer, seal = fields[SIGNER], fields[ORGANIZATION]
    assert seal.page == signer.page
    assert seal.box.left < signer.box.left < seal.box.right
    assert seal.box.right - signer.box.left == pytest.approx(signer.box.width / 3, abs=0.5)
    assert seal.box.center_y == pytest.approx(signer.box.center_y, abs=0.5)
    assert seal.box.width == pytest.approx(36 * MM, abs=0.5) and seal.box.height == pytest.approx(36 * MM, abs=0.5)


@pytest.mark.parametrize("field_name", [SIGNER, ORGANIZATION])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_field_signs_and_validates(issued, name, field_name):
    identity = throwaway_identity("Nguyễn Văn Thử")
    signed = sign(issued[name], field_name, identity)
    status = signature_status(signed, field_name, identity)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.bottom_line
    before, after = signature_fields(issued[name])[field_name], signature_fields(signed)[field_name]
    assert (after.page, after.box) == (before.page, before.box)


def test_signer_then_records_office_both_validate(issued):
    """The order of issue: the signer signs, then the records office applies the seal."""
    signer, office = throwaway_identity("Trần Duy Khoang"), throwaway_identity("UBND xã Đại Lãnh")
    signed = sign(sign(issued["dai-lanh-2024"], SIGNER, signer), ORGANIZATION, office)
    first, second = signature_status(signed, SIGNER, signer), signature_status(signed, ORGANIZATION, office)
    assert second.intact and second.valid and second.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert first.intact and first.valid and first.coverage == SignatureCoverageLevel.ENTIRE_REVISION
    assert first.modification_level <= ModificationLevel.FORM_FILLING, first.modification_level


def test_a_plain_pdf_on_request(pdf_client, issued):
    response = pdf_client.post("/render?format=pdf&pdf=plain", json=example("tam-duong-2021"))
    assert response.status_code == 200
    assert response.headers.get("Signature-Fields") is None
    with pikepdf.open(io.BytesIO(response.data)) as document:
        assert document.open_metadata().pdfa_status == ""
        assert "/AcroForm" not in document.Root
    assert signature_fields(response.data) == {}
    pdfa = issued["tam-duong-2021"]
    assert folded(pdf_text(response.data)) == folded(pdf_text(pdfa))
    assert len(PdfReader(io.BytesIO(response.data)).pages) == len(PdfReader(io.BytesIO(pdfa)).pages)


def test_a_plain_pdf_from_the_upload_form(pdf_client):
    upload = {"plan": (io.BytesIO(pdf_client.get("/examples/minimal").data), "minimal.json"),
              "format": "pdf", "pdf": "plain"}
    response = pdf_client.post("/render", data=upload, content_type="multipart/form-data")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert signature_fields(response.data) == {}


def test_a_word_file_imported_to_pdf_is_issued_as_pdfa(pdf_client):
    from generators import render_docx

    document = render_docx(load_plan(example("minimal")))
    response = pdf_client.post("/import?format=pdf", data={"file": (io.BytesIO(document), "ke-hoach.docx")},
                               content_type="multipart/form-data")
    assert response.status_code == 200, response.get_json()
    assert_pdfa_2b(response.data)
    assert set(signature_fields(response.data)) == {SIGNER, ORGANIZATION}
