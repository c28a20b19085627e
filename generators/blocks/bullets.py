"""Bullets: "-" and "+" come from the list numbering of their styles."""

from nd30 import styles as S

from . import writes


@writes("bullets")
def write_bullets(writer, block: dict, depth: int):
    for item in block["items"]:
        yield writer.paragraph(S.BULLET, item["text"])
        for sub_item in item["sub_items"]:
            yield writer.paragraph(S.SUB_BULLET, sub_item)
