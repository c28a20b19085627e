"""POST /metadata: the Appendix VI fields of the document, matching what the
issued PDF shows (number, symbol, date read back from its text, its page
count) and where its signature fields are."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from publishing import document_metadata
from schemas import load_plan
from tests.plans import EXAMPLE_NAMES, example

from .pdf_checks import signature_fields

NUMBER_SYMBOL = re.compile(r"Số:\s*(\d*)\s*/\s*(\S+)")
DATE = re.compile(r"ngày\s+(\d{2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})")


def numbered(name: str) -> dict:
    """The example as the records office issues it: numbered, dated, marked."""
    data = example(name)
    data.update(number=7, date={"year": data["date"]["year"], "month": 3, "day": 5},
                urgency="Thượng khẩn", confidentiality="Mật")
    return data


def read_back(pdf: bytes) -> dict:
    """Number, symbol and date as the PDF's first page prints them."""
    first_page = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", "-", "-"], input=pdf,
                                capture_output=True, check=True).stdout.decode()
    number, symbol = NUMBER_SYMBOL.search(first_page).groups()
    day, month, year = DATE.search(first_page).groups()
    return {"CodeNumber": number or None, "CodeNotation": symbol,
            "IssuedDate": f"{year}-{int(month):02d}-{day}" if day else None}


@pytest.mark.libreoffice
@pytest.mark.parametrize("data", [*(example(name) for name in EXAMPLE_NAMES), numbered("tam-duong-2021")],
                         ids=[*EXAMPLE_NAMES, "tam-duong-2021-numbered"])
def test_metadata_matches_the_issued_pdf(pdf_client, data):
    answer = pdf_client.post("/metadata", json=data)
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    pdf = pdf_client.post("/render?format=pdf", json=data).data
    metadata = body["metadata"]
    assert {key: metadata[key] for key in ("CodeNumber", "CodeNotation", "IssuedDate")} == read_back(pdf)
    assert metadata["PageAmount"] == len(PdfReader(io.BytesIO(pdf)).pages)
    fields = signature_fields(pdf)
    assert [(f["name"], f["page"] - 1, f["rect"]) for f in body["signature_fields"]] == [
        (name, field.page, [round(value, 2) for value in (field.box.left, field.box.bottom, field.box.right,
                                                          field.box.top)])
        for name, field in fields.items()]


def test_appendix_vi_fields_of_a_numbered_plan():
    plan = load_plan(numbered("tam-duong-2021"))
    metadata = document_metadata(plan, page_count=7)
    assert metadata == {
        "TypeName": "Kế hoạch",
        "CodeNumber": "07",
        "CodeNotation": "KH-UBND",
        "IssuedDate": "2021-03-05",
        "OrganName": plan["issuer"]["name"],
        "Subject": " ".join(plan["summary"].split()),
        "Language": "Tiếng Việt",
        "PageAmount": 7,
        "SignerInfo": {"Position": "Phó Chủ tịch", "FullName": "Vũ Xuân Thịnh"},
        "To": [{"OrganName": recipient["name"]} for recipient in plan["recipients"]],
        "Priority": {"Urgency": "Thượng khẩn", "Confidentiality": "Mật"},
    }


def test_a_draft_leaves_to_the_records_office_what_it_fills_in():
    metadata = document_metadata(load_plan(example("dai-lanh-2024")), page_count=15)
    assert metadata["CodeNumber"] is None and metadata["IssuedDate"] is None  # ngày … tháng 02 năm 2024
    assert metadata["Priority"] == {"Urgency": None, "Confidentiality": None}


def test_urgency_and_confidentiality_take_the_decree_s_marks_only(client):
    data = example("minimal")
    data.update(urgency="Khẩn cấp", confidentiality="Bí mật")
    response = client.post("/validate", json=data)
    assert response.status_code == 422
    errors = {error["path"]: error for error in response.get_json()["errors"]}
    assert errors["urgency"]["code"] == errors["confidentiality"]["code"] == "invalid_choice"
    assert "Thượng khẩn" in errors["urgency"]["message"] and "Tuyệt mật" in errors["confidentiality"]["message"]


def test_metadata_needs_the_pdf_converter(client):
    response = client.post("/metadata", json=example("minimal"))
    assert response.status_code == 503
    assert response.get_json()["code"] == "conversion_unavailable"
