"""The recognizer: a plan typed in Word (.docx) → a plan in our format,
with what it could not place (warnings) and every Decree 30 deviation it
corrected (fixes). HTTP-free, pure functions over the OOXML.

- ``recognize(docx_bytes) -> {"plan", "warnings", "fixes"}``
- ``recognize_clipboard(html, text) -> {"blocks", "warnings"}`` for text
  pasted from Word into one body field.
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from .clipboard import recognize_clipboard
from .intake import FileRefused, docx_from
from .plan import build, empty
from .reading import NotWordprocessing, read

UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, NotWordprocessing, KeyError,
              NotImplementedError, EOFError, OSError, ValueError, UnicodeDecodeError, zlib.error)


def recognize(docx: bytes, convert=None) -> dict:
    """``{"plan", "warnings", "fixes"}`` for the bytes of a .docx file (or a
    .doc/.odt/.rtf when ``convert`` turns it into .docx); the plan always
    validates with ``schemas.load_plan`` (placeholders where a required
    field was not found, each with a warning). Raises ``FileRefused`` for a
    file that is not a readable Word document."""
    data = docx_from(docx, convert)
    if not data:
        return empty()
    try:
        document = read(data)
    except UNREADABLE:
        raise FileRefused("corrupt_file") from None
    return build(document)


__all__ = ["FileRefused", "docx_from", "recognize", "recognize_clipboard"]
