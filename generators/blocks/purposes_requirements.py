"""Mục đích, yêu cầu: the part's heading, its two sub-parts, more sections."""

from nd30.parts import SUB_PARTS

from . import writes
from .section import write_part


@writes("purposes_requirements")
def write_purposes_requirements(writer, block: dict, depth: int):
    yield from write_part(writer, block, block["type"], depth)
    for key in SUB_PARTS[block["type"]]:
        yield from write_part(writer, block[key], key, depth + 1)
    yield from writer.blocks(block["sections"], depth + 1)
