"""What a companion reads in a plan's body: the headings of its top-level
parts, its specific targets, its task matrices — wherever they stand."""

from __future__ import annotations

from typing import Iterator


def named_parts(body: list[dict]) -> list[str]:
    """The headings of the body's top-level parts ("Mục đích, yêu cầu", …)."""
    return [block["heading"] for block in body if block.get("heading")]


def blocks_of_type(value, type_name: str) -> Iterator[dict]:
    """Every block of ``type_name`` in a validated plan, in document order."""
    if isinstance(value, dict):
        if value.get("type") == type_name:
            yield value
        for child in value.values():
            yield from blocks_of_type(child, type_name)
    elif isinstance(value, list):
        for child in value:
            yield from blocks_of_type(child, type_name)


def specific_targets(body: list[dict]) -> list[dict]:
    """The specific targets of every "Mục tiêu" part, in order."""
    return [item for block in blocks_of_type(body, "targets") if block["specific"]
            for item in block["specific"]["items"]]
