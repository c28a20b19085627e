"""Template fields outside the body that every kind shares — header block,
summary, addressees, recipients and signatory — and the file's properties,
with Decree 30's conventions applied."""

from __future__ import annotations

from dataclasses import dataclass

from nd30.kinds import citation, name_of, symbol, type_name
from nd30.markup import plain
from nd30.vietnamese import date_text, ensure_ending, issuer_lines, number_symbol, upper
from nd30.wording import PROPOSED_BY

from .wordml import Footnotes, Markup, literal, text_runs

ARCHIVE_OFFICE = "VT"
LINE_BREAK = "<w:r><w:br/></w:r>"


@dataclass(frozen=True)
class Properties:
    """What Word shows in File → Info: the document's, not the template's."""

    title: str
    subject: str
    author: str
    keywords: str = ""
    category: str = ""


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
    note = f" ({recipient['note']})" if recipient.get("note") else ""
    return ensure_ending(recipient["name"] + note, ";")


def addressee_lines(names: list[str]) -> list[str]:
    """After "Kính gửi:": one name as typed, on the same line; several one a
    line, each ending ";" and the last "." (Appendix I, 9a)."""
    return names if len(names) == 1 else legal_bases(names)


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


# Appendices are "(Kèm theo …)" this citation of their document.
attached_to = citation


def legal_basis_texts(document: dict) -> list[str]:
    """The legal bases, then (in a decision) "Theo đề nghị của …"."""
    proposal = [f"{PROPOSED_BY} {document['proposed_by']}"] if document.get("proposed_by") else []
    return legal_bases(document.get("legal_bases", []) + proposal)


def context(document: dict, footnotes: Footnotes, first_recipient: str | None = None) -> dict:
    """The template fields of the parts the document has (a kind without
    legal bases or addressees has no such field), its texts written in the
    order footnotes number; ``first_recipient`` is the line the kind prints
    first under "Nơi nhận:" ("Như trên")."""

    def runs(text: str):
        return text_runs(text, footnotes)

    issuer = document["issuer"]
    fields = {
        "draft_mark": literal(upper(document["draft_mark"])) if document["draft_mark"] else None,
        "issuer_parent": literal(upper(issuer["parent"])) if issuer["parent"] else None,
        "issuer_lines": [literal(line) for line in issuer_lines(issuer["name"])],
        "number_symbol": literal(number_symbol(document["number"], symbol(document))),
        "place_date": literal(place_date(document)),
        "document_type_upper": literal(upper(type_name(document) or "")),
        "summary": summary_runs(document["summary"], footnotes),
        "legal_bases": [runs(basis) for basis in legal_basis_texts(document)],
        "lead_in": runs(document["lead_in"]) if document.get("lead_in") else None,
        "addressees": [runs(line) for line in addressee_lines(document.get("addressees", []))],
    }
    recipients = ([{"name": first_recipient}] if first_recipient else []) + document["recipients"]
    return fields | {
        "recipients": [runs(recipient_line(recipient)) for recipient in recipients],
        "archive_line": literal(archive_line(document["archive"])),
        "authority_lines": [literal(line) for line in authority_lines(document["signatory"])],
        "signer_name": literal(document["signatory"]["name"]),
    }


def properties(document: dict) -> Properties:
    """The file's properties: title = the summary, author = the issuer, the
    number and symbol as keywords, the type as category."""
    name = name_of(document)
    return Properties(
        title=plain(document["summary"]).replace("\n", " "),
        subject=f"{name} {plain(document['summary'])}".replace("\n", " "),
        author=document["issuer"]["name"],
        keywords=f"{name} số {number_symbol(document['number'], symbol(document))}",
        category=name,
    )
