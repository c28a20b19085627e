"""What "the same plan" means for a plan read back from its own document.

Some differences between two plans cannot show in the document, so no
reader (clerk or recognizer) can see them; ``canonical`` folds exactly
those, and nothing else:

- inline markup spelled differently for the same runs (``a*b`` and ``a\\*b``),
  bold inside headings (headings are bold anyway), italic inside legal
  bases and 1.1.1. headings (italic by their style), runs of whitespace;
- capitals the generator imposes (Roman-level headings, issuer, signatory
  lines, appendix titles, the draft mark);
- endings it imposes (";" and "." of legal bases, "./." of the closing or,
  without one, of the body's last paragraph, ":" of a run-in heading) and
  ``run_in`` where there is no paragraph to run in;
- named parts left with their default heading and nothing in them (not printed);
- named parts' inner layout: a part's sub-parts, agencies and numbered
  targets are the numbered headings they render as; the default heading
  spelled out or not; a target's value is part of its text;
- blocks that render alike: two bullet lists in a row, paragraphs and tables
  after a list of points (they read as the last point's own), a lead-in versus a
  first body paragraph, the "VT" the archive line starts with;
- appendix column keys (the document shows positions), orientation "auto";
- tables and task matrices as they print (tests/tables/printed.py): a cell
  as a string or an object, an alignment on the column or on the cell, the
  widths.
"""

from __future__ import annotations

from decimal import Decimal

from generators import front_matter
from generators.appendix import label as appendix_label
from generators.blocks.assignments import agency_heading as _agency_heading
from generators.blocks.section import is_empty_default
from generators.blocks.targets import target_text as _target_text
from nd30.kinds import kind_of, type_name
from nd30.markup import Footnote, parse
from nd30.vietnamese import upper
from schemas import load_plan
from tests.tables.printed import effective, printed

# The template's "ND30 Đề mục 1.1.1" is bold italic: italic markup in it does not show.
ITALIC_HEADING_DEPTH = 4
DEFAULTS = {
    "purposes_requirements": "Mục đích, yêu cầu", "targets": "Mục tiêu", "tasks": "Nhiệm vụ và giải pháp",
    "assignments": "Tổ chức thực hiện", "budget": "Kinh phí thực hiện", "reporting": "Chế độ thông tin, báo cáo",
}


def runs(text: str | None, *, bold: bool = True, italic: bool = True) -> tuple:
    """The visible runs of ``text``: characters with their formatting, whitespace folded."""
    if text is None:
        return ()
    out: list = []
    for item in parse(text):
        if isinstance(item, Footnote):
            out.append(("note", _chars(item.runs, bold)))
        else:
            out.extend(_chars((item,), bold, italic))
    return _folded(out)


def _chars(items, bold: bool, italic: bool = True) -> tuple:
    return _folded([(" ", False, False) if c.isspace() else (c, r.bold and bold, r.italic and italic)
                    for r in items for c in r.text])


def _folded(chars: list) -> tuple:
    out: list = []
    for key in chars:
        if key == (" ", False, False) and (not out or out[-1] == key):
            continue
        out.append(key)
    while out and out[-1] == (" ", False, False):
        out.pop()
    return tuple(out)


def heading_key(text: str | None, depth: int) -> tuple:
    if not text:
        return ()
    key = runs(text.rstrip(), bold=False, italic=depth != ITALIC_HEADING_DEPTH)
    if depth != 1:
        return key
    return tuple(k if k[0] == "note" else (upper(k[0]),) + k[1:] for k in key)


def _ended(text: str | None, **emphasis) -> tuple:
    """The visible runs without the ending the generator imposes ("./.", ";", ".")."""
    return _unended(runs(text, **emphasis))


def _unended(key: tuple) -> tuple:
    key = list(key)
    if [k[0] for k in key[-3:]] == [".", "/", "."]:
        del key[-3:]
    while key and key[-1][0] in ".;,: ":
        key.pop()
    return tuple(key)


def canonical(plan_json: dict) -> dict:
    """A document of any kind: the core every kind shares, then its own fields."""
    document = load_plan(plan_json)
    kind = document.get("kind") or "ke_hoach"
    if kind == "giay_moi":
        text = {**document, "body": document["notes"], "closing": None}
        return _core(text) | {"lines": _invitation_lines(document)}
    if kind == "quyet_dinh":
        bases = front_matter.legal_basis_texts(document)
        decision = _core({**document, "legal_bases": bases, "closing": None}) | {"authority": upper(document["authority"])}
        attachment = document["attachment"]
        if attachment:
            decision["attachment"] = _core({**document, **attachment, "kind": "ke_hoach", "legal_bases": [],
                                            "recipients": [], "archive": []})
        return decision
    result = _core(document)
    if document.get("addressees"):
        names = document["addressees"]
        result["addressees"] = [_ended(n) for n in front_matter.addressee_lines(names)] if len(names) > 1 else [runs(names[0])]
    return result


def _invitation_lines(invitation: dict) -> list:
    """The invitation's lines as they print (one source: the generator's)."""
    from generators.kinds import renderer
    return [_block(block, 1) for block in renderer("giay_moi").body_blocks({**invitation, "notes": []})]


def _core(plan: dict) -> dict:
    body = _blocks(plan["body"], 1)
    body = _children(body)
    if not plan.get("closing"):
        _fold_end(body)  # the last paragraph of the body then ends with "./." instead
    lead_in = plan.get("lead_in")
    if lead_in is None and body and body[0]["type"] == "paragraph":
        lead_in = body.pop(0)["text_key"]
    else:
        lead_in = runs(lead_in)
    issuer = plan["issuer"]
    return {
        "draft_mark": upper(plan["draft_mark"]) if plan["draft_mark"] else None,
        "issuer": (upper(issuer["parent"] or ""), tuple(front_matter.issuer_lines(issuer["name"]))),
        "number_symbol": (plan["number"], front_matter.symbol(plan)),
        "place_date": front_matter.place_date(plan),
        "document_type": type_name(plan),
        "summary": runs(plan["summary"], bold=False),
        # Legal bases are italic by their style: italic in them does not show.
        "legal_bases": [_ended(b, italic=False) for b in front_matter.legal_bases(plan.get("legal_bases", []))],
        "lead_in": lead_in,
        "body": body,
        "closing": _ended(front_matter.ensure_ending(plan["closing"], "./.")) if plan.get("closing") else None,
        "recipients": [_ended(front_matter.recipient_line(r)) for r in _recipients(plan)],
        "archive": front_matter.archive_line(plan["archive"]),
        "signatory": (tuple(front_matter.authority_lines(plan["signatory"])), plan["signatory"]["name"]),
        "appendices": [_appendix(a, i, len(plan.get("appendices", []))) for i, a in enumerate(plan.get("appendices", []))],
    }


def _recipients(document: dict) -> list[dict]:
    """The recipients as printed: the line the kind prints first included."""
    from generators.kinds import renderer
    first = renderer(kind_of(document)).first_recipient(document) if document.get("recipients") is not None else None
    return ([{"name": first}] if first else []) + document["recipients"]


def _section(kind: str, heading: str | None, run_in: bool, children: list[dict], depth: int) -> dict:
    children = _children(children)
    runs_in = bool(heading) and run_in and bool(children) and children[0]["type"] == "paragraph"
    if runs_in:
        heading = heading.rstrip()
        if heading.endswith(":"):
            heading = heading[:-1]
    return {"type": kind, "heading": heading_key(heading, depth), "run_in": runs_in, "children": children}


def _fold_end(blocks: list[dict]) -> bool:
    """The ending of the body's last paragraph folded, wherever it is."""
    if not blocks:
        return False
    last = blocks[-1]
    if "children" in last:
        if not _fold_end(last["children"]):
            last["heading"] = _unended(last["heading"])
    elif last["type"] == "paragraph":
        last["text_key"] = _unended(last["text_key"])
    elif last["type"] in ("table", "task_matrix"):
        return True  # "./." stands on its own line after a table: nothing of the table's to fold
    elif last["type"] == "bullets":
        text, subs = last["items"][-1]
        last["items"][-1] = (text, subs[:-1] + (_unended(subs[-1]),)) if subs else (_unended(text), subs)
    else:
        item = last["items"][-1]
        if not _fold_end(item["content"]):
            item["text"] = _unended(item["text"])
    return True


def _blocks(blocks: list[dict], depth: int) -> list[dict]:
    """Canonical blocks, without the named parts left empty with their
    default heading (the generator does not print them)."""
    return [b for b in (_block(block, depth) for block in blocks) if b is not None]


def _block(block: dict, depth: int) -> dict | None:
    kind = block["type"]
    if kind == "paragraph":
        return {"type": "paragraph", "text_key": runs(block["text"])}
    if kind == "bullets":
        return {"type": "bullets", "items": [(runs(i["text"]), tuple(runs(s) for s in i["sub_items"])) for i in block["items"]]}
    if kind in ("points", "clauses"):
        return {"type": kind, "items": [{"text": runs(i["text"]), "content": _blocks(i["content"], depth)}
                                        for i in block["items"]]}
    if kind == "article":  # the title bold by its style; without one, the first paragraph runs in
        return {"type": "article", "heading": runs(block["heading"], bold=False), "children": _children(_blocks(block["content"], depth))}
    if kind == "table":  # as it prints (tests/tables/printed.py): the grid, not its spelling
        return {"type": "table", "title": heading_key(block["title"], ITALIC_HEADING_DEPTH + 1),
                "unit_note": runs(block["unit_note"]), **effective(block)}
    if kind == "task_matrix":
        return {**printed(block), "type": "task_matrix"}
    if is_empty_default(block, kind):
        return None
    children = _blocks(block["content"], depth + 1)
    heading = block.get("heading") or (DEFAULTS.get(kind) if kind != "section" else None)
    if kind == "purposes_requirements":
        children += [_part(block[key], key, depth + 1) for key in ("purposes", "requirements") if block[key]]
        children += _blocks(block["sections"], depth + 1)
    elif kind == "targets":
        if block["general"]:
            children.append(_part(block["general"], "general", depth + 1))
        specific = block["specific"]
        if specific and is_empty_default(specific, "specific"):
            pass
        elif specific:
            inner, points = _blocks(specific["content"], depth + 2), None
            for item in specific["items"]:
                text = {"type": "paragraph", "text_key": runs(_target_text(item))}
                rest = _blocks(item["content"], depth + 2)
                if specific["style"] == "numbered":
                    inner.append(_section("section", None, True, [text] + rest, depth + 2))
                elif specific["style"] == "points":  # one list: a), b), c) …
                    if points is None:
                        points = {"type": "points", "items": []}
                        inner.append(points)
                    points["items"].append({"text": text["text_key"], "content": rest})
                else:
                    inner += [{"type": "bullets", "items": [(text["text_key"], ())]}] + rest
            inner += _blocks(specific["notes"], depth + 2)
            children.append(_section("section", specific["heading"], specific["run_in"], inner, depth + 1))
        children += _blocks(block["sections"], depth + 1)
    elif kind == "assignments":
        for agency in block["agencies"]:
            children.append(_section("section", _agency_heading(agency), agency["run_in"], _blocks(agency["duties"], depth + 2), depth + 1))
        children += _blocks(block["closing"], depth + 1)
    return _section(kind, heading, block["run_in"], [c for c in children if c is not None], depth)


def _part(part: dict, key: str, depth: int) -> dict | None:
    if is_empty_default(part, key):
        return None
    return _section("section", part["heading"], part["run_in"], _blocks(part["content"], depth + 1), depth)


def _children(blocks: list[dict]) -> list[dict]:
    """Blocks that render alike, made alike: text after a section moved into
    it, adjacent bullet lists merged, paragraphs and bullets after points
    and tables after points moved into the last point (each list of points
    restarts at a), so two lists stay apart)."""
    out: list[dict] = []
    for block in blocks:
        last = out[-1] if out else None
        if last and "children" in last and "children" not in block:
            last["children"] = _children(last["children"] + [block])  # text after a section reads as its own
            continue
        if last and last["type"] in ("points", "clauses") and block["type"] in ("paragraph", "bullets", "table"):
            last["items"][-1]["content"] = _children(last["items"][-1]["content"] + [block])
            continue
        if last and last["type"] == "bullets" and block["type"] == "bullets":
            last["items"] = last["items"] + block["items"]
            continue
        if block["type"] in ("points", "clauses"):
            block = {"type": block["type"], "items": [dict(i, content=_children(i["content"])) for i in block["items"]]}
        out.append(block)
    return out


def _appendix(appendix: dict, index: int, count: int) -> dict:
    table = appendix["table"]
    table_key = None
    if table:
        positions = {c["key"]: i for i, c in enumerate(table["columns"])}
        # Cells go through the inline markup too; their bold is the table's (header, total row).
        columns = [(runs(c["header"], bold=False), runs(c["group"], bold=False), c["kind"],
                    tuple(positions[k] for k in c["of"]), c["decimals"] if c["kind"] == "rate" else None)
                   for c in table["columns"]]
        rows = [(runs(r["label"], bold=False),
                 tuple(Decimal(str(r["values"].get(c["key"]) or 0)) for c in table["columns"] if c["kind"] == "input"))
                for r in table["rows"]]
        table_key = {"number_header": runs(table["number_header"], bold=False),
                     "label_header": runs(table["label_header"], bold=False),
                     "unit_note": runs(table["unit_note"]), "columns": columns, "rows": rows,
                     "total": runs(table["total"]["label"], bold=False) if table["show_total"] else None}
    return {"label": appendix_label(appendix, index, count), "title": runs(upper(appendix["title"]), bold=False), "table": table_key,
            "content": _blocks(appendix["content"], 1), "notes": _children(_blocks(appendix["notes"], 1))}
