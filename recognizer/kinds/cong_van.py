"""Công văn (model 1.5): no type line; its summary "V/v …" under the number
in the header's left column, "Kính gửi:" one or several addressees, its
symbol the issuer's and the drafting unit's (UBND-VX). Detected by "V/v"
(sure), else by "Kính gửi:" or a symbol that names no type (a guess);
read on the core as a document of text with its addressees."""

from __future__ import annotations

from ..core.detection import Signals
from . import register, text_kind

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


register(text_kind(NAME, detect, addressees=True))
