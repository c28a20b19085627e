"""The document's e-office metadata: the input fields of Decree 30,
Appendix VI, Part II, I (outgoing documents), filled from the document and
its issued PDF, for the office's document-management system.

Keys are the Appendix VI English names. Fields the records office or the
system assigns (file code, order in the file, copies issued, organisation
identifiers, reply deadline) are not the document's and are left out.
"""

from __future__ import annotations

import datetime

from nd30.kinds import name_of, symbol
from nd30.markup import plain
from nd30.vietnamese import two_digits

from .pdf_text import fold

LANGUAGE = "Tiếng Việt"


def document_metadata(plan: dict, page_count: int) -> dict:
    """Appendix VI fields of a validated document (of any kind) whose issued PDF has
    ``page_count`` pages. A number or date the records office has not filled
    in yet is null; so are urgency and confidentiality when not set."""
    signatory = plan["signatory"]
    return {
        "TypeName": name_of(plan),
        "CodeNumber": two_digits(plan["number"]) if plan["number"] is not None else None,
        "CodeNotation": symbol(plan),
        "IssuedDate": issued_date(plan["date"]),
        "OrganName": plan["issuer"]["name"],
        "Subject": fold(plain(plan["summary"])),
        "Language": LANGUAGE,
        "PageAmount": page_count,
        "SignerInfo": {"Position": signatory["title"], "FullName": signatory["name"]},
        "To": [{"OrganName": fold(plain(recipient["name"]))} for recipient in plan["recipients"]],
        # Field 14 ("Mức độ khẩn, độ mật") is a one-digit code in Appendix VI,
        # whose table the decree does not give: the two marks by name.
        "Priority": {"Urgency": plan["urgency"], "Confidentiality": plan["confidentiality"]},
    }


def issued_date(date: dict) -> str | None:
    """ISO 8601 (2021-03-05) when the day is set, else None (the records office dates it)."""
    if not date.get("day"):
        return None
    return datetime.date(date["year"], date["month"], date["day"]).isoformat()
