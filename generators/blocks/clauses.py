"""Clauses "1.", "2." … of an article: numbers typed like the letters of
points, each list starting again at 1 (Appendix I, 6đ: upright, the body's
size)."""

from nd30 import styles as S

from . import writes
from .points import labelled


@writes("clauses")
def write_clauses(writer, block: dict, depth: int):
    for number, item in enumerate(block["items"], start=1):
        yield labelled(writer, S.CLAUSE, f"{number}.", item["text"])
        yield from writer.blocks(item["content"], depth)
