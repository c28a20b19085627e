"""Mục tiêu: general and specific targets; a target with a figure prints
it the Vietnamese way ("giảm 0,2%/năm", "1.100 lao động")."""

from nd30 import styles as S
from nd30.vietnamese import target_text

from . import writes
from .points import point
from .section import heading, write_part


def write_target_items(writer, specific: dict, depth: int):
    style = specific["style"]
    for index, item in enumerate(specific["items"]):
        text = target_text(item)
        if style == "numbered":
            yield from heading(writer, depth, None, [{"type": "paragraph", "text": text}] + item["content"], True)
            continue
        yield point(writer, index, text) if style == "points" else writer.paragraph(S.BULLET, text)
        yield from writer.blocks(item["content"], depth)


@writes("targets")
def write_targets(writer, block: dict, depth: int):
    yield from write_part(writer, block, block["type"], depth)
    yield from write_part(writer, block["general"], "general", depth + 1)
    specific = block["specific"]
    if specific:
        yield from write_part(writer, specific, "specific", depth + 1)
        yield from write_target_items(writer, specific, depth + 2)
        yield from writer.blocks(specific["notes"], depth + 2)
    yield from writer.blocks(block["sections"], depth + 1)
