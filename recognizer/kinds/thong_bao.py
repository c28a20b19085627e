"""Thông báo (model 1.4): detected by its type line (or, without one, by
its symbol "TB-…"); read on the core as a document of text. It has no
addressees: a "Kính gửi:" line stays in its body as typed."""

from __future__ import annotations

from typing import Iterator

from schemas import load_plan

from ..core.detection import Signals
from ..core.document import text_document, text_document_texts
from ..fitting import fit
from ..notes import Notes
from ..reading import Document
from . import Kind, Reading, register, type_score

NAME = "thong_bao"


def detect(signals: Signals) -> float:
    return type_score(NAME, signals)


def build(document: Document) -> Reading:
    notes = Notes()
    return Reading(fit(text_document(document, notes, NAME, addressees=False), notes, load_plan), notes)


def shown(data_json: dict) -> Iterator[str]:
    yield from text_document_texts(load_plan(data_json))


register(Kind(NAME, detect, build, shown))
