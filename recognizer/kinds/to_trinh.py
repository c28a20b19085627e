"""Tờ trình (model 1.4 with "Kính gửi:"): detected by its type line (or,
without one, by its symbol "TTr-…"); read on the core as a document of
text with its addressees."""

from __future__ import annotations

from ..core.detection import Signals
from . import register, text_kind, type_score

NAME = "to_trinh"


def detect(signals: Signals) -> float:
    return type_score(NAME, signals)


register(text_kind(NAME, detect, addressees=True))
