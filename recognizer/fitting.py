"""A recognized document made to fit its schema without losing a word.

Validation names what breaks a limit; each problem is restructured, never
cut: a paragraph too long is split at a sentence end into two paragraphs
(again, until each fits: no limit is read here, the schema stays its only
source), a heading too long becomes the first paragraph under its number,
a bullet list too long two lists, a recipient's note too long part of its
name, and any other text that cannot stay in its field becomes a paragraph
(at the start of the body for the header's fields, at its end for the
signature block's, in an appendix's notes for an appendix's), with a
warning naming the field. What still breaks a limit — more recipients,
rows, blocks or text than a plan may hold — is refused with a clear code
(``TooMuchContent``), never returned shortened.
"""

from __future__ import annotations

from typing import Callable

from schemas import PlanInvalid

from .markup import split_markup
from .notes import Notes
from .refusals import FileRefused

MAX_ROUNDS = 40            # each round at least halves what is too long
# The schema's codes for more than a plan may hold.
TOO_MUCH = frozenset({"too_long", "too_many", "too_many_blocks", "too_much_text", "too_many_runs", "too_many_footnotes",
                      "too_many_cells", "too_many_cells_in_plan"})
HEAD_FIELDS = ("draft_mark", "issuer", "symbol", "place", "summary", "legal_bases", "lead_in")
SPLIT_IN_PLACE = ("legal_bases", "sub_items")   # lists of texts: a long one becomes two
# What a required field holds once its text went elsewhere (keyed by its
# last names in the path): a visible placeholder the clerk replaces.
PLACEHOLDERS = {
    ("issuer", "name"): "[Tên cơ quan ban hành]", ("place",): "[Địa danh]", ("summary",): "[Trích yếu nội dung]",
    ("signatory", "title"): "[Chức vụ người ký]", ("signatory", "name"): "[Họ và tên người ký]",
    ("signatory", "principal_title"): "[Chức vụ người đứng đầu]",
    ("agencies", "name"): "[Tên cơ quan thực hiện]", ("appendices", "title"): "Phụ lục",
}


class TooMuchContent(FileRefused):
    """The document holds more than one plan may (the schema's limits)."""

    def __init__(self, errors: list[dict]):
        first = errors[0] if errors else {"path": "", "message": ""}
        where = f"{first['path']}: " if first["path"] else ""
        message = (f"Văn bản có nhiều nội dung hơn một kế hoạch có thể chứa ({where}{first['message']}); "
                   "hãy tách thành nhiều văn bản rồi nhập từng phần.")
        Exception.__init__(self, message)
        self.code, self.status, self.message, self.errors = "too_much_content", 422, message, errors

    def __reduce__(self):
        # Raised in a worker process, answered by the service: it crosses as pickle.
        return TooMuchContent, (self.errors,)


def fit(data: dict, notes: Notes, load: Callable[[dict], dict]) -> tuple[dict, dict | None]:
    """``data`` restructured until ``load`` accepts it, and what ``load``
    made of it (the document as its schema loads it: read once, not again
    for the coverage); ``TooMuchContent`` when it still holds more than a
    plan may. Any other problem left (none is known) is the caller's
    validation to report, with the data kept (and None for the loaded)."""
    for _ in range(MAX_ROUNDS):
        try:
            return data, load(data)
        except PlanInvalid as invalid:
            errors = invalid.errors
        if not _restructure(data, errors, notes):
            break
    too_much = [error for error in errors if error["code"] in TOO_MUCH]
    if too_much:
        raise TooMuchContent(too_much)
    return data, None


def _restructure(data: dict, errors: list[dict], notes: Notes) -> bool:
    changed = False
    # Deepest and last first: a change never moves a path still to be handled.
    for error in sorted(errors, key=lambda e: _sort_key(e["path"]), reverse=True):
        path = [int(p) if p.isdigit() else p for p in error["path"].split(".") if p != ""]
        located = _locate(data, path)
        if located is None:
            continue
        parent, key = located
        value = parent[key]
        if error["code"] == "too_many" and isinstance(value, list):
            changed |= _split_list(data, path, notes)
        elif isinstance(value, str) and error["code"] in ("too_long", "blank", "invalid_pattern", "invalid_character",
                                                           "control_character", "line_break"):
            changed |= _place_text(data, path, error["code"], notes)
    return changed


def _sort_key(path: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in path.split("."))


def _locate(data, path: list):
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not path:
        return None
    try:
        node[path[-1]]
    except (KeyError, IndexError, TypeError):
        return None
    return node, path[-1]


def _node(data, path: list):
    for part in path:
        data = data[part]
    return data


def _split_list(data: dict, path: list, notes: Notes) -> bool:
    """A bullet list too long becomes two lists, which render alike."""
    if path[-1] != "items" or len(path) < 3 or not isinstance(path[-2], int):
        return False
    block = _node(data, path[:-1])
    if block.get("type") != "bullets":
        return False
    siblings = _node(data, path[:-2])
    half = len(block["items"]) // 2
    siblings[path[-2]: path[-2] + 1] = [{**block, "items": block["items"][:half]}, {**block, "items": block["items"][half:]}]
    notes.warn("list_split", path=".".join(map(str, path)))
    return True


def _place_text(data: dict, path: list, code: str, notes: Notes) -> bool:
    parent = _node(data, path[:-1])
    key = path[-1]
    text = parent[key]
    dotted = ".".join(map(str, path))
    halves = split_markup(text) if code == "too_long" else None
    if halves and isinstance(key, int) and path[-2] in SPLIT_IN_PLACE:
        parent[key: key + 1] = list(halves)
        notes.warn("paragraph_split", text=text, path=dotted)
        return True
    if halves and key == "text" and parent.get("type") == "paragraph" and isinstance(path[-2], int):
        siblings = _node(data, path[:-2])
        siblings[path[-2]: path[-2] + 1] = [{"type": "paragraph", "text": half} for half in halves]
        notes.warn("paragraph_split", text=text, path=dotted)
        return True
    if halves and key == "text" and isinstance(parent.get("content"), list):
        parent["text"] = halves[0]  # a point's or a target's text: the rest is its first paragraph
        parent["content"].insert(0, {"type": "paragraph", "text": halves[1]})
        notes.warn("paragraph_split", text=text, path=dotted)
        return True
    if halves and key == "text" and path[-3:-2] == ["items"] and _node(data, path[:-3]).get("type") == "bullets":
        _split_bullets(data, path, halves)  # the rest of an item's text: a paragraph after it
        notes.warn("paragraph_split", text=text, path=dotted)
        return True
    contents = (parent.get("duties") if key == "name" else parent.get("content")) if isinstance(parent, dict) else None
    if key in ("heading", "name") and isinstance(contents, list):
        contents.insert(0, {"type": "paragraph", "text": text})  # a heading, an agency's name: text under the number
        _vacate(parent, key, path)
        parent.pop("run_in", None)
        notes.warn("heading_as_text", text=text, path=dotted)
        return True
    if key == "note" and "recipients" in path:
        parent["name"] = f"{parent['name']} ({text})"  # "name (note)": the line reads the same
        del parent["note"]
        return True
    if halves and key in ("summary", "lead_in", "closing"):
        kept, moved = (halves[1], halves[0]) if key == "closing" else halves
        parent[key] = kept
        _to_body(data, path, moved)
        notes.warn("moved_to_body", text=moved, path=dotted)
        return True
    _to_body(data, path, text)
    if isinstance(key, int):
        del parent[key]
    elif path[0] == "recipients":
        del data["recipients"][path[1]]  # a recipient is its name
    else:
        _vacate(parent, key, path)
    notes.warn("moved_to_body", text=text, path=dotted)
    return True


def _split_bullets(data: dict, path: list, halves: tuple[str, str]) -> None:
    """The bullet list split after the item at ``path``, the second half of its
    text a paragraph between the two lists."""
    block, item = _node(data, path[:-3]), path[-2]
    siblings, at = _node(data, path[:-4]), path[-4]
    items = block["items"]
    first = {**items[item], "text": halves[0]}
    pieces = [{**block, "items": items[:item] + [first]}, {"type": "paragraph", "text": halves[1]}]
    if item + 1 < len(items):
        pieces.append({**block, "items": items[item + 1:]})
    siblings[at: at + 1] = pieces


def _vacate(parent: dict, key: str, path: list) -> None:
    """The field emptied: its placeholder when it is required, else left out."""
    names = tuple(p for p in path if isinstance(p, str))
    placeholder = PLACEHOLDERS.get(names[-2:]) or PLACEHOLDERS.get(names[-1:])
    if placeholder is not None:
        parent[key] = placeholder
    else:
        del parent[key]


def _to_body(data: dict, path: list, text: str) -> None:
    """``text`` as a paragraph near where it stood."""
    paragraph = {"type": "paragraph", "text": text}
    if path[0] == "appendices":
        data["appendices"][path[1]].setdefault("notes", []).insert(0, paragraph)
    elif path[0] in HEAD_FIELDS:
        data.setdefault("body", []).insert(0, paragraph)
    else:
        data.setdefault("body", []).append(paragraph)
