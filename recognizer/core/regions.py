"""Where each part of a Decree 30 document stands in reading order:

1. the header: everything before the type line ("KẾ HOẠCH", any type of
   Appendix III); without a type line, a first table that holds the
   national title, the motto or a "Số:" line;
2. the front matter, from the type line to the body's first item;
3. the body, to the first item that opens the signature block;
4. the signature block (recipients and signatory);
5. the appendices, from the first table after the signature block or an
   appendix label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nd30.styles import CLOSING

from ..lines import BULLET, HEADING, POINT, SUB_BULLET
from ..outline import classify
from ..reading import Para, Table
from .addressees import is_addressees_title
from .appendix import is_label
from .front_matter import is_basis, type_of
from .header import NUMBER_LINE, is_motto, is_national_title
from .signature import starts_signature

HEADER_SEARCH = 60   # the type line ("KẾ HOẠCH") is among the first items
HEADER_TABLE_SEARCH = 5
HEADER_LINES_SEARCH = 10
# The header's last lines: the place and date, or a công văn's "V/v …".
HEADER_END = re.compile(r"ngày\s*[\d.…_ ]*\s*tháng\s*[\d.…_ ]*\s*năm\s*\d{4}|^\s*V/v\b", re.I)


@dataclass
class Regions:
    header: list
    front: list[Para]
    body: list
    signature: list
    appendices: list
    type_line: Para | None


def find_regions(items: list) -> Regions:
    type_at = type_line_at(items)
    header, rest_start = _header(items, type_at)
    signature_at = next((i for i in range(rest_start, len(items)) if starts_signature(items[i]) and i > rest_start), None)
    if signature_at is None:
        signature_at = next((i for i in range(rest_start, len(items)) if starts_signature(items[i])), len(items))
    appendix_at = _appendix_start(items, signature_at)
    front, body = split_front(items[rest_start:signature_at])
    return Regions(
        header=header,
        front=front,
        body=body,
        signature=items[signature_at:appendix_at],
        appendices=items[appendix_at:],
        type_line=items[type_at] if type_at is not None else None,
    )


def split_front(items: list) -> tuple[list[Para], list]:
    """(the front matter's paragraphs, the body) of what stands between the
    header and the signature block."""
    body_at = next((i for i, item in enumerate(items) if _starts_body(item)), len(items))
    return [p for p in items[:body_at] if isinstance(p, Para)], items[body_at:]


def paragraphs_of(items: list) -> list[Para]:
    return [p for item in items for p in (item.paragraphs if isinstance(item, Table) else [item])]


def type_line_at(items: list) -> int | None:
    for index, item in enumerate(items[:HEADER_SEARCH]):
        if isinstance(item, Para) and item.cell is None and type_of(item):
            return index
    return None


def _header(items: list, type_at: int | None) -> tuple[list, int]:
    if type_at is not None:
        return items[:type_at], type_at
    for index, item in enumerate(items[:HEADER_TABLE_SEARCH]):
        if isinstance(item, Table):
            texts = [p.text for p in item.paragraphs]
            if any(is_national_title(t) or is_motto(t) or NUMBER_LINE.match(t) for t in texts):
                return items[: index + 1], index + 1
    # Typed on lines (columns with tabs or spaces): to the last line of the header's fields.
    last = None
    for index, item in enumerate(items[:HEADER_LINES_SEARCH]):
        if isinstance(item, Table) or is_addressees_title(item):
            break
        if is_national_title(item.text) or is_motto(item.text) or "Số:" in item.text or HEADER_END.search(item.text):
            last = index
    return (items[: last + 1], last + 1) if last is not None else ([], 0)


def _starts_body(item) -> bool:
    """A table, the closing, a heading, a point or a bullet that is no legal
    basis typed as a list: the front matter has none of them."""
    if isinstance(item, Table) or item.style_id == CLOSING.style_id:
        return True
    role = classify(item).role
    return role in (HEADING, POINT) or role in (BULLET, SUB_BULLET) and not is_basis(item)


def _appendix_start(items: list, signature_at: int) -> int:
    seen_table = False
    for index in range(signature_at, len(items)):
        item = items[index]
        if isinstance(item, Table):
            if seen_table or not starts_signature(item):
                return index if not is_label(_previous_text(items, index)) else index - 1
            seen_table = True
        elif index > signature_at and is_label(item.text):
            return index
    return len(items)


def _previous_text(items: list, index: int) -> str:
    previous = items[index - 1] if index > 0 else None
    return previous.text if isinstance(previous, Para) else ""
