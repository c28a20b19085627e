"""``targets``: "Mục tiêu" with its "Mục tiêu tổng quát" (general) and
"Mục tiêu cụ thể" (specific) sub-parts."""

from __future__ import annotations

from typing import Iterator

from nd30.vietnamese import figure

from . import BlockReader, NamedPart, register, shown_texts
from ._named import part_texts, sub_parts_lifter


def shown(block: dict) -> Iterator[str]:
    yield from part_texts(block)
    yield from part_texts(block["general"])
    specific = block["specific"]
    yield from part_texts(specific)
    if specific:
        for item in specific["items"]:
            yield item["text"]
            if item["value"] is not None:
                yield from (figure(item["value"]), item["unit"] or "")
            yield from shown_texts(item["content"])
        yield from shown_texts(specific["notes"])
    yield from shown_texts(block["sections"])


register(BlockReader("targets", shown=shown, part=NamedPart(
    exact=frozenset({"muc tieu", "cac muc tieu", "muc tieu va chi tieu", "muc tieu chi tieu", "muc tieu chung"}),
    lift=sub_parts_lifter((
        ("general", ("muc tieu tong quat", "muc tieu chung")),
        ("specific", ("muc tieu cu the", "chi tieu cu the", "cac chi tieu", "cac muc tieu cu the", "chi tieu")),
    )),
)))
