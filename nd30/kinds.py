"""The document kinds of the family, as every stage names them: how clerks
call each kind, the type line it prints and the code its symbol starts with
(Appendix III, table I), and the model of Appendix III it is laid out by.

Schemas, generators and the recognizer each register one module per kind
under these names; the form lists them from ``GET /conventions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document_types import TYPE_CODES
from .vietnamese import date_text, number_symbol

# A document without ``kind`` is a plan: every plan written before kinds existed.
DEFAULT_KIND = "ke_hoach"


@dataclass(frozen=True)
class Kind:
    label: str              # how clerks call it
    type_name: str | None   # its type line; None: a công văn has none
    model: str              # its layout in Appendix III of the decree

    @property
    def type_code(self) -> str | None:
        return TYPE_CODES[self.type_name] if self.type_name else None


KINDS = {
    "ke_hoach": Kind("Kế hoạch", "Kế hoạch", "Mẫu 1.4"),
    "quyet_dinh": Kind("Quyết định", "Quyết định", "Mẫu 1.2, 1.3"),
    "to_trinh": Kind("Tờ trình", "Tờ trình", "Mẫu 1.4"),
    "bao_cao": Kind("Báo cáo", "Báo cáo", "Mẫu 1.4"),
    "thong_bao": Kind("Thông báo", "Thông báo", "Mẫu 1.4"),
    "giay_moi": Kind("Giấy mời", "Giấy mời", "Mẫu 1.7"),
    "cong_van": Kind("Công văn", None, "Mẫu 1.5"),
}


def kind_of(document: dict) -> str:
    """The kind a document names, a plan when it names none."""
    return document.get("kind") or DEFAULT_KIND


def type_name(document: dict) -> str | None:
    """The type line of a document: a plan may carry another type of the
    same layout (``document_type``); every other kind prints its own."""
    return document.get("document_type") or KINDS[kind_of(document)].type_name


def name_of(document: dict) -> str:
    """What a reference calls the document: "Kế hoạch số …", "Công văn số …"."""
    return type_name(document) or KINDS[kind_of(document)].label


def symbol(document: dict) -> str:
    """The symbol typed, else the type's code and the issuer's ("KH-UBND");
    a công văn, which has no type, the issuer's and the drafting unit's
    ("UBND-VX", Appendix I, 3b)."""
    if document["symbol"]:
        return document["symbol"]
    issuer = document["issuer"]["abbreviation"]
    name = type_name(document)
    if name is None:
        return "-".join(part for part in (issuer, document.get("drafting_unit")) if part)
    return f"{TYPE_CODES[name]}-{issuer}"


def issuing_body(document: dict) -> str:
    """Who issued the document, as a citation names it: the authority of a
    decision ("Chủ tịch Ủy ban nhân dân huyện …"), else the issuer."""
    return document.get("authority") or document["issuer"]["name"]


def citation(document: dict) -> str:
    """The document cited in full (Appendix I, 6b): "Kế hoạch số 05/KH-UBND
    ngày 05 tháng 3 năm 2021 của Ủy ban nhân dân huyện Tam Đường", with the
    records office's blanks while the number or date is not known."""
    return (f"{name_of(document)} số {number_symbol(document['number'], symbol(document))} "
            f"{date_text(document['date'])} của {issuing_body(document)}")
