"""What a valid plan's .docx must satisfy, and the texts it must show."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from generators.blocks.section import is_empty_default
from generators.front_matter import recipient_line
from nd30.markup import plain
from nd30.vietnamese import ensure_ending, issuer_lines, upper

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def reopen(data: bytes) -> docx.document.Document:
    """The .docx opens like Word would: a zip whose XML parts all parse
    strictly (no recovery), and python-docx reads it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(info.filename))  # raises on malformed XML
    return docx.Document(io.BytesIO(data))


def document_text(document) -> str:
    """Every paragraph of the body (table cells included), one per line."""
    lines = []
    for paragraph in document.element.body.iter(f"{W}p"):
        lines.append("".join(node.text or "" for node in paragraph.iter(f"{W}t")))
    return "\n".join(lines)


def expected_texts(plan: dict) -> list[str]:
    """Texts of a validated plan that must appear verbatim in its document."""
    texts = [plain(plan["summary"]), plan["place"], plan["signatory"]["name"], *issuer_lines(plan["issuer"]["name"])]
    bases = plan["legal_bases"]
    texts += [plain(ensure_ending(basis, "." if i == len(bases) - 1 else ";")) for i, basis in enumerate(bases)]
    if plan.get("lead_in"):
        texts.append(plain(plan["lead_in"]))
    if plan.get("closing"):
        texts.append(plain(ensure_ending(plan["closing"], "./.")))
    texts += [plain(recipient_line(recipient)) for recipient in plan["recipients"]]
    _blocks(plan["body"], texts)
    for appendix in plan["appendices"]:
        texts.append(plain(appendix["title"].upper()))
        table = appendix.get("table")
        if table:
            texts += [plain(column["header"]) for column in table["columns"]]
            texts += [plain(row["label"]) for row in table["rows"]]
    return [text for text in texts if text]


class Heading(str):
    """A heading: printed in capitals at the first level, as typed below."""


def _blocks(blocks: list[dict], texts: list) -> None:
    for block in blocks:
        kind = block.get("type")
        if kind == "paragraph":
            texts.append(plain(block["text"]))
        elif kind == "bullets":
            for item in block["items"]:
                texts.append(plain(item["text"]))
                texts += [plain(sub) for sub in item["sub_items"]]
        elif kind == "points":
            for item in block["items"]:
                texts.append(plain(item["text"]))
                _blocks(item["content"], texts)
        else:
            _section(block, texts, kind)


def _section(section: dict, texts: list, kind: str) -> None:
    if is_empty_default(section, kind):
        return  # an empty named part is not printed
    if section.get("heading"):
        texts.append(Heading(plain(section["heading"])))
    _blocks(section.get("content", []), texts)
    for key in ("purposes", "requirements", "general"):
        if section.get(key):
            _section(section[key], texts, key)
    specific = section.get("specific")
    if specific:
        _section(specific, texts, "specific")
        for item in specific["items"]:
            if item["value"] is None:  # with a value, the figure is appended to the text
                texts.append(plain(item["text"]))
            _blocks(item["content"], texts)
        _blocks(specific["notes"], texts)
    for agency in section.get("agencies", []):
        _blocks(agency["duties"], texts)
    _blocks(section.get("closing", []), texts)
    _blocks(section.get("sections", []), texts)


def missing_texts(plan: dict, document) -> list[str]:
    shown = document_text(document)
    missing = []
    for text in expected_texts(plan):
        # Without a closing paragraph the body's last paragraph ends the text with "./.".
        forms = {text} if plan.get("closing") else {text, ensure_ending(text, "./.")}
        if isinstance(text, Heading):
            forms |= {upper(form) for form in forms}
        if not any(form in shown for form in forms):
            missing.append(text)
    return missing
