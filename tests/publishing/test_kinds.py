"""Every kind issued as PDF/A: their signature blocks come from the shared
generator, so the signer's field lies between the title and the name as on
a plan; the shapes that differ: a decision with the plan it issues in the
same file (two signature blocks, signed once, at the decision's: Appendix I,
II.8.b), that plan as a file of its own (the organisation's field at the top
right, as an appendix file), the plan's appendix cut from the decision's
file, and the e-office metadata of a kind other than the plan."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from pyhanko.sign.validation.status import SignatureCoverageLevel

from publishing import ORGANIZATION, SIGNER
from schemas import load_plan
from tests.kinds.documents import (
    DECISION_ISSUING_A_PLAN,
    KIND_EXAMPLES,
    changed,
    kind_example,
)
from tests.pdf_pages import read_pages

from .pdf_checks import (
    assert_pdfa_2b,
    assert_signed_by_the_organisation_at_the_top_right,
    assert_signer_field_placed,
    signature_fields,
)
from .signing import sign, signature_status, throwaway_identity

pytestmark = pytest.mark.libreoffice

ISSUED_WITH = "(Ban hành kèm theo"


@pytest.fixture(scope="module")
def issued(pdf_app) -> dict[str, bytes]:
    """Every kind's example as /render?format=pdf answers it."""

    def render(name):
        response = pdf_app.test_client().post("/render?format=pdf", json=kind_example(name))
        assert response.status_code == 200, response.get_json()
        assert response.headers["Signature-Fields"] == f"{SIGNER}, {ORGANIZATION}"
        return name, response.data

    with ThreadPoolExecutor(max_workers=2) as executor:
        return dict(executor.map(render, KIND_EXAMPLES))


@pytest.mark.parametrize("name", list(KIND_EXAMPLES))
def test_every_kind_is_pdfa_with_the_signer_between_title_and_name(issued, name):
    assert_pdfa_2b(issued[name])
    assert_signer_field_placed(issued[name], load_plan(kind_example(name)))


def test_a_decision_and_the_plan_it_issues_are_signed_once_at_the_decision(issued):
    pdf = issued[DECISION_ISSUING_A_PLAN]
    pages = read_pages(pdf)
    issued_from = next(index for index, page in enumerate(pages) if page.find(ISSUED_WITH))
    # The plan after it prints the same signatory: a second block, not signed.
    signer_name = kind_example(DECISION_ISSUING_A_PLAN)["signatory"]["name"]
    assert any(page.find(signer_name) for page in pages[issued_from:])
    fields = signature_fields(pdf)
    assert fields[SIGNER].page == fields[ORGANIZATION].page < issued_from
    identity = throwaway_identity("Hoàng Văn Thử")
    status = signature_status(sign(pdf, SIGNER, identity), SIGNER, identity)
    assert status.intact and status.valid and status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def test_the_plan_a_decision_issues_as_its_own_file_is_signed_by_the_organisation(pdf_client):
    decision = changed(DECISION_ISSUING_A_PLAN, attachment_file="separate")
    response = pdf_client.post("/render/attachment?format=pdf", json=decision)
    page = assert_signed_by_the_organisation_at_the_top_right(response)
    assert page.find(ISSUED_WITH)

def test_the_appendix_of_the_plan_a_decision_issues_is_cut_from_its_file(pdf_client):
    decision = kind_example(DECISION_ISSUING_A_PLAN)
    response = pdf_client.post("/render/appendices/1?format=pdf", json=decision)
    assert response.status_code == 200, response.get_json()
    assert set(signature_fields(response.data)) == {ORGANIZATION}
    first = read_pages(response.data)[0]
    title = decision["attachment"]["appendices"][0]["title"].upper()
    assert first.lines[0].text.startswith("Phụ lục")
    assert first.find(title.split()[0]) and not first.find("QUYẾT ĐỊNH") and not first.find(ISSUED_WITH)
    beyond = pdf_client.post("/render/appendices/2", json=decision)
    assert beyond.status_code == 404 and beyond.get_json()["message"].startswith("Quyết định có 1 phụ lục")


def test_metadata_of_an_urgent_secret_decision(pdf_client):
    decision = changed(DECISION_ISSUING_A_PLAN, number=12, urgency="Hỏa tốc", confidentiality="Tối mật")
    answer = pdf_client.post("/metadata", json=decision)
    assert answer.status_code == 200, answer.get_json()
    metadata = answer.get_json()["metadata"]
    assert metadata["TypeName"] == "Quyết định"
    assert (metadata["CodeNumber"], metadata["CodeNotation"]) == ("12", "QĐ-" + decision["issuer"]["abbreviation"])
    assert metadata["Priority"] == {"Urgency": "Hỏa tốc", "Confidentiality": "Tối mật"}
    pdf = pdf_client.post("/render?format=pdf", json=decision).data
    assert metadata["PageAmount"] == len(read_pages(pdf))
    assert [field["name"] for field in answer.get_json()["signature_fields"]] == [SIGNER, ORGANIZATION]
