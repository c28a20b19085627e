"""A Decree 30 document read on the core, part by part — header, front
matter, "Kính gửi:", body, closing, signature block, appendices — and the
fields every kind has assembled from them. A kind reads its own parts
further (a decision's authority and articles, an invitation's lines) and
adds its own fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from nd30.kinds import DEFAULT_KIND
from nd30.vietnamese import END_OF_TEXT, drop_ending
from schemas import KINDS

from .. import blocks
from ..notes import Notes
from ..outline import is_own_style
from ..reading import Document, Table
from . import checks
from .addressees import take_addressees
from .appendix import appendix_texts, read_appendices
from .body import read_body
from .closing import read_closing
from .fields import (
    automatic_recipient,
    foot_fields,
    foot_texts,
    head_fields,
    head_texts,
    issuer_as_written,
)
from .front_matter import FrontMatter, read_front_matter
from .header import Header, read_header
from .regions import Regions, find_regions, paragraphs_of, split_front
from .signature import Signature, read_signature

ADDRESSEES_PLACEHOLDER = "[Nơi nhận văn bản]"


@dataclass
class Parts:
    header: Header
    front: FrontMatter
    body: list[dict]
    closing: str | None
    signature: Signature
    appendices: list[dict]
    addressees: list[str] = field(default_factory=list)


def read_parts(document: Document, notes: Notes, *, regions: Regions | None = None, bases: bool = False,
               addressees: bool = False, named_parts: bool = False, articles: bool = False,
               attached: bool = False, closing: bool = True) -> Parts:
    """The parts of ``document`` (or of ``regions`` of it): the legal bases
    and lead-in read only for a kind that has them (``bases``), "Kính gửi:"
    for one that has addressees, the body's named parts for a plan, its
    articles for a decision. The document a decision issues (``attached``)
    is read in the decision's file: the file's checks are the decision's.
    A kind without a closing of its own (``closing=False``) still gets the
    text that reads as one, without a warning when there is none."""
    if not attached and not any(p.text.strip() for p in document.paragraphs()):
        notes.warn("empty_document")
    regions = regions or find_regions(document.items)
    front_paragraphs, body_items = regions.front, regions.body
    names: list[str] = []
    if addressees:
        names, rest = take_addressees(regions.front + regions.body)
        front_paragraphs, body_items = split_front(rest)
    header = read_header(paragraphs_of(regions.header), notes)
    if not header.found:
        notes.warn("no_header")
    front = read_front_matter(front_paragraphs, notes, bases=bases)
    body_items = list(front.extra) + body_items
    if bases and _one_paragraph_body(front, body_items):
        body_items, front.lead_in = [front.lead_in_para], None
    closing, body_items = read_closing(body_items, notes, expected=closing)
    body, table_appendices = read_body(body_items, notes, named_parts=named_parts, articles=articles)
    signature = read_signature(regions.signature, notes)
    appendices = table_appendices + read_appendices(regions.appendices, notes)
    if not attached:
        checks.check(document, notes)
    issuer_as_written(header, appendices)
    return Parts(header, front, body, closing, signature, appendices, names)


def _one_paragraph_body(front: FrontMatter, body_items: list) -> bool:
    """Our generator's body of one paragraph, taken for the lead-in: nothing
    follows it, and it ends with the "./." the generator puts on the body's end."""
    para = front.lead_in_para
    return (para is not None and is_own_style(para) and drop_ending(front.lead_in, END_OF_TEXT) != front.lead_in
            and not any(isinstance(item, Table) or item.text.strip() for item in body_items))


def head(parts: Parts, notes: Notes, kind: str) -> dict:
    """The version, the kind (a plan leaves it out, as plans always did) and the head's fields."""
    data: dict = {"schema_version": 1}
    if kind != DEFAULT_KIND:
        data["kind"] = kind
    data.update(head_fields(parts.header, parts.front, notes, kind))
    return data


def foot(parts: Parts, notes: Notes, kind: str) -> tuple[dict, int | None]:
    """The recipients (without the line the kind prints first itself), the
    archive and the signatory; and the article that line names ("Như Điều 3")."""
    fields = foot_fields(parts.signature, notes)
    recipients, article = automatic_recipient(fields.get("recipients", []), kind)
    if "recipients" in fields:
        fields["recipients"] = recipients
    return fields, article


def text_document(document: Document, notes: Notes, kind: str, *, addressees: bool) -> dict:
    """A document whose body is text (models 1.4, 1.5): the head, "Kính gửi:"
    for a kind that has it, the body without named parts, the closing, the
    foot and the appendices."""
    parts = read_parts(document, notes, addressees=addressees)
    data = head(parts, notes, kind)
    if addressees and parts.addressees:
        data["addressees"] = parts.addressees
    elif addressees and KINDS[kind].fields["addressees"].required:
        notes.warn("no_addressees", path="addressees")
        data["addressees"] = [ADDRESSEES_PLACEHOLDER]
    return with_text(data, parts, notes, kind)


def with_text(data: dict, parts: Parts, notes: Notes, kind: str) -> dict:
    """``data`` with the body, the closing, the foot and the appendices of a document of text (or a plan)."""
    data["body"] = parts.body
    if parts.closing:
        data["closing"] = parts.closing
    data.update(foot(parts, notes, kind)[0])
    if parts.appendices:
        data["appendices"] = parts.appendices
    return data


def text_document_texts(data: dict) -> Iterator[str]:
    """The texts a (validated) document of text shows: what the coverage figure counts as kept."""
    yield from head_texts(data)
    yield from blocks.shown_texts(data["body"])
    yield data["closing"] or ""
    yield from foot_texts(data)
    yield from appendix_texts(data)
