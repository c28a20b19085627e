"""The whole document → a plan: finds the regions (header, front matter,
body, closing, recipients and signatory, appendices), lets each module read
its own, and makes sure the result is a valid plan (visible placeholders
and a warning for whatever required field could not be found)."""

from __future__ import annotations

import dataclasses
import datetime
import re

from nd30.markup import plain
from nd30.vietnamese import (
    END_OF_TEXT,
    appendix_label,
    drop_ending,
    issuer_lines,
    upper,
)
from schemas import PlanInvalid, limits, load_plan

from . import appendix as A
from . import checks
from .front_matter import document_type_of, is_basis, read_front_matter
from .header import (
    NUMBER_LINE,
    Header,
    abbreviation,
    is_motto,
    is_national_title,
    read_header,
    type_code,
)
from .notes import Notes
from .outline import OWN_STYLE_PREFIX, OutlineBuilder, classify
from .parts import name_parts
from .reading import Document, Para, Table
from .signature import read_signature, starts_signature
from .text import clean, is_upper, words_of

HEADER_SEARCH = 60   # the type line ("KẾ HOẠCH") is among the first items
PLACEHOLDERS = {
    "issuer": "[Tên cơ quan ban hành]",
    "place": "[Địa danh]",
    "summary": "[Trích yếu nội dung]",
    "title": "[Chức vụ người ký]",
    "name": "[Họ và tên người ký]",
}
CLOSING_STYLE = "ND30Closing"


def empty() -> dict:
    """What an empty file gives: a plan of placeholders, with warnings."""
    return build(Document([], [], None))


def build(document: Document) -> dict:
    notes = Notes()
    items = document.items
    if not any(p.text.strip() for p in document.paragraphs()):
        notes.warn("empty_document")
    type_at = _type_line(items)
    header_items, rest_start = _header_region(items, type_at)
    header = read_header([p for item in header_items for p in _paras(item)], notes)
    if not header.found:
        notes.warn("no_header")
    signature_at = next((i for i in range(rest_start, len(items)) if starts_signature(items[i]) and i > rest_start), None)
    if signature_at is None:
        signature_at = next((i for i in range(rest_start, len(items)) if starts_signature(items[i])), len(items))
    appendix_at = _appendix_start(items, signature_at)
    middle = items[rest_start:signature_at]
    body_at = next((i for i, item in enumerate(middle) if _starts_body(item)), len(middle))
    front = read_front_matter([p for p in middle[:body_at] if isinstance(p, Para)], notes)
    body_items = list(front.extra) + middle[body_at:]
    closing, body_items = _closing(body_items, notes)
    body, table_appendices = _body(body_items, notes)
    signature = read_signature(items[signature_at:appendix_at], notes)
    appendices = table_appendices + _appendices(items[appendix_at:], notes)
    checks.check(document, notes)

    _issuer_as_written(header, appendices)
    plan = _assemble(header, front, body, closing, signature, appendices, notes)
    return {"plan": fit(plan, notes), "warnings": notes.warnings, "fixes": notes.fixes}


def _starts_body(item) -> bool:
    """A table, the closing, a heading, a point or a bullet that is no legal
    basis typed as a list: the front matter has none of them."""
    if isinstance(item, Table) or item.style_id == CLOSING_STYLE:
        return True
    role = classify(item).role
    return role in ("heading", "point") or role in ("bullet", "sub_bullet") and not is_basis(item)


def _paras(item) -> list[Para]:
    return item.paragraphs if isinstance(item, Table) else [item]


def _type_line(items: list) -> int | None:
    for index, item in enumerate(items[:HEADER_SEARCH]):
        if isinstance(item, Para) and item.cell is None and document_type_of(item.text):
            return index
    return None


def _header_region(items: list, type_at: int | None) -> tuple[list, int]:
    if type_at is not None:
        return items[:type_at], type_at
    for index, item in enumerate(items[:5]):
        if isinstance(item, Table):
            texts = [p.text for p in item.paragraphs]
            if any(is_national_title(t) or is_motto(t) or NUMBER_LINE.match(t) for t in texts):
                return items[: index + 1], index + 1
    return [], 0


def _appendix_start(items: list, signature_at: int) -> int:
    seen_table = False
    for index in range(signature_at, len(items)):
        item = items[index]
        if isinstance(item, Table):
            if seen_table or not starts_signature(item):
                return index if not A.is_label(_previous_text(items, index)) else index - 1
            seen_table = True
        elif index > signature_at and A.is_label(item.text):
            return index
    return len(items)


def _previous_text(items: list, index: int) -> str:
    previous = items[index - 1] if index > 0 else None
    return previous.text if isinstance(previous, Para) else ""


def _closing(body_items: list, notes: Notes) -> tuple[str | None, list]:
    for index in range(len(body_items) - 1, -1, -1):
        item = body_items[index]
        if isinstance(item, Table) or not item.text.strip():
            continue
        text = clean(item.text)
        if item.style_id.startswith(OWN_STYLE_PREFIX) and item.style_id != CLOSING_STYLE:
            # Our generator ends the body's last paragraph with "./." when
            # there is no closing paragraph: the mark is not the paragraph's text.
            notes.warn("no_closing")
            return None, body_items[:index] + [_without_end_mark(item)] + body_items[index + 1:]
        role = classify(item).role
        closing_like = item.style_id == CLOSING_STYLE or (
            role == "paragraph" and (words_of(text).startswith("tren day") or text.endswith("./.")))
        if not closing_like:
            break
        from .markup import to_markup
        markup, _ = to_markup(item.segments, item.base_bold, item.base_italic)
        markup = clean(markup)
        if not markup.endswith("./."):
            notes.fix("closing_ending", item.index, text, "closing")
        for later in body_items[index + 1:]:
            if isinstance(later, Para) and later.text.strip():
                notes.warn("unplaced_paragraph", later.index, later.text)
        return drop_ending(markup, "./.") if markup.endswith("./.") else markup.rstrip(".;,:").rstrip() or markup, body_items[:index]
    notes.warn("no_closing")
    return None, body_items


def _without_end_mark(para: Para) -> Para:
    """``para`` without the "./." the generator ended its last run with (or
    added as a run of its own after a footnote), when the text did not."""
    segments = list(para.segments)
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        if segment.note is not None or not segment.text.strip():
            continue
        shown = segment.text.rstrip()
        if shown == END_OF_TEXT:
            if not any(s.note is not None or s.text.strip() for s in segments[:index]):
                return para  # the whole text, as typed
            del segments[index]
        else:
            kept = drop_ending(shown, END_OF_TEXT)
            if kept == shown:
                return para  # no mark, or one typed as part of the text
            segments[index] = dataclasses.replace(segment, text=kept)
        return dataclasses.replace(para, segments=segments)
    return para


def _body(body_items: list, notes: Notes) -> tuple[list[dict], list[dict]]:
    builder = OutlineBuilder(notes)
    appendices = []
    for item in body_items:
        if isinstance(item, Table):
            appendix = A.appendix_from([], item, notes)
            if "table" in appendix:
                notes.warn("table_in_body", item.paragraphs[0].index if item.paragraphs else None,
                           item.paragraphs[0].text if item.paragraphs else None)
                appendices.append(appendix)
            continue
        if not item.text.strip() and not item.numbering_label and not any(s.note for s in item.segments):
            continue  # an empty line; an empty numbered heading still is a section
        line = classify(item)
        if line.role == "heading" and line.rank == 0 and line.typed and not is_upper(item.text):
            notes.fix("heading_case", item.index, item.text)
        builder.add(line)
    blocks = name_parts(builder.blocks())
    if not blocks:
        notes.warn("no_body")
    return blocks, appendices


def _appendices(items: list, notes: Notes) -> list[dict]:
    """Each appendix starts at its label ("Phụ lục I") or at a table that
    follows another: the paragraphs before its table name it, those after
    the table are its notes."""
    groups: list[dict] = []
    for item in items:
        starts = isinstance(item, Table) and (not groups or groups[-1]["table"] is not None)
        starts = starts or (isinstance(item, Para) and A.starts_appendix(item) and (not groups or groups[-1]["table"] is not None or groups[-1]["after"] or _named(groups[-1])))
        if starts or not groups:
            groups.append({"before": [], "table": None, "after": []})
        group = groups[-1]
        if isinstance(item, Table):
            group["table"] = item
        elif item.text.strip():
            (group["after"] if group["table"] is not None else group["before"]).append(item)
    appendices = []
    for group in groups:
        if not group["before"] and group["table"] is None:
            continue
        appendix = A.appendix_from(group["before"], group["table"], notes)
        note_paragraphs = group["after"] + appendix.pop("_notes", [])
        if note_paragraphs:
            appendix["notes"] = _notes_blocks(note_paragraphs, notes)
        appendices.append(appendix)
    for index, appendix in enumerate(appendices):
        if appendix.get("label") == appendix_label(index, len(appendices)):
            del appendix["label"]
    return appendices[: limits.APPENDICES]


def _named(group: dict) -> bool:
    return any(A.starts_appendix(p) for p in group["before"]) and any(A.is_title(p) for p in group["before"])


def _notes_blocks(paragraphs: list[Para], notes: Notes) -> list[dict]:
    builder = OutlineBuilder(notes)
    for para in paragraphs:
        builder.add(classify(para))
    blocks = []
    for block in builder.blocks():
        if block["type"] in ("paragraph", "bullets"):
            blocks.append(block)
        else:
            blocks.extend({"type": "paragraph", "text": text} for text in _texts(block))
    return blocks


def _texts(block: dict) -> list[str]:
    texts = [block[key] for key in ("heading", "text") if block.get(key)]
    for item in block.get("items", []):
        texts.append(item["text"])
        for child in item.get("content", []):
            texts.extend(_texts(child))
    for child in block.get("content", []):
        texts.extend(_texts(child))
    return texts


def _issuer_as_written(header: Header, appendices: list[dict]) -> None:
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


def _assemble(header: Header, front, body, closing, signature, appendices, notes: Notes) -> dict:
    plan: dict = {"schema_version": 1}
    if header.draft_mark:
        plan["draft_mark"] = header.draft_mark
    name = header.name
    if not name:
        notes.warn("no_issuer", path="issuer.name")
        name = PLACEHOLDERS["issuer"]
    document_type = front.document_type or "Kế hoạch"
    if not front.document_type:
        notes.warn("no_document_type", path="document_type")
    issuer_abbreviation = abbreviation(name)
    symbol = header.symbol
    if symbol:
        code, _, rest = symbol.partition("-")
        if code == type_code(document_type) and rest:
            issuer_abbreviation = rest
            symbol = None
    plan["issuer"] = {"name": name, "abbreviation": issuer_abbreviation}
    if header.parent:
        plan["issuer"] = {"parent": header.parent, **plan["issuer"]}
    plan["document_type"] = document_type
    if header.number is not None:
        plan["number"] = header.number
    if symbol:
        plan["symbol"] = symbol
    if not header.place:
        notes.warn("no_place_date", path="place")
    plan["place"] = header.place or PLACEHOLDERS["place"]
    date = dict(header.date)
    if "year" not in date:
        date["year"] = datetime.date.today().year
        notes.warn("no_year", path="date.year", year=date["year"])
    if "day" in date:
        try:
            datetime.date(date["year"], date["month"], date["day"])
        except ValueError:
            notes.warn("invalid_date", path="date.day", **date)
            del date["day"]
    plan["date"] = date
    summary = " ".join(front.summary_lines)
    if not summary:
        notes.warn("no_summary", path="summary")
    plan["summary"] = summary or PLACEHOLDERS["summary"]
    if front.legal_bases:
        plan["legal_bases"] = front.legal_bases
    if front.lead_in:
        plan["lead_in"] = front.lead_in
    plan["body"] = body
    if closing:
        plan["closing"] = closing
    if signature.recipients:
        plan["recipients"] = signature.recipients
    if not signature.found_recipients:
        notes.warn("no_recipients", path="recipients")
    if signature.archive:
        plan["archive"] = signature.archive
    signatory = signature.signatory or {}
    if not signature.signatory:
        notes.warn("no_signatory", path="signatory")
    if not signatory.get("title"):
        signatory["title"] = PLACEHOLDERS["title"]
    if not signatory.get("name"):
        if signature.signatory:
            notes.warn("no_signer_name", path="signatory.name")
        signatory["name"] = PLACEHOLDERS["name"]
    plan["signatory"] = _ordered_signatory(signatory)
    if appendices:
        plan["appendices"] = appendices
    return plan


def _ordered_signatory(signatory: dict) -> dict:
    order = ("collective", "authority", "principal_title", "title", "name")
    return {key: signatory[key] for key in order if key in signatory}


def fit(plan: dict, notes: Notes, attempts: int = 3) -> dict:
    """The plan, repaired where it breaks the schema's limits (text cut to
    length, lists cut to size, too-deep headings dropped), with a warning
    for each repair; whatever cannot be repaired is left for the caller's
    validation to report."""
    for _ in range(attempts):
        try:
            load_plan(plan)
            return plan
        except PlanInvalid as invalid:
            if not _repair(plan, invalid.errors, notes):
                return plan
    return plan


def _repair(plan: dict, errors: list[dict], notes: Notes) -> bool:
    repaired = False
    for error in sorted(errors, key=lambda e: e["path"], reverse=True):
        parts = [int(p) if p.isdigit() else p for p in error["path"].split(".") if p != ""]
        parent, key = _locate(plan, parts)
        if parent is None:
            continue
        value = parent[key]
        if error["code"] == "too_long" and isinstance(value, str):
            limit = _limit(error["message"])
            parent[key] = value[:limit].rstrip()
            notes.warn("too_long", path=error["path"], text=value, max=limit)
            repaired = True
        elif error["code"] == "too_many" and isinstance(value, list):
            limit = _limit(error["message"])
            parent[key] = value[:limit]
            notes.warn("too_many", path=error["path"], what="mục", max=limit)
            repaired = True
        elif error["code"] in ("invalid_pattern", "blank", "invalid_character", "control_character") and isinstance(value, str):
            if isinstance(parent, dict) and key in ("symbol", "note", "label", "group", "unit_note", "parent"):
                del parent[key]
                repaired = True
    return repaired


def _locate(plan, parts):
    node = plan
    for part in parts[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None, None
    if not parts:
        return None, None
    try:
        node[parts[-1]]
    except (KeyError, IndexError, TypeError):
        return None, None
    return node, parts[-1]


def _limit(message: str) -> int:
    digits = [int("".join(c for c in word if c.isdigit())) for word in message.split() if any(c.isdigit() for c in word)]
    return digits[0] if digits else limits.NAME


__all__ = ["build", "fit"]
