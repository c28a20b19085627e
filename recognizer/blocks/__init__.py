"""The body's block types as the recognizer reads them: one module per
block type (the mirror of ``generators``' and ``schemas``' blocks), each
registering itself here by the block's type name with what it claims:

- **line roles** for outline blocks: the styles of our template, the label
  kinds (typed or drawn by Word) and Word's "Heading n" styles that make a
  paragraph a heading, a point, a bullet …, and how a line of that role is
  built into the block tree (``Role``);
- **a heading** for named parts, and how a generic section with that
  heading is lifted into the part (``NamedPart``);
- **a scored claim on a Word table** (``TableClaim``): every claimant
  scores each w:tbl and the best that reads it wins, so that a table of
  figures, a task matrix and a general table can compete.

Adding a block type means adding one module to this package: every module
in it is imported (discovered) when the package is, and registers itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..registry import add, discover
from ..text import words_of

if TYPE_CHECKING:
    from ..lines import Line
    from ..notes import Notes
    from ..outline import OutlineBuilder
    from ..reading import Table


@dataclass(frozen=True)
class Role:
    """A kind of body line an outline block reads, and how it builds it."""

    name: str
    add: Callable[["OutlineBuilder", "Line"], None]
    styles: dict[str, int] = field(default_factory=dict)   # our template's style id → heading depth (0: none)
    labels: tuple[str, ...] = ()                          # label kinds (``labels.ROMAN`` …)
    word_headings: bool = False                           # Word's "Heading n" styles


@dataclass(frozen=True)
class NamedPart:
    """How a named part is found among the sections, from its heading folded
    to lower case without diacritics, and lifted out of the generic section.

    ``exact`` headings are tried first for every part, then ``prefixes`` in
    ``order``, then a word the heading ``contains``."""

    lift: Callable[[str, dict], dict]
    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    order: int = 100


@dataclass
class TableReading:
    """What a claimant made of a Word table: body ``blocks`` placed where the
    table stood, or a table of ``figures`` (an appendix's table) with the
    ``blocks`` that keep the cells it could not read as figures."""

    blocks: list[dict] = field(default_factory=list)
    figures: dict | None = None


@dataclass(frozen=True)
class TableClaim:
    score: Callable[["Table"], float]                                 # 0 (not mine) … 1 (surely mine)
    read: Callable[["Table", "Notes"], "TableReading | None"]         # None: not mine after all


@dataclass(frozen=True)
class BlockReader:
    type: str
    roles: tuple[Role, ...] = ()
    part: NamedPart | None = None
    table: TableClaim | None = None
    # The texts a block (validated, defaults filled in) shows in the document,
    # its labels aside: what the coverage figure counts as kept.
    shown: Callable[[dict], Iterable[str]] | None = None


READERS: dict[str, BlockReader] = {}


def register(reader: BlockReader) -> BlockReader:
    return add(READERS, reader.type, reader, "block type")


def roles() -> dict[str, Role]:
    return {role.name: role for reader in READERS.values() for role in reader.roles}


def part_type(heading: str | None) -> str | None:
    """The named part a section's heading names, if any."""
    if not heading:
        return None
    words = words_of(heading.replace("*", ""))
    parts = sorted(((r.part.order, r.type, r.part) for r in READERS.values() if r.part), key=lambda p: p[:2])
    for _, kind, part in parts:
        if words in part.exact:
            return kind
    for _, kind, part in parts:
        if any(words == p or words.startswith(p + " ") for p in part.prefixes):
            return kind
    for _, kind, part in parts:
        if any(f" {word} " in f" {words} " for word in part.contains):
            return kind
    return None


def name_parts(blocks: list[dict]) -> list[dict]:
    """``blocks`` with the sections that name a part turned into that part;
    not inside another part (a "Giải pháp" under "Nhiệm vụ" stays a section)."""
    result = []
    for block in blocks:
        kind = part_type(block.get("heading")) if block["type"] == "section" else None
        if kind is not None:
            result.append(READERS[kind].part.lift(kind, block))
        elif block["type"] == "section":
            result.append(dict(block, content=name_parts(block["content"])))
        else:
            result.append(block)
    return result


def shown_texts(blocks: list[dict]) -> Iterator[str]:
    for block in blocks:
        yield from READERS[block["type"]].shown(block)


def read_table(table: "Table", notes: "Notes") -> TableReading:
    """The reading of the claimant that scores ``table`` highest and reads it."""
    claims = sorted(((reader.table.score(table), reader.type, reader.table) for reader in READERS.values()
                     if reader.table), key=lambda claim: (-claim[0], claim[1]))
    for score, _, claim in claims:
        if score <= 0:
            break
        reading = claim.read(table, notes)
        if reading is not None:
            return reading
    return TableReading()


discover(__name__, __path__)
