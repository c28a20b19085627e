"""What the named parts share: a generic section turned into a part (its
heading dropped when it is the part's default, ``run_in`` kept), and its
children split into intro blocks and sub-sections that lift into sub-parts.
When the children do not fit a part's inner shape, they stay its
``content``, which renders the same."""

from __future__ import annotations

from typing import Iterator

from nd30.parts import DEFAULT_HEADINGS

from ..text import words_of
from . import shown_texts


def part_of(kind: str, section: dict) -> dict:
    """The part with the section's heading (unless the default) and run-in."""
    part: dict = {"type": kind}
    heading = section.get("heading")
    if heading and heading != DEFAULT_HEADINGS[kind]:
        part["heading"] = heading
    if section.get("run_in"):
        part["run_in"] = True
    return part


def with_content(kind: str, section: dict) -> dict:
    """A part that holds its children as they are."""
    return {**part_of(kind, section), "content": section["content"]}


def split_intro(children: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """(intro blocks, sections): None when a non-section follows a section."""
    first = next((i for i, b in enumerate(children) if b["type"] == "section"), len(children))
    intro, sections = children[:first], children[first:]
    if any(b["type"] != "section" for b in sections):
        return None
    return intro, sections


def matches(heading: str | None, names: tuple[str, ...]) -> bool:
    words = words_of((heading or "").replace("*", ""))
    return any(words == name or words.startswith(name + " ") for name in names)


def sub_parts_lifter(wanted: tuple[tuple[str, tuple[str, ...]], ...]):
    """A part's ``lift`` for sub-parts named by their headings, in order
    (``wanted``: (key, heading beginnings) …)."""

    def lift(kind: str, section: dict) -> dict:
        lifted = _lift_sub_parts(section["content"], wanted)
        return {**part_of(kind, section), **lifted} if lifted is not None else with_content(kind, section)

    return lift


def _lift_sub_parts(children: list[dict], wanted) -> dict | None:
    split = split_intro(children)
    if split is None:
        return None
    intro, sections = split
    if not sections:
        return None
    lifted: dict = {"content": intro}
    position = 0
    for section in sections:
        while position < len(wanted) and not matches(section.get("heading"), wanted[position][1]):
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
    return lifted


def part_texts(part: dict | None) -> Iterator[str]:
    """The texts a (validated) part shows: its heading, its content."""
    if part is not None:
        yield part.get("heading") or ""
        yield from shown_texts(part["content"])
