"""Document kinds the recognizer reads, one module each, registered by name:
how surely a document is of the kind (``detect``: a score from what tells
a kind, ``core.detection.Signals``, found once per document), how to read it into that kind's JSON
(``build``), and the texts a document of that kind shows for its JSON
(``shown``, given the JSON as its schema loads it: what the coverage
figure counts as kept).

Kinds share the Decree 30 core (``recognizer/core``: regions, header,
front matter, legal bases, closing, recipients and signatory, appendices).
Adding a kind means adding one module to this package: every module in it
is imported (discovered) when the package is, and registers itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from nd30.kinds import KINDS as KIND_NAMES
from schemas import load_plan

from ..core.detection import Signals, signals_of
from ..core.document import text_document, text_document_texts
from ..fitting import fit
from ..notes import Notes
from ..reading import Document
from ..registry import add, discover

# A score below this is a guess (no type line, and only "Kính gửi", a
# symbol's code or "Điều 1." to go by): the clerk is warned to check the kind.
SURE = 0.9


@dataclass
class Reading:
    """A document read as one kind: its JSON, what the reading found wrong,
    and the JSON as the schema loads it (defaults filled in)."""

    data: dict
    notes: Notes
    loaded: dict | None = None  # None when fitting could not make it valid

    def validated(self) -> dict:
        return self.loaded if self.loaded is not None else load_plan(self.data)


def fitted(data: dict, notes: Notes) -> Reading:
    """The reading of ``data`` made to fit its kind's schema (``fitting.fit``)."""
    data, loaded = fit(data, notes, load_plan)
    return Reading(data, notes, loaded)


@dataclass(frozen=True)
class Kind:
    name: str
    detect: Callable[[Signals], float]        # 0 … 1
    build: Callable[[Document], Reading]
    shown: Callable[[dict], Iterable[str]]   # of the JSON as loaded (Reading.validated)


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    return add(KINDS, kind.name, kind, "document kind")


# A kind with a type line: that line names it surely; without any type
# line, the code its symbol starts with ("TTr-UBND") is a guess.
BY_TYPE_LINE, BY_SYMBOL = 1.0, 0.6


def type_score(name: str, signals: Signals) -> float:
    """How surely a kind with a type line of its own is the document's, from that line or its symbol."""
    own = KIND_NAMES[name].type_name
    if signals.type_name is not None:
        return BY_TYPE_LINE if signals.type_name == own else 0.0
    return BY_SYMBOL if signals.symbol_type == own else 0.0


def text_kind(name: str, detect: Callable[[Signals], float], *, addressees: bool) -> Kind:
    """A kind whose body is text (models 1.4, 1.5: Tờ trình, Báo cáo, Thông báo,
    Công văn), read on the core by ``core.document.text_document``."""

    def build(document: Document) -> Reading:
        notes = Notes()
        return fitted(text_document(document, notes, name, addressees=addressees), notes)

    return Kind(name, detect, build, text_document_texts)


def kind_of(document: Document) -> tuple[Kind, float]:
    """The kind that detects ``document`` most surely (by name on a tie), and its score."""
    signals = signals_of(document)
    scored = [(kind.detect(signals), kind) for kind in sorted(KINDS.values(), key=lambda kind: kind.name)]
    score, kind = max(scored, key=lambda pair: pair[0])
    return kind, score


discover(__name__, __path__)
