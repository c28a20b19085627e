"""The document kinds of the family, as every stage names them: how clerks
call each kind, the type line it prints and the code its symbol starts with
(Appendix III, table I), and the model of Appendix III it is laid out by.

Schemas, generators and the recognizer each register one module per kind
under these names; the form lists them from ``GET /conventions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document_types import TYPE_CODES

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
