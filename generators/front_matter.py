"""Template fields outside the body: header block, title, legal bases,
closing, recipients and signatory, with Decree 30's conventions applied."""

from __future__ import annotations

from nd30.document_types import DOCUMENT_TYPES
from nd30.markup import plain
from nd30.vietnamese import date_text, ensure_ending, issuer_lines, number_symbol, upper

from .document import Properties
from .wordml import Footnotes, Markup, literal, text_runs

ARCHIVE_OFFICE = "VT"
LINE_BREAK = "<w:r><w:br/></w:r>"


def symbol(plan: dict) -> str:
    return plan["symbol"] or f"{DOCUMENT_TYPES[plan['document_type']]}-{plan['issuer']['abbreviation']}"



def summary_runs(summary: str, footnotes: Footnotes) -> Markup:
    """The summary's lines, broken where the author broke them (a Word line
    break); an unbroken summary is balanced later (``header_fit``)."""
    return Markup(LINE_BREAK.join(text_runs(line, footnotes) for line in summary.split("\n")))


def place_date(plan: dict) -> str:
    return f"{plan['place']}, {date_text(plan['date'])}"


def legal_bases(bases: list[str]) -> list[str]:
    """Each basis ends with ";", the last one with "."."""
    last = len(bases) - 1
    return [ensure_ending(basis, "." if index == last else ";") for index, basis in enumerate(bases)]


def recipient_line(recipient: dict) -> str:
    note = f" ({recipient['note']})" if recipient["note"] else ""
    return ensure_ending(recipient["name"] + note, ";")


def archive_line(units: list[str]) -> str:
    if not units or not units[0].startswith(ARCHIVE_OFFICE):
        units = [ARCHIVE_OFFICE, *units]
    return f"Lưu: {', '.join(units)}."


def authority_lines(signatory: dict) -> list[str]:
    lines = []
    if signatory["collective"]:
        lines.append(f"TM. {upper(signatory['collective'])}")
    authority = signatory["authority"]
    if authority == "Q":
        lines.append(f"Q. {upper(signatory['title'])}")
        return lines
    if authority:
        lines.append(f"{authority}. {upper(signatory['principal_title'])}")
    lines.append(upper(signatory["title"]))
    return lines


def attached_to(plan: dict) -> str:
    """"Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2021 của ...", for appendices."""
    return (
        f"{plan['document_type']} số {number_symbol(plan['number'], symbol(plan))} "
        f"{date_text(plan['date'])} của {plan['issuer']['name']}"
    )


def context(plan: dict, footnotes: Footnotes) -> dict:
    """Every template field but the body."""

    def runs(text: str):
        return text_runs(text, footnotes)

    issuer = plan["issuer"]
    return {
        "draft_mark": literal(upper(plan["draft_mark"])) if plan["draft_mark"] else None,
        "issuer_parent": literal(upper(issuer["parent"])) if issuer["parent"] else None,
        "issuer_lines": [literal(line) for line in issuer_lines(issuer["name"])],
        "number_symbol": literal(number_symbol(plan["number"], symbol(plan))),
        "place_date": literal(place_date(plan)),
        "document_type_upper": literal(upper(plan["document_type"])),
        "summary": summary_runs(plan["summary"], footnotes),
        "legal_bases": [runs(basis) for basis in legal_bases(plan["legal_bases"])],
        "lead_in": runs(plan["lead_in"]) if plan["lead_in"] else None,
        "recipients": [runs(recipient_line(recipient)) for recipient in plan["recipients"]],
        "archive_line": literal(archive_line(plan["archive"])),
        "authority_lines": [literal(line) for line in authority_lines(plan["signatory"])],
        "signer_name": literal(plan["signatory"]["name"]),
    }


def properties(document: dict) -> Properties:
    """The file's properties: title = the summary, author = the issuer, the
    number and symbol as keywords, the type as category."""
    return Properties(
        title=plain(document["summary"]).replace("\n", " "),
        subject=f"{document['document_type']} {plain(document['summary'])}".replace("\n", " "),
        author=document["issuer"]["name"],
        keywords=f"{document['document_type']} số {number_symbol(document['number'], symbol(document))}",
        category=document["document_type"],
    )
