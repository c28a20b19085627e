"""Rules on the body's shape as a whole: how deep headings nest and how many
blocks it holds. Each numbered heading (a section, a named part, an agency,
a numbered target) sits one level below the heading that contains it."""

from __future__ import annotations

from typing import Iterator

from . import limits
from .problems import Problem

SECTION_LIKE_PARTS = {
    "purposes_requirements": ("purposes", "requirements"),
    "targets": ("general", "specific"),
}


def headings(blocks: list[dict], depth: int = 1, path: tuple = ()) -> Iterator[tuple[int, tuple]]:
    """Yield (depth, path) for every numbered heading under ``blocks``."""
    for index, block in enumerate(blocks):
        if "content" in block and block.get("type") not in (None, "points"):
            yield from _section(block, depth, path + (index,))


def _section(section: dict, depth: int, path: tuple) -> Iterator[tuple[int, tuple]]:
    yield depth, path
    yield from headings(section.get("content", []), depth + 1, path + ("content",))
    for key in SECTION_LIKE_PARTS.get(section.get("type"), ()):
        part = section.get(key)
        if part:
            yield from _section(part, depth + 1, path + (key,))
    if section.get("style") == "numbered":
        for index, _ in enumerate(section.get("items", [])):
            yield depth + 1, path + ("items", index)
    for index, agency in enumerate(section.get("agencies", [])):
        yield depth + 1, path + ("agencies", index)
        yield from headings(agency.get("duties", []), depth + 2, path + ("agencies", index, "duties"))
    for key in ("closing", "sections"):
        yield from headings(section.get(key, []), depth + 1, path + (key,))


def count_blocks(value) -> int:
    if isinstance(value, dict):
        return 1 + sum(count_blocks(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_blocks(item) for item in value)
    return 0


def depth_problems(body: list[dict]) -> dict:
    errors: dict = {}
    if count_blocks(body) > limits.BLOCKS_TOTAL:
        return {"body": [Problem("too_many_blocks", max=limits.BLOCKS_TOTAL)]}
    for depth, path in headings(body):
        if depth > limits.HEADING_DEPTH:
            node = errors.setdefault("body", {})
            for part in path:
                node = node.setdefault(part, {})
            node.setdefault("heading", []).append(Problem("too_deep", max=limits.HEADING_DEPTH))
    return errors
