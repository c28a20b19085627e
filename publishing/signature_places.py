"""Where Decree 30 puts the digital signatures, found on the laid-out PDF.

Appendix I, Part I, II.7.d and II.8.a: the signer's signature image (blue
PNG) is centred between the signer's title and name; the organisation's seal
image, at the seal's real size, covers about the left third of it.
Appendix I, Part I, II.8.b and III.1.d: a document issued with the
main one, or an appendix, sent as a file of its own is signed by the
organisation at the top right of its first page (no image).

Positions come from the text LibreOffice laid out, never from the template's
geometry: the signer's field fills the gap the template leaves between the
last title line and the name ("ND30 Người ký": 72 pt before), and is
centred on those lines, which are centred in the signature column.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_text import Box, PageText, Segment, find_on_pages, fold

MM = 72 / 25.4
# A signature image scaled into this box keeps its proportions; 50 mm is wider
# than a handwritten signature at its real size, the height is the gap.
SIGNATURE_WIDTH = 50 * MM
# The seal image is shown at the seal's real size: People's Committees'
# round seals are 35-36 mm across.
SEAL_SIZE = 36 * MM
# The organisation's signature on an appendix file shows no image, only what
# the signing tool writes (who signed, when): a few short lines.
APPENDIX_SIGNATURE_WIDTH = 60 * MM
APPENDIX_SIGNATURE_HEIGHT = 15 * MM
# Space kept between a field and the text around it.
CLEARANCE = 2.0
# The template leaves 72 pt above the name; a gap under half of that is not
# the signature space (a name that merely follows its title line).
MIN_SIGNATURE_GAP = 36.0


@dataclass(frozen=True)
class Place:
    page: int  # 0-based index in the PDF
    box: Box


@dataclass(frozen=True)
class SignaturePlaces:
    signer: Place
    seal: Place


def signature_places(pdf: bytes, title_lines: list[str], name: str, *, blocks: int = 1) -> SignaturePlaces | None:
    """The signer's and the seal's places in the signature block whose title
    lines and name are given as printed; None when the PDF shows no such
    block. Only the main document's block, the first of the file's
    ``blocks``, is signed (Appendix I, II.8.b: not the plan a decision issues
    in the same file, signed by the same person). A file of one block is
    searched from its last page (the block ends the text, before any
    appendix: the fewest pages read), one of several from its first."""
    title, name = fold(" ".join(title_lines)), fold(name)
    if not title or not name:
        return None

    def look(page: PageText) -> SignaturePlaces | None:
        found = _signature_gap(page, title, name)
        if found is None:
            return None
        above, below = found
        return _places(page.index, above, below)

    first_word = name.split()[0]  # on the page even when the name wraps
    pages = range if blocks > 1 else lambda count: reversed(range(count))
    return find_on_pages(pdf, pages, look, mentioning=first_word)


def appendix_place(pdf: bytes, right_margin: float) -> Place | None:
    """The organisation's place at the top right of the first page: right
    aligned on the text area (``right_margin`` points from the page's right
    edge), just above the page's first line. None for a PDF without text."""

    def look(page: PageText) -> Place | None:
        if not page.segments:
            return None
        first_line_top = max(segment.box.top for segment in page.segments)
        right = page.width - right_margin
        bottom = first_line_top + CLEARANCE
        top = min(bottom + APPENDIX_SIGNATURE_HEIGHT, page.height - CLEARANCE)
        return Place(page.index, Box(right - APPENDIX_SIGNATURE_WIDTH, bottom, right, top))

    return find_on_pages(pdf, lambda count: range(min(count, 1)), look)


def _signature_gap(page: PageText, title: str, name: str) -> tuple[Segment, Segment] | None:
    """(last title line, first name line) around the signature space.

    The name's first line is a segment that starts the name (a long name
    wraps); the nearest segment above it in the same column must end the
    title lines, at least MIN_SIGNATURE_GAP higher. Text of the body that
    mentions the signer never has both."""
    for below in page.segments:
        if not _starts(name, below.text):
            continue
        above = [s for s in page.segments if s.box.bottom > below.box.top and s.box.overlaps_horizontally(below.box)]
        if not above:
            continue
        nearest = min(above, key=lambda segment: segment.box.bottom)
        if title.endswith(nearest.text) and nearest.box.bottom - below.box.top >= MIN_SIGNATURE_GAP:
            return nearest, below
    return None


def _starts(text: str, part: str) -> bool:
    """``part`` is ``text`` or its first whole words."""
    return text == part or text.startswith(part + " ")


def _places(page: int, title: Segment, name: Segment) -> SignaturePlaces:
    center = (title.box.center_x + name.box.center_x) / 2
    signer = Box(center - SIGNATURE_WIDTH / 2, name.box.top + CLEARANCE,
                 center + SIGNATURE_WIDTH / 2, title.box.bottom - CLEARANCE)
    seal_right = signer.left + signer.width / 3
    seal = Box(seal_right - SEAL_SIZE, signer.center_y - SEAL_SIZE / 2, seal_right, signer.center_y + SEAL_SIZE / 2)
    return SignaturePlaces(Place(page, signer), Place(page, seal))
