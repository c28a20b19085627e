"""Documents of every kind typed the way offices type them
(tests/recognizer/clerk_kinds.py) import as their kind and re-render with
≥ 97 % of their words in order and ≥ 95 % precision, read from the PDF of
real LibreOffice (a .doc copy of a công văn too)."""

from __future__ import annotations

import re

import pytest

from recognizer import recognize
from tests.converters.converter_checks import pdf_text
from tests.kinds.documents import DECISION, KIND_EXAMPLES, LETTER, changed, kind_example

from .clerk_documents import MOTTO, NATIONAL_TITLE, Shape
from .clerk_kinds import clerk_kind_document
from .test_clerk_documents import import_pdf, recall_precision_of, without_footnotes
from .word_parts import saved_as

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Shapes offices use: the header and signature tables, typed columns; labels typed with a space.
SHAPES = {"tables": Shape(tab=False, word_bullets=False), "typed-columns": Shape(header="tabs", signature="spaces")}
ONE_ADDRESSEE = changed(LETTER, addressees=["Ủy ban nhân dân các xã, thị trấn"])


def _cases():
    for name in sorted(KIND_EXAMPLES):
        yield pytest.param(name, kind_example(name), id=name.split("/")[0] + "-" + name.split("/")[1][:12])
    yield pytest.param(LETTER, ONE_ADDRESSEE, id="cong_van-one-addressee")


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize(("name", "document"), list(_cases()))
def test_typed_document_imports_as_its_kind(name, document, shape):
    typed = clerk_kind_document(without_footnotes(document), SHAPES[shape])
    result = recognize(typed.data)
    imported = result["plan"]
    assert imported["kind"] == document["kind"]
    assert not any(w["code"] == "kind_unsure" for w in result["warnings"])
    assert result["coverage"]["share"] >= 0.97, result["coverage"]
    assert imported["summary"] == document["summary"]
    if "addressees" in document:
        assert imported["addressees"] == document["addressees"]
    if document["kind"] == "quyet_dinh":
        assert len(imported["body"]) == len(document["body"])
        assert all(block["type"] == "article" for block in imported["body"])


@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "document"), list(_cases()))
def test_typed_document_re_renders_its_words_read_from_the_pdf(pdf_client, name, document):
    # The PDF's text of a narrow table of figures comes column by column:
    # the words are there, not in the order typed. Its appendix is checked by
    # the round trip and the typed import's coverage instead.
    document = {**document, "appendices": []} if document["kind"] == "bao_cao" else document
    typed = clerk_kind_document(without_footnotes(document), SHAPES["tables"])
    recall, precision = recall_precision_of(_typed_text(typed), _without_labels(pdf_text(import_pdf(pdf_client, typed.data, DOCX))))
    assert recall >= 0.97, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_doc_copy_of_a_typed_letter_imports_as_a_letter(pdf_client, tmp_path):
    typed = clerk_kind_document(kind_example(LETTER), SHAPES["tables"])
    doc = saved_as(typed.data, tmp_path).read_bytes()
    assert doc.startswith(b"\xd0\xcf\x11\xe0")
    response = pdf_client.post("/import", data=doc, content_type="application/msword")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["plan"]["kind"] == "cong_van"
    recall, precision = recall_precision_of(_typed_text(typed), _without_labels(pdf_text(import_pdf(pdf_client, doc, "application/msword"))))
    assert recall >= 0.97 and precision >= 0.95, (recall, precision)


LABEL = re.compile(r"^(?:điều|\d{1,2}\.|[a-zđ]\)|[-–+•]|[ivx]{1,4}\.)$", re.I)


def _without_labels(text: str) -> str:
    """Labels ("Điều 1.", "1.", "a)", "-"), the national title and the motto
    are not what a clerk typed: the generator writes them (and the PDF's text
    puts the title's line between the issuer's), so both sides are compared
    without them, as the coverage figure counts words."""
    for fixed in (NATIONAL_TITLE, MOTTO):
        text = re.sub(r"\s+".join(map(re.escape, fixed.split())), " ", text, flags=re.I)
    return " ".join(word for word in text.split() if not LABEL.match(word))


def _typed_text(typed) -> str:
    """What was typed, in order."""
    return _without_labels(" ".join(typed.typed))


def test_a_decision_typed_with_bold_labels_keeps_its_article_titles():
    typed = clerk_kind_document(kind_example(DECISION), SHAPES["tables"])
    imported = recognize(typed.data)["plan"]
    assert imported["body"][1]["heading"] == "Tổ chức thực hiện"
    assert imported["body"][0]["content"][1]["type"] == "clauses"
