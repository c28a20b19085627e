"""Kế hoạch (a plan): the first document kind, and the reading of a
document whose kind is not clear. Read on the Decree 30 core with its legal
bases, lead-in and a body of numbered sections, points, bullets and the
plan's named parts; made to fit the plan schema without losing a word."""

from __future__ import annotations

from typing import Iterator

from nd30.kinds import KINDS

from .. import blocks
from ..core.appendix import appendix_texts
from ..core.detection import Signals
from ..core.document import head, read_parts, with_text
from ..core.fields import foot_texts, head_texts
from ..notes import Notes
from ..reading import Document
from . import Kind, Reading, fitted, register

NAME = "ke_hoach"
# A plan's type line names it surely; a type of Appendix III that has no
# kind of its own (Chương trình, Đề án …) is read as a plan of that type;
# a document with no type line and nothing else that tells is read as a plan.
SURE, OTHER_TYPE, NO_TYPE = 1.0, 0.5, 0.1


def detect(signals: Signals) -> float:
    if signals.type_name is None:
        return NO_TYPE
    return SURE if signals.type_name == KINDS[NAME].type_name else OTHER_TYPE


def build(document: Document) -> Reading:
    notes = Notes()
    parts = read_parts(document, notes, bases=True, named_parts=True)
    plan = head(parts, notes, NAME)
    if parts.front.lead_in:
        plan["lead_in"] = parts.front.lead_in
    return fitted(with_text(plan, parts, notes, NAME), notes)


def shown(plan: dict) -> Iterator[str]:
    """The texts a (loaded) plan's document shows (labels and the national
    title and motto aside): what the coverage figure counts as kept."""
    yield from head_texts(plan)
    yield plan["lead_in"] or ""
    yield from blocks.shown_texts(plan["body"])
    yield plan["closing"] or ""
    yield from foot_texts(plan)
    yield from appendix_texts(plan)


register(Kind(NAME, detect, build, shown))
