"""Named parts of a plan, recognized from their headings the way clerks
type them (any case, with or without accents, the usual variants): generic
sections from the outline become ``purposes_requirements``, ``targets``,
``tasks``, ``assignments`` (one agency per numbered heading), ``budget``,
``reporting``. A part whose inner shape does not fit keeps its children as
``content``, which renders the same."""

from __future__ import annotations

import re

from nd30.parts import DEFAULT_HEADINGS

from .text import words_of

# Whole headings (folded, punctuation dropped) that name a part.
EXACT = {
    "purposes_requirements": {"muc dich yeu cau", "muc dich va yeu cau", "muc dich"},
    "targets": {"muc tieu", "cac muc tieu", "muc tieu va chi tieu", "muc tieu chi tieu", "muc tieu chung"},
    "budget": {"kinh phi"},
}
# Beginnings of headings that name a part, tried in this order.
PREFIXES = (
    ("assignments", ("to chuc thuc hien", "to chuc trien khai", "trach nhiem thuc hien", "phan cong thuc hien",
                     "phan cong nhiem vu", "trach nhiem cua cac")),
    ("budget", ("kinh phi", "nguon kinh phi", "du toan kinh phi", "nguon luc thuc hien")),
    ("reporting", ("che do thong tin", "che do bao cao", "thong tin bao cao", "bao cao ket qua", "che do thong tin bao cao")),
    ("tasks", ("nhiem vu", "cac nhiem vu", "giai phap", "cac giai phap", "noi dung nhiem vu")),
)
CONTAINS = (("tasks", "nhiem vu"),)
SUB_PARTS = {
    "purposes_requirements": (("purposes", ("muc dich",)), ("requirements", ("yeu cau",))),
    "targets": (("general", ("muc tieu tong quat", "muc tieu chung")),
                ("specific", ("muc tieu cu the", "chi tieu cu the", "cac chi tieu", "cac muc tieu cu the", "chi tieu"))),
}
LEAD_NOTES = re.compile(r"\s*[(\[]\s*(?:là\s+)?(?:cơ quan|đơn vị)?\s*chủ trì\s*[)\]]\s*$|\s+[-–]\s*(?:cơ quan|đơn vị)\s+chủ trì\s*$",
                        re.I)
REQUEST = re.compile(r"^đề nghị\s+", re.I)


def part_type(heading: str | None) -> str | None:
    if not heading:
        return None
    words = words_of(heading.replace("*", ""))
    for kind, names in EXACT.items():
        if words in names:
            return kind
    for kind, prefixes in PREFIXES:
        if any(words == p or words.startswith(p + " ") for p in prefixes):
            return kind
    for kind, word in CONTAINS:
        if f" {word} " in f" {words} ":
            return kind
    return None


def name_parts(blocks: list[dict], inside_part: bool = False) -> list[dict]:
    """``blocks`` with sections that name a part turned into that part
    (not inside another part: a "Giải pháp" under "Nhiệm vụ" stays a section)."""
    result = []
    for block in blocks:
        if block["type"] != "section":
            result.append(block)
            continue
        kind = None if inside_part else part_type(block.get("heading"))
        if kind is None:
            block = dict(block, content=name_parts(block["content"], inside_part))
            result.append(block)
        else:
            result.append(_named(kind, block))
    return result


def _named(kind: str, section: dict) -> dict:
    part: dict = {"type": kind}
    heading = section.get("heading")
    if heading and heading != DEFAULT_HEADINGS[kind]:
        part["heading"] = heading
    if section.get("run_in"):
        part["run_in"] = True
    children = section["content"]
    if kind in SUB_PARTS:
        lifted = _lift_sub_parts(kind, children)
        if lifted is not None:
            part.update(lifted)
            return part
    if kind == "assignments":
        lifted = _agencies(children)
        if lifted is not None:
            part.update(lifted)
            return part
    part["content"] = children
    return part


def _split_intro(children: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """(intro blocks, sections): None when a non-section follows a section."""
    first = next((i for i, b in enumerate(children) if b["type"] == "section"), len(children))
    intro, sections = children[:first], children[first:]
    if any(b["type"] != "section" for b in sections):
        return None
    return intro, sections


def _lift_sub_parts(kind: str, children: list[dict]) -> dict | None:
    split = _split_intro(children)
    if split is None:
        return None
    intro, sections = split
    wanted = SUB_PARTS[kind]
    lifted: dict = {"content": intro}
    position = 0
    for section in sections:
        words = words_of((section.get("heading") or "").replace("*", ""))
        while position < len(wanted) and not _matches(words, wanted[position][1]):
            position += 1
        if position == len(wanted) or not section.get("heading"):
            return None
        key = wanted[position][0]
        sub: dict = {"content": section["content"]}
        if section["heading"] != DEFAULT_HEADINGS[key]:
            sub["heading"] = section["heading"]
        if section.get("run_in"):
            sub["run_in"] = True
        lifted[key] = sub
        position += 1
    if not sections:
        return None
    return lifted


def _matches(words: str, names: tuple[str, ...]) -> bool:
    return any(words == name or words.startswith(name + " ") for name in names)


def _agencies(children: list[dict]) -> dict | None:
    split = _split_intro(children)
    if split is None:
        return None
    intro, sections = split
    if not sections or any(not s.get("heading") for s in sections):
        return None
    agencies = [agency(s) for s in sections]
    return {"content": intro, "agencies": agencies}


def agency(section: dict) -> dict:
    name = section["heading"]
    result: dict = {}
    if REQUEST.match(name):
        name = REQUEST.sub("", name)
        result["request"] = True
    lead = LEAD_NOTES.search(name)
    if lead and lead.start() > 0:
        name = name[: lead.start()].rstrip()
        result["lead"] = True
    result = {"name": name, **result}
    if section.get("run_in"):
        result["run_in"] = True
    result["duties"] = section["content"]
    return result


__all__ = ["name_parts", "part_type"]
