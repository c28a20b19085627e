"""``assignments``: "Tổ chức thực hiện", one agency per numbered heading
under it ("Đề nghị …" → ``request``; "(cơ quan chủ trì)", "(chủ trì)",
"- đơn vị chủ trì" → ``lead``), then what follows as its content."""

from __future__ import annotations

import re
from typing import Iterator

from . import BlockReader, NamedPart, register, shown_texts
from ._named import part_of, part_texts, split_intro, with_content

LEAD_NOTES = re.compile(r"\s*[(\[]\s*(?:là\s+)?(?:cơ quan|đơn vị)?\s*chủ trì\s*[)\]]\s*$|\s+[-–]\s*(?:cơ quan|đơn vị)\s+chủ trì\s*$",
                        re.I)
REQUEST = re.compile(r"^đề nghị\s+", re.I)


def lift(kind: str, section: dict) -> dict:
    split = split_intro(section["content"])
    if split is None:
        return with_content(kind, section)
    intro, sections = split
    if not sections or any(not s.get("heading") for s in sections):
        return with_content(kind, section)
    return {**part_of(kind, section), "content": intro, "agencies": [agency(s) for s in sections]}


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


def shown(block: dict) -> Iterator[str]:
    yield from part_texts(block)
    for agency in block["agencies"]:
        if agency["request"] and not REQUEST.match(agency["name"]):
            yield "Đề nghị"
        yield agency["name"]
        if agency["lead"]:
            yield "cơ quan chủ trì"
        yield from shown_texts(agency["duties"])
    yield from shown_texts(block["closing"])


register(BlockReader("assignments", shown=shown, part=NamedPart(
    prefixes=("to chuc thuc hien", "to chuc trien khai", "trach nhiem thuc hien", "phan cong thuc hien",
              "phan cong nhiem vu", "trach nhiem cua cac"),
    order=1,
    lift=lift,
)))
