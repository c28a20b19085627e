"""Báo cáo (model 1.4; one to a superior has "Kính gửi:"): detected by its
type line (or, without one, by its symbol "BC-…"); read on the core as a
document of text with its addressees, if any, and its appendices."""

from __future__ import annotations

from ..core.detection import Signals
from . import register, text_kind, type_score

NAME = "bao_cao"


def detect(signals: Signals) -> float:
    return type_score(NAME, signals)


register(text_kind(NAME, detect, addressees=True))
