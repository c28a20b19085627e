"""File names for rendered documents: "KH-05-UBND-2021.docx"."""

from __future__ import annotations

from nd30.kinds import symbol, type_name
from nd30.vietnamese import two_digits

# A công văn has no type code in its symbol (12/UBND-VX): its files say what it is.
LETTER_CODE = "CV"
# The document a decision issues, as a file apart, is named after the decision.
ISSUED_SUFFIX = "kem-theo"


def download_name(document: dict, extension: str) -> str:
    """The symbol with the number after the type code, and the year; the web
    layer encodes it for HTTP (RFC 6266/5987), Đ and all."""
    code = symbol(document) if type_name(document) else f"{LETTER_CODE}-{symbol(document)}"
    type_code, _, issuer_code = code.partition("-")
    parts = [type_code]
    if document["number"] is not None:
        parts.append(two_digits(document["number"]))
    if issuer_code:
        parts.append(issuer_code)
    parts.append(str(document["date"]["year"]))
    if "issued_by" in document:
        parts.append(ISSUED_SUFFIX)
    return "-".join(parts) + "." + extension
