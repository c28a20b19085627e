"""Document kinds the recognizer reads, one module each, registered by name:
how surely a document is of the kind (``detect``: a score from the type
line and whatever else tells it), how to read it into that kind's JSON
(``build``), and the texts a document of that kind shows for its JSON
(``shown``: what the coverage figure counts as kept).

Kinds share the Decree 30 core (``recognizer/core``: regions, header,
front matter, legal bases, closing, recipients and signatory, appendices).
Adding a kind means adding one module to this package: every module in it
is imported (discovered) when the package is, and registers itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..notes import Notes
from ..reading import Document
from ..registry import add, discover


@dataclass
class Reading:
    """A document read as one kind: its JSON and what the reading found wrong."""

    data: dict
    notes: Notes


@dataclass(frozen=True)
class Kind:
    name: str
    detect: Callable[[Document], float]       # 0 … 1
    build: Callable[[Document], Reading]
    shown: Callable[[dict], Iterable[str]]


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    return add(KINDS, kind.name, kind, "document kind")


def kind_of(document: Document) -> Kind:
    """The kind that detects ``document`` most surely (by name on a tie)."""
    return max(sorted(KINDS.values(), key=lambda kind: kind.name), key=lambda kind: kind.detect(document))


discover(__name__, __path__)
