"""The recognizer: a document typed in Word (.docx) → our JSON, with what it
could not place (warnings), every Decree 30 deviation it corrected (fixes)
and how much of the original's text the result keeps (coverage).
HTTP-free, pure functions over the OOXML.

- ``recognize(docx_bytes, convert=None) -> {"plan", "warnings", "fixes", "coverage"}``
- ``recognize_clipboard(html, text) -> {"blocks", "warnings"}`` for text
  pasted from Word into one body field.

The document's kind (``recognizer/kinds``: Kế hoạch, Quyết định, Tờ trình,
Báo cáo, Thông báo, Giấy mời, Công văn) is detected,
then read on the Decree 30 core (``recognizer/core``) with the block types
of ``recognizer/blocks``.
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from nd30.kinds import DEFAULT_KIND
from nd30.kinds import KINDS as KIND_LABELS

from . import kinds
from .clipboard import recognize_clipboard
from .coverage import measure
from .fitting import TooMuchContent
from .intake import FileRefused, docx_from
from .reading import Document, NotWordprocessing, read
from .styles import Styles

UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, NotWordprocessing, KeyError,
              NotImplementedError, EOFError, OSError, ValueError, UnicodeDecodeError, zlib.error)


def recognize(docx: bytes, convert=None) -> dict:
    """``{"plan", "warnings", "fixes", "coverage"}`` for the bytes of a .docx
    file (or a .doc/.odt/.rtf when ``convert`` turns it into .docx); "plan"
    is the document in its kind's JSON (``kind`` names it; a plan leaves it
    out) and always validates with ``schemas.load_plan`` (placeholders where a
    required field was not found, each with a warning). Raises
    ``FileRefused`` for a file that is not a readable Word document, or
    ``TooMuchContent`` for one that holds more than a plan may."""
    data = docx_from(docx, convert)
    try:
        document = read(data) if data else Document([], [], Styles(None))
    except UNREADABLE:
        raise FileRefused("corrupt_file") from None
    kind, score = kinds.kind_of(document)
    reading = kind.build(document)
    if score < kinds.SURE and kind.name != DEFAULT_KIND:
        reading.notes.warn("kind_unsure", path="kind", kind=KIND_LABELS[kind.name].label)
    return {"plan": reading.data, "warnings": reading.notes.warnings, "fixes": reading.notes.fixes,
            "coverage": measure(document, kind.shown(reading.validated()))}


__all__ = ["FileRefused", "TooMuchContent", "docx_from", "recognize", "recognize_clipboard"]
