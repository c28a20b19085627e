"""The recognizer: a plan typed in Word (.docx) → a plan in our format,
with what it could not place (warnings) and every Decree 30 deviation it
corrected (fixes). HTTP-free, pure functions over the OOXML.

- ``recognize(docx_bytes) -> {"plan", "warnings", "fixes"}``
- ``recognize_clipboard(html, text) -> {"blocks", "warnings"}`` for text
  pasted from Word into one body field.
"""

from __future__ import annotations

from .clipboard import recognize_clipboard
from .intake import FileRefused, docx_from
from .plan import build
from .reading import read


def recognize(docx: bytes) -> dict:
    """``{"plan", "warnings", "fixes"}`` for the bytes of a .docx file; the
    plan always validates with ``schemas.load_plan`` (placeholders where a
    required field was not found, each with a warning). Raises
    ``FileRefused`` for a file that is not a readable Word document."""
    return build(read(docx_from(docx)))


__all__ = ["FileRefused", "docx_from", "recognize", "recognize_clipboard"]
