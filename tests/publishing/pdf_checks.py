"""What the tests read back from an issued PDF: PDF/A-2b as pikepdf's
allowlist validator judges it (veraPDF, the reference, is a Java program
packaged neither for Debian nor on PyPI) and as checked here for what the
validator leaves out (forms), and its signature fields, read with pypdf (not
the pikepdf that wrote them)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass

import pikepdf
import pytest
from pikepdf.pdfa import validate_written
from pypdf import PdfReader

from generators.front_matter import authority_lines
from publishing import ORGANIZATION, SIGNER
from publishing.pdf_text import Box
from tests.pdf_pages import RIGHT_MARGIN, Line, Page, read_pages

MM = 72 / 25.4
PRINT, HIDDEN, INVISIBLE, NO_VIEW = 4, 2, 1, 32
# What pikepdf's PDF/A validator does not check (it neither approves nor
# refuses them): the signature fields' form, and LibreOffice's OpenAction
# (the initial view). The form is checked below.
NOT_CHECKED_BY_THE_VALIDATOR = {"/AcroForm", "/OpenAction"}


@dataclass(frozen=True)
class FieldOnPage:
    name: str
    page: int  # 0-based
    box: Box  # the widget's /Rect
    flags: int
    appearance_keys: frozenset[str]


def signature_fields(pdf: bytes) -> dict[str, FieldOnPage]:
    """The signature widgets of every page, by field name."""
    found = {}
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation.get("/FT") != "/Sig":
                continue
            box = Box(*(float(value) for value in annotation["/Rect"]))
            appearance = annotation.get("/AP") or {}
            found[str(annotation["/T"])] = FieldOnPage(str(annotation["/T"]), index, box,
                                                       int(annotation.get("/F", 0)), frozenset(appearance.keys()))
    return found


def font_rows(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font pdffonts finds."""
    lines = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode().splitlines()
    emb_column = lines[0].index("emb")
    return [(line.split()[0], line[emb_column:].startswith("yes")) for line in lines[2:]]


def assert_pdfa_2b(pdf: bytes) -> None:
    """The PDF/A-2b declaration and the requirements of ISO 19005-2 that the
    issued file could break: OutputIntent with an ICC profile, fonts embedded,
    XMP equal to the document information dictionary, metadata unfiltered,
    an ID, no encryption, annotations printable, widgets with only a normal
    appearance (LibreOffice's footnote links need none)."""
    assert pdf.startswith(b"%PDF-1.")
    report = validate_written(io.BytesIO(pdf), "2b")
    assert not report.violations, report.summary()
    not_checked = {finding.where.rsplit(" ", 1)[-1] for finding in report.unsupported}  # "obj 97 0 (Catalog) /AcroForm"
    assert not_checked <= NOT_CHECKED_BY_THE_VALIDATOR, report.summary()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.check_pdf_syntax() == []
        assert not document.is_encrypted
        assert "/ID" in document.trailer
        xmp = document.open_metadata()
        assert xmp.pdfa_status == "2B", xmp.pdfa_status
        assert "/Filter" not in document.Root.Metadata.stream_dict
        intents = [intent for intent in document.Root.OutputIntents if intent.S == "/GTS_PDFA1"]
        assert len(intents) == 1
        profile = intents[0].DestOutputProfile
        assert int(profile.N) == 3 and profile.read_bytes()[36:40] == b"acsp"  # an RGB ICC profile
        info = document.docinfo
        assert str(info.Title) == xmp["dc:title"]
        assert str(info.Author) == xmp["dc:creator"][0]
        assert str(info.Subject) == xmp["dc:description"]
        assert str(info.Keywords) == xmp["pdf:Keywords"]
        acroform = document.Root.get("/AcroForm")
        assert acroform is None or not bool(acroform.get("/NeedAppearances", False))
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                flags = int(annotation.get("/F", 0))
                assert flags & PRINT and not flags & (HIDDEN | INVISIBLE | NO_VIEW), flags
                if annotation.Subtype not in ("/Link", "/Popup"):  # the two that need no appearance
                    assert set(annotation.AP.keys()) == {"/N"}
    rows = font_rows(pdf)
    assert rows and all(embedded for _, embedded in rows), rows


def signature_lines(page: Page, data: dict) -> tuple[Line, Line]:
    """(last title line, first name line) of the signature block, as pdfplumber reads them."""
    signatory = data["signatory"]
    name_words = signatory["name"].split()
    name_line = next(line for line in reversed(page.lines) if line.text == " ".join(name_words[:len(line.text.split())]))
    last_title = authority_lines(signatory)[-1]
    above = [line for line in page.lines if line.bottom <= name_line.top and last_title.endswith(line.text)
             and line.x0 < name_line.x1 and name_line.x0 < line.x1]
    return max(above, key=lambda line: line.bottom), name_line


def top_down(field: FieldOnPage, page: Page) -> tuple[float, float]:
    """The field's top and bottom measured from the page's top, as pdfplumber measures text."""
    return page.height - field.box.top, page.height - field.box.bottom


def assert_signer_field_placed(pdf: bytes, data: dict) -> FieldOnPage:
    """The signer's field of ``pdf`` (the document ``data`` issued) lies
    between the last title line and the name, centred on them, sized for a
    signature image; returned for further checks."""
    fields = signature_fields(pdf)
    assert set(fields) == {SIGNER, ORGANIZATION}
    signer = fields[SIGNER]
    page = read_pages(pdf)[signer.page]
    assert page.find("Nơi nhận:"), "the field is not on the signature page"
    title, name_line = signature_lines(page, data)
    top, bottom = top_down(signer, page)
    assert title.bottom <= top < bottom <= name_line.top, (title, (top, bottom), name_line)
    # Centred on the signature column, where the title lines and the name are centred.
    assert abs(signer.box.center_x - (title.x0 + title.x1) / 2) <= 2
    # Room for a signature image: 50 mm wide, the whole gap high (the template leaves 72 pt).
    assert signer.box.width == pytest.approx(50 * MM, abs=0.5)
    assert signer.box.height >= 60
    assert signer.flags == 4 and signer.appearance_keys == {"/N"}
    return signer


def assert_signed_by_the_organisation_at_the_top_right(response) -> Page:
    """``response`` is a file sent with the main document (an appendix, the
    document a decision issues): PDF/A with only the organisation's field,
    at the top right of its first page (flush with the text area's right
    edge, above the first line, in the top half). Returns that page."""
    assert response.status_code == 200, response.get_json()
    assert response.headers["Signature-Fields"] == ORGANIZATION
    pdf = response.data
    assert_pdfa_2b(pdf)
    fields = signature_fields(pdf)
    assert set(fields) == {ORGANIZATION}
    field = fields[ORGANIZATION]
    page = read_pages(pdf)[0]
    assert field.page == 0
    assert field.box.right == pytest.approx(page.width - RIGHT_MARGIN, abs=0.5)
    assert field.box.left > page.width / 2
    assert page.height - field.box.bottom <= min(line.top for line in page.lines)
    assert field.box.top <= page.height
    return page
