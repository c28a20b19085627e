"""Points: their letters are typed ("a)" … "đ)" … "y)"), because Word's
lettered lists know only the Latin alphabet; each list starts again at a)."""

from nd30 import styles as S
from nd30.markup import Run, parse
from nd30.vietnamese import point_label

from ..wordml import inline_xml, paragraph_xml
from . import writes


def labelled(writer, style: S.Style, label: str, text: str) -> str:
    """A paragraph whose typed label ("a)", "1.") stands before its text."""
    typed = inline_xml((Run(label + " "),), writer.footnotes)
    return paragraph_xml(style.style_id, typed + inline_xml(parse(text), writer.footnotes))


def point(writer, index: int, text: str) -> str:
    """The ``index``-th point of a list, its letter typed before the text."""
    return labelled(writer, S.POINT, point_label(index), text)


@writes("points")
def write_points(writer, block: dict, depth: int):
    for index, item in enumerate(block["items"]):
        yield point(writer, index, item["text"])
        yield from writer.blocks(item["content"])
