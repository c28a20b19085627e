"""File names for rendered plans: "KH-05-UBND-2021.docx"."""

from __future__ import annotations

from nd30.vietnamese import two_digits

from .front_matter import symbol


def download_name(plan: dict, extension: str) -> str:
    """The symbol with the number after the type code, and the year; the web
    layer encodes it for HTTP (RFC 6266/5987), Đ and all."""
    type_code, _, issuer_code = symbol(plan).partition("-")
    parts = [type_code]
    if plan["number"] is not None:
        parts.append(two_digits(plan["number"]))
    if issuer_code:
        parts.append(issuer_code)
    parts.append(str(plan["date"]["year"]))
    return "-".join(parts) + "." + extension
