"""Thông báo (model 1.4): detected by its type line (or, without one, by
its symbol "TB-…"); read on the core as a document of text. It has no
addressees: a "Kính gửi:" line stays in its body as typed."""

from __future__ import annotations

from ..core.detection import Signals
from . import register, text_kind, type_score

NAME = "thong_bao"


def detect(signals: Signals) -> float:
    return type_score(NAME, signals)


register(text_kind(NAME, detect, addressees=False))
