"""The fields every Decree 30 document has, from what the core readers
found: the head (draft mark, issuer, type, number and symbol, place and
date, summary, legal bases) and the foot (recipients, archive, signatory).
A required field that was not found gets a visible placeholder and a
warning naming it, so the result always validates."""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from nd30.kinds import DEFAULT_KIND, KINDS, symbol, type_name
from nd30.markup import plain
from nd30.vietnamese import date_text, issuer_lines, number_symbol, upper
from nd30.wording import (
    ADDRESSEES,
    AS_ABOVE,
    AS_IN_ARTICLE,
    LETTER_SUMMARY,
    names_its_addressees,
)

from ..coverage import Literal
from ..notes import Notes
from .front_matter import FrontMatter
from .header import Header, abbreviation, type_code
from .signature import ARCHIVE_OFFICE, Signature

DEFAULT_DOCUMENT_TYPE = "Kế hoạch"
PLACEHOLDERS = {
    "issuer": "[Tên cơ quan ban hành]",
    "place": "[Địa danh]",
    "summary": "[Trích yếu nội dung]",
    "title": "[Chức vụ người ký]",
    "name": "[Họ và tên người ký]",
}
SIGNATORY_ORDER = ("collective", "authority", "principal_title", "title", "name")
DECISION = "quyet_dinh"
AS_ABOVE_LINE = re.compile(rf"^{re.escape(AS_ABOVE)}\b", re.I)
AS_IN_ARTICLE_LINE = re.compile(rf"^{re.escape(AS_IN_ARTICLE)}\s+(\d{{1,3}})\b", re.I)


def first_recipient(data: dict) -> str | None:
    """The line a (validated) document prints first under "Nơi nhận:" itself."""
    if data.get("kind") == DECISION:
        return f"{AS_IN_ARTICLE} {data['executing_article'] or len(data['body'])}"
    return AS_ABOVE if names_its_addressees(data) else None


def head_fields(header: Header, front: FrontMatter, notes: Notes, kind: str = DEFAULT_KIND) -> dict:
    """The head's fields of a document of ``kind``: a plan carries its type
    (``document_type``), every other kind prints its own (a công văn none,
    its symbol then the issuer's and the drafting unit's)."""
    fields: dict = {}
    if header.draft_mark:
        fields["draft_mark"] = header.draft_mark
    name = header.name
    if not name:
        notes.warn("no_issuer", path="issuer.name")
        name = PLACEHOLDERS["issuer"]
    if kind == DEFAULT_KIND:
        document_type = front.document_type or DEFAULT_DOCUMENT_TYPE
        if not front.document_type:
            notes.warn("no_document_type", path="document_type")
    else:
        document_type = KINDS[kind].type_name
    issuer_abbreviation = abbreviation(name)
    symbol, drafting_unit = header.symbol, None
    if symbol:
        code, _, rest = symbol.partition("-")
        if document_type and code == type_code(document_type) and rest:
            issuer_abbreviation, symbol = rest, None
        elif not document_type and "-" not in rest and code:
            # A công văn's symbol: the issuer's abbreviation, then the drafting unit's (UBND-VX).
            issuer_abbreviation, drafting_unit, symbol = code, rest or None, None
    fields["issuer"] = {"name": name, "abbreviation": issuer_abbreviation}
    if header.parent:
        fields["issuer"] = {"parent": header.parent, **fields["issuer"]}
    if kind == DEFAULT_KIND:
        fields["document_type"] = document_type
    if drafting_unit:
        fields["drafting_unit"] = drafting_unit
    if header.number is not None:
        fields["number"] = header.number
    if symbol:
        fields["symbol"] = symbol
    if not header.place:
        notes.warn("no_place_date", path="place")
    fields["place"] = header.place or PLACEHOLDERS["place"]
    fields["date"] = _date(header.date, notes)
    summary = " ".join(front.summary_lines) or header.letter_summary or ""
    if not summary:
        notes.warn("no_summary", path="summary")
    fields["summary"] = summary or PLACEHOLDERS["summary"]
    if front.legal_bases:
        fields["legal_bases"] = front.legal_bases
    return fields


def automatic_recipient(recipients: list[dict], kind: str) -> tuple[list[dict], int | None]:
    """The recipients without the line the kind prints first itself ("Như
    trên", a decision's "Như Điều 3"), and the article that line names."""
    if not recipients or kind == DEFAULT_KIND:
        return recipients, None
    first = recipients[0]["name"]
    article = AS_IN_ARTICLE_LINE.match(first)
    if article and kind == DECISION:
        return recipients[1:], int(article.group(1))
    if AS_ABOVE_LINE.match(first):
        return recipients[1:], None
    return recipients, None


def _date(found: dict, notes: Notes) -> dict:
    date = dict(found)
    if "year" not in date:
        date["year"] = datetime.date.today().year
        notes.warn("no_year", path="date.year", year=date["year"])
    if "day" in date:
        try:
            datetime.date(date["year"], date["month"], date["day"])
        except ValueError:
            notes.warn("invalid_date", path="date.day", **date)
            del date["day"]
    return date


def foot_fields(signature: Signature, notes: Notes) -> dict:
    fields: dict = {}
    if signature.recipients:
        fields["recipients"] = signature.recipients
    if not signature.found_recipients:
        notes.warn("no_recipients", path="recipients")
    if signature.archive:
        fields["archive"] = signature.archive
    signatory = signature.signatory or {}
    if not signature.signatory:
        notes.warn("no_signatory", path="signatory")
    if not signatory.get("title"):
        signatory["title"] = PLACEHOLDERS["title"]
    if not signatory.get("name"):
        if signature.signatory:
            notes.warn("no_signer_name", path="signatory.name")
        signatory["name"] = PLACEHOLDERS["name"]
    fields["signatory"] = {key: signatory[key] for key in SIGNATORY_ORDER if key in signatory}
    return fields


def head_texts(data: dict) -> Iterator[str]:
    """The texts the head of a (validated) document shows, the national
    title and motto aside: what the coverage figure counts as kept."""
    issuer = data["issuer"]
    yield from map(Literal, (data["draft_mark"] or "", issuer["parent"] or "", *issuer_lines(issuer["name"]), "Số",
                             number_symbol(data["number"], symbol(data)), data["place"], date_text(data["date"]),
                             type_name(data) or LETTER_SUMMARY))
    yield from (data["summary"], *data.get("legal_bases", ()))
    if data.get("addressees"):
        yield from (ADDRESSEES, *data["addressees"])


def foot_texts(data: dict) -> Iterator[str]:
    """The texts the recipients and the signatory of a (validated) document show."""
    yield "Nơi nhận"
    automatic = first_recipient(data)
    if automatic:
        yield automatic
    for recipient in data["recipients"]:
        yield from (recipient["name"], recipient["note"] or "")
    signatory = data["signatory"]
    yield from map(Literal, ("Lưu", ARCHIVE_OFFICE, *data["archive"], "TM" if signatory["collective"] else "",
                             signatory["collective"] or "", signatory["authority"] or "",
                             signatory["principal_title"] or "", signatory["title"], signatory["name"]))


def issuer_as_written(header: Header, appendices: list[dict]) -> None:
    """The header writes the issuer in capitals; an appendix's "(Kèm theo …
    của Ủy ban nhân dân huyện …)" line writes it as it is spelled."""
    for appendix in appendices:
        attached = appendix.pop("_attached", None)
        match = re.search(r"\bcủa (.+)\)\s*$", attached or "")
        written = match.group(1).strip() if match else None
        if written and header.name:
            # The header's two lines do not show whether a space joined them ("Ủy ban nhân dân<").
            same = issuer_lines(written) == issuer_lines(header.name)
            header.name = written if same else _spelled(header.name, plain(written))


def _spelled(capitals: str, shown: str) -> str:
    """The name whose capitals the header shows (literally) and whose text
    the appendix line shows (through markup), or the capitals when none fits."""
    name, at = [], 0
    for char in capitals:
        if at < len(shown) and upper(shown[at]) == upper(char):
            name.append(shown[at])
            at += 1
        else:
            name.append(char)  # an escape the appendix line does not show
    candidate = "".join(name)
    if at == len(shown) and upper(candidate) == upper(capitals) and plain(candidate) == shown:
        return candidate
    return capitals
