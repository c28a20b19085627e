"""The pdf= option of every endpoint that hands out a PDF, and what happens
when the PDF LibreOffice returned cannot be finished as issued."""

from __future__ import annotations

import io

import pikepdf
import pytest

from app import create_app
from generators import render_docx
from publishing import issue_document
from schemas import load_plan
from tests.plans import example, plan

from .pdf_checks import assert_pdfa_2b, signature_fields


class ConverterReturning:
    """Stands in for LibreOffice, answering every conversion with fixed bytes."""

    def __init__(self, answer: bytes):
        self.answer = answer

    def convert(self, document, *, timeout=None, to="pdf"):
        return self.answer

    def status(self):
        return {"backend": "stand-in"}

    def close(self):
        pass


@pytest.mark.parametrize("query", ["?format=pdf&pdf=pdf-a", "?format=docx&pdf=", "?pdf=PLAIN"])
def test_a_wrong_pdf_kind_is_refused_whatever_the_format(client, query):
    response = client.post("/render" + query, json=example("minimal"))
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "invalid_pdf"
    assert "'pdfa'" in body["message"] and "'plain'" in body["message"]


def test_a_wrong_pdf_kind_in_the_upload_form_is_refused(client):
    upload = {"plan": (io.BytesIO(client.get("/examples/minimal").data), "minimal.json"), "format": "pdf",
              "pdf": "pdfa-3"}
    response = client.post("/render", data=upload, content_type="multipart/form-data")
    assert response.status_code == 400 and response.get_json()["code"] == "invalid_pdf"


def test_an_unreadable_pdf_from_the_converter_is_a_failed_conversion():
    client = create_app({"TESTING": True, "CONVERTER": ConverterReturning(b"%PDF-1.7\nnot really\n")}).test_client()
    response = client.post("/render?format=pdf", json=example("minimal"))
    assert response.status_code == 502
    body = response.get_json()
    assert body["code"] == "conversion_failed" and "pdf=plain" in body["message"]


@pytest.mark.libreoffice
def test_a_pdf_without_the_signature_block_is_issued_without_fields(pdf_app):
    """The signature block is always printed; should it not be found (another
    signer's PDF here), the PDF/A is still issued, with no field rather than a
    field in the wrong place."""
    docx = render_docx(load_plan(example("minimal")))
    pdf = pdf_app.extensions["converter"].convert(docx, to="pdfa")
    other_signer = load_plan(plan())
    issued = issue_document(other_signer, docx, pdf)
    assert issued.signature_fields == ()
    assert_pdfa_2b(issued.content)
    assert signature_fields(issued.content) == {}
    with pikepdf.open(io.BytesIO(issued.content)) as document:
        assert document.open_metadata()["dc:creator"] == [other_signer["issuer"]["name"]]


@pytest.mark.libreoffice
def test_a_pdf_ending_in_a_cross_reference_stream_is_rewritten_whole(pdf_app):
    """LibreOffice ends its PDFs with a cross-reference table, which the
    description and fields are appended after; a PDF written otherwise (object
    streams, a cross-reference stream) is written anew, as valid."""
    data = load_plan(example("minimal"))
    docx = render_docx(data)
    made = pdf_app.extensions["converter"].convert(docx, to="pdfa")
    with pikepdf.open(io.BytesIO(made)) as document:
        output = io.BytesIO()
        document.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    appended, rewritten = issue_document(data, docx, made), issue_document(data, docx, output.getvalue())
    assert appended.content.startswith(made)  # LibreOffice's bytes kept as they were
    assert not rewritten.content.startswith(output.getvalue())
    for issued in (appended, rewritten):
        assert_pdfa_2b(issued.content)
        assert set(signature_fields(issued.content)) == {"ND30_Signer", "ND30_Organization"}
