"""Articles: "Điều 1." is Word list numbering (bold, renumbered by Word as
the clerk inserts articles). A title stands with the label on a line of
its own, bold, keeping with what follows; without one, the first
paragraph runs in after the label (Appendix I, 6đ)."""

from nd30 import styles as S
from nd30.markup import parse

from ..wordml import inline_xml, paragraph_xml
from . import writes


@writes("article")
def write_article(writer, block: dict, depth: int):
    content = block["content"]
    if not block["heading"] and content[0]["type"] == "paragraph":
        runs = inline_xml(parse(content[0]["text"]), writer.footnotes)
        # LibreOffice numbers a style only through the list level linked to
        # it (the title's), hence the paragraph's own numbering.
        yield paragraph_xml(S.ARTICLE.style_id, runs, S.NUM_ARTICLES)
        content = content[1:]
    else:
        yield paragraph_xml(S.ARTICLE_HEADING.style_id, inline_xml(parse(block["heading"] or ""), writer.footnotes))
    yield from writer.blocks(content, depth)
