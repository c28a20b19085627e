"""Conversion of Word 97-2003, ODF and RTF text documents into DOCX (for the importer)."""

from __future__ import annotations

import io
import subprocess
import zipfile

import docx
import pytest
from converter_checks import SAMPLE_TEXT, running_pool

from converters import ConversionFailed, DisabledConverter, formats

# SAMPLE_TEXT with every non-ASCII character as an RTF \u escape.
SAMPLE_RTF = (
    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0 "
    + "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in SAMPLE_TEXT)
    + "\\par}"
).encode("ascii")


def docx_text(document: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(document)).paragraphs).strip()


@pytest.fixture(scope="module")
def legacy_documents(sample_docx, tmp_path_factory) -> dict[str, bytes]:
    """The sample saved as .doc and .odt by a one-off LibreOffice in a throwaway profile."""
    folder = tmp_path_factory.mktemp("legacy")
    source = folder / "sample.docx"
    source.write_bytes(sample_docx)
    documents = {}
    for extension in ("doc", "odt"):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                extension,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        documents[extension] = (folder / f"sample.{extension}").read_bytes()
    documents["rtf"] = SAMPLE_RTF
    documents["docx"] = sample_docx
    return documents


@pytest.fixture(scope="module")
def pool():
    with running_pool(size=1) as pool:
        yield pool


@pytest.mark.parametrize("kind", ["doc", "odt", "rtf", "docx"])
def test_text_document_comes_back_as_a_docx_with_the_same_text(pool, legacy_documents, kind):
    converted = pool.convert(legacy_documents[kind], to="docx")

    assert formats.input_kind(converted) == formats.DOCX
    assert docx_text(converted) == SAMPLE_TEXT


def test_pdf_is_made_only_from_a_docx(pool, legacy_documents):
    with pytest.raises(ConversionFailed):
        pool.convert(legacy_documents["doc"], to="pdf")


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"plain text that LibreOffice would happily render",
        b"%PDF-1.7\n",
        b"PK\x03\x04 truncated zip",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        _zip({"xl/workbook.xml": b"<workbook/>"}),
    ],
    ids=["empty", "text", "pdf", "broken-zip", "ods", "xlsx"],
)
def test_anything_but_a_word_or_odf_text_document_is_refused_before_libreoffice(document):
    # No converter is running: the refusal comes from the signature check alone.
    with pytest.raises(ConversionFailed) as raised:
        formats.import_filter(document, "docx")
    assert "không thể chuyển" in str(raised.value)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "MS Word 97"),
        (_zip({"mimetype": formats.ODF_TEXT_MIMETYPE}), "writer8"),
        (_zip({"word/document.xml": b"<w:document/>"}), "MS Word 2007 XML"),
        (SAMPLE_RTF, "Rich Text Format"),
    ],
)
def test_import_filter_follows_the_signature(document, expected):
    assert formats.import_filter(document, "docx") == expected


def test_unknown_target_is_a_programming_error():
    with pytest.raises(ValueError):
        DisabledConverter().convert(b"", to="odt")
