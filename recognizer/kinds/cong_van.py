"""Công văn (model 1.5): no type line; its summary "V/v …" under the number
in the header's left column, "Kính gửi:" one or several addressees, its
symbol the issuer's and the drafting unit's (UBND-VX). Detected by "V/v"
(sure), else by "Kính gửi:" or a symbol that names no type (a guess);
read on the core as a document of text with its addressees."""

from __future__ import annotations

from typing import Iterator

from schemas import load_plan

from ..core.detection import Signals
from ..core.document import text_document, text_document_texts
from ..fitting import fit
from ..notes import Notes
from ..reading import Document
from . import Kind, Reading, register

NAME = "cong_van"
WITH_LETTER_SUMMARY, WITH_ADDRESSEES, WITH_SYMBOL = 0.9, 0.6, 0.3


def detect(signals: Signals) -> float:
    if signals.type_name is not None:
        return 0.0
    if signals.letter_summary:
        return WITH_LETTER_SUMMARY
    if signals.addressees and not (signals.decides or signals.invites or signals.symbol_type):
        return WITH_ADDRESSEES
    return WITH_SYMBOL if signals.symbol_without_type else 0.0


def build(document: Document) -> Reading:
    notes = Notes()
    return Reading(fit(text_document(document, notes, NAME, addressees=True), notes, load_plan), notes)


def shown(data_json: dict) -> Iterator[str]:
    yield from text_document_texts(load_plan(data_json))


register(Kind(NAME, detect, build, shown))
