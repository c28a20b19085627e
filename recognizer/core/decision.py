"""What a decision (models 1.2, 1.3) has that other kinds could share: the
enacting authority under the summary ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …"),
"QUYẾT ĐỊNH:" between the legal bases and the articles, the proposal that
ends the bases ("Theo đề nghị của …"), and the document a decision issues,
printed after it with its own header and "(Ban hành kèm theo Quyết định
số …)"."""

from __future__ import annotations

import dataclasses
import re

from nd30.styles import DECIDES as DECIDES_STYLE
from nd30.styles import ENACTING_AUTHORITY, ISSUED_WITH
from nd30.wording import DECIDES, PROPOSED_BY
from nd30.wording import ISSUED_WITH as ISSUED_WITH_WORDS

from ..labels import ARTICLE, from_numbering, parse
from ..reading import Para, Table
from ..text import clean, is_upper, words_of
from .front_matter import is_basis, type_of
from .header import restore_case
from .regions import Regions, find_regions, split_front
from .signature import title_case

PROPOSAL = re.compile(rf"^{re.escape(PROPOSED_BY)}\s+", re.I)
COLLECTIVE = re.compile(r"\b(ỦY BAN|UỶ BAN|HỘI ĐỒNG|BAN)\b")
ATTACHMENT_SEARCH = 6   # the attached document's type line among the first items after the decision


def is_decides(para: Para) -> bool:
    return para.style_id == DECIDES_STYLE.style_id or (
        words_of(para.text) == words_of(DECIDES) and clean(para.text).endswith(":"))


def is_article(para: Para) -> bool:
    label = from_numbering(para.numbering_label, para.numbering_level, para.bullet) if para.numbering_label \
        else parse(para.text)[0]
    return label is not None and label.kind == ARTICLE


def is_issued_with(para: Para) -> bool:
    return para.style_id == ISSUED_WITH.style_id or words_of(para.text.lstrip("( ")).startswith(words_of(ISSUED_WITH_WORDS))


def decision_regions(items: list) -> tuple[Regions, Para | None, list]:
    """The decision's regions with its front matter ending at "QUYẾT ĐỊNH:"
    (or the first article), that line left out; the enacting authority's
    paragraph taken out of the front matter; and the items of the document
    it issues (none: [])."""
    regions = find_regions(items)
    attachment_at = _attachment_start(regions.appendices)
    attachment = regions.appendices[attachment_at:] if attachment_at is not None else []
    appendices = regions.appendices[:attachment_at] if attachment_at is not None else regions.appendices
    middle = [*regions.front, *regions.body]
    split = next((i for i, item in enumerate(middle) if isinstance(item, Para) and is_decides(item)), None)
    if split is not None:
        front, body = [p for p in middle[:split] if isinstance(p, Para)], middle[split + 1:]
    else:
        first_article = next((i for i, item in enumerate(middle) if isinstance(item, Para) and is_article(item)), None)
        front, body = split_front(middle) if first_article is None else (
            [p for p in middle[:first_article] if isinstance(p, Para)], middle[first_article:])
    authority = _authority(front)
    if authority is not None:
        front = [p for p in front if p is not authority]
    return dataclasses.replace(regions, front=front, body=body, appendices=appendices), authority, attachment


def _authority(front: list[Para]) -> Para | None:
    """Our style, or the first line in capitals after the summary that is no legal basis."""
    own = next((p for p in front if p.style_id == ENACTING_AUTHORITY.style_id), None)
    if own is not None:
        return own
    texts = [p for p in front if clean(p.text)]
    if texts and type_of(texts[0]):
        texts = texts[2:]  # after the type line and the summary's first line
    return next((p for p in texts if is_upper(clean(p.text)) and any(c.isalpha() for c in p.text)
                 and not is_basis(p) and not type_of(p)), None)


def authority_text(para: Para) -> str:
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" → "Chủ tịch Ủy ban nhân dân
    huyện Tam Đường": the title, then the body it heads, as they are written."""
    text = clean(para.text)
    if not is_upper(text):
        return text
    body = COLLECTIVE.search(text)
    if body is None or body.start() == 0:
        return restore_case(text) if body else title_case(text)
    return f"{title_case(text[:body.start()].strip())} {restore_case(text[body.start():])}"


def split_proposal(bases: list[str]) -> tuple[list[str], str | None]:
    """The legal bases without the proposal that ends them, and whose it is."""
    if bases and PROPOSAL.match(bases[-1]):
        return bases[:-1], PROPOSAL.sub("", bases[-1], count=1).strip() or None
    return bases, None


def _attachment_start(items: list) -> int | None:
    """Where the document a decision issues starts: its header table before its type line."""
    for index, item in enumerate(items[:ATTACHMENT_SEARCH]):
        if isinstance(item, Para) and item.cell is None and type_of(item):
            tables = [i for i in range(index) if isinstance(items[i], Table)]
            return tables[-1] if tables else index
    return None


def without_issued_with(regions: Regions) -> tuple[Regions, Para | None]:
    """The attached document's regions without its "(Ban hành kèm theo …)" line."""
    line = next((p for p in regions.front if is_issued_with(p)), None)
    if line is None:
        return regions, None
    return dataclasses.replace(regions, front=[p for p in regions.front if p is not line]), line
