"""Which LibreOffice filters read a document and write the requested format.

The import filter is always forced: left to auto-detection LibreOffice renders
arbitrary bytes as plain text instead of refusing them. It is chosen from the
file's signature among the Word and ODF text formats that a target accepts.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from . import messages
from .base import ConversionFailed

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
RTF_SIGNATURE = b"{\\rtf"
ODF_TEXT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# ODF stores "mimetype" first and uncompressed; anything longer is not one.
MAX_MIMETYPE_SIZE = 256

DOC, DOCX, ODT, RTF = "doc", "docx", "odt", "rtf"

IMPORT_FILTERS = {
    DOC: "MS Word 97",
    DOCX: "MS Word 2007 XML",
    ODT: "writer8",
    RTF: "Rich Text Format",
}



@dataclass(frozen=True)
class Target:
    """One output format: how LibreOffice writes it and what it is made from."""

    convert_to: str  # unoserver's convert_to (the file extension)
    export_filter: str
    accepts: frozenset[str]
    failed_message: str
    timeout_message: str  # with a {seconds} field
    busy_message: str = messages.BUSY  # when turned away: queue full, no instance free in time
    down_message: str = messages.NO_INSTANCE  # no instance up
    stopped_message: str = messages.STOPPED  # the converter is closing
    retried: bool = True  # a failed attempt is retried once on another instance
    # The export filter's FilterData, as unoserver takes it: "Name=value".
    filter_options: tuple[str, ...] = ()


# PDFs are only ever made from the service's own DOCX.
TARGETS = {
    "pdf": Target(
        "pdf", "writer_pdf_Export", frozenset({DOCX}), messages.FAILED, messages.TIMEOUT
    ),
    # PDF/A-2b (ISO 19005-2, level B), written by LibreOffice's own filter:
    # every font embedded, an sRGB OutputIntent, the pdfaid XMP declaration.
    "pdfa": Target(
        "pdf",
        "writer_pdf_Export",
        frozenset({DOCX}),
        messages.FAILED,
        messages.TIMEOUT,
        filter_options=("SelectPdfVersion=2",),
    ),
    # Uploads: a file that broke one instance would break a second one.
    "docx": Target(
        "docx",
        "MS Word 2007 XML",
        frozenset({DOC, DOCX, ODT, RTF}),
        messages.FAILED_TO_DOCX,
        messages.TIMEOUT_TO_DOCX,
        messages.BUSY_TO_DOCX,
        messages.NO_INSTANCE_TO_DOCX,
        messages.STOPPED_TO_DOCX,
        retried=False,
    ),
}


def target(to: str) -> Target:
    """The Target named ``to``; ValueError for any other name (a programming error)."""
    try:
        return TARGETS[to]
    except KeyError:
        raise ValueError(f"to must be one of {', '.join(TARGETS)}, got {to!r}") from None


def import_filter(document: bytes, to: str) -> str:
    """The LibreOffice filter that reads ``document`` for conversion to ``to``.

    Raises ConversionFailed when the document is not a format ``to`` accepts.
    """
    accepts = target(to).accepts
    kind = input_kind(document)
    if kind not in accepts:
        raise ConversionFailed(
            messages.UNSUPPORTED_INPUT if to == "docx" else messages.FAILED,
            detail=f"input is {kind or 'not a Word or ODF text document'}; "
            f"conversion to {to} accepts {', '.join(sorted(accepts))}",
        )
    return IMPORT_FILTERS[kind]


def input_kind(document: bytes) -> str | None:
    """The Word/ODF text format the bytes are in, from their signature; None if neither."""
    if document.startswith(OLE2_SIGNATURE):
        return DOC
    if document.startswith(RTF_SIGNATURE):
        return RTF
    if document.startswith(ZIP_SIGNATURE):
        return _zip_kind(document)
    return None


def _zip_kind(document: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(document)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > MAX_MIMETYPE_SIZE:
                    return None
                mimetype = archive.read(info).strip()
                return ODT if mimetype == ODF_TEXT_MIMETYPE else None
            return DOCX if "word/document.xml" in names else None
    except (zipfile.BadZipFile, zlib.error, ValueError, KeyError, OSError, EOFError,
            NotImplementedError, RuntimeError):  # fmt: skip
        return None
