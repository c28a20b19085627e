"""``purposes_requirements``: "Mục đích, yêu cầu" with its "Mục đích" and
"Yêu cầu" sub-parts."""

from __future__ import annotations

from typing import Iterator

from . import BlockReader, NamedPart, register, shown_texts
from ._named import part_texts, sub_parts_lifter


def shown(block: dict) -> Iterator[str]:
    yield from part_texts(block)
    yield from part_texts(block["purposes"])
    yield from part_texts(block["requirements"])
    yield from shown_texts(block["sections"])


register(BlockReader("purposes_requirements", shown=shown, part=NamedPart(
    exact=frozenset({"muc dich yeu cau", "muc dich va yeu cau", "muc dich"}),
    lift=sub_parts_lifter((("purposes", ("muc dich",)), ("requirements", ("yeu cau",)))),
)))
