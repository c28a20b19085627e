"""Empty, named signature fields written into a PDF (pikepdf), for a signing
tool to fill.

Each field is a widget annotation of field type /Sig with an empty
appearance: the page prints exactly as before it is signed. PDF/A-2 admits
them as they are: printable (/F 4), an appearance dictionary holding only
/N, no NeedAppearances.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .signature_places import Place

PRINT_FLAG = 4  # annotation flag "Print" (ISO 32000-1, 12.5.3)


@dataclass(frozen=True)
class SignatureField:
    name: str  # the field's /T: stable ASCII, what a signing tool targets
    description: str  # its /TU: the Vietnamese a signing tool may show
    place: Place


# The names are a public contract (README, "Signing"): never rename them.
SIGNER = "ND30_Signer"
ORGANIZATION = "ND30_Organization"
DESCRIPTIONS = {
    SIGNER: "Chữ ký số của người có thẩm quyền",
    ORGANIZATION: "Chữ ký số (dấu) của cơ quan, tổ chức",
}


def field(name: str, place: Place) -> SignatureField:
    return SignatureField(name, DESCRIPTIONS[name], place)


def add_signature_fields(pdf: pikepdf.Pdf, fields: list[SignatureField]) -> list[pikepdf.Object]:
    """Adds each field to its page and to the document's AcroForm; returns
    the indirect objects made or changed (the catalog aside)."""
    if not fields:
        return []
    if "/AcroForm" not in pdf.Root:
        pdf.Root.AcroForm = pdf.make_indirect(Dictionary(Fields=Array()))
    acroform = pdf.Root.AcroForm
    if "/Fields" not in acroform:
        acroform.Fields = Array()
    touched = [acroform]
    for item in fields:
        page = pdf.pages[item.place.page]
        appearance = _empty_appearance(pdf, item)
        widget = pdf.make_indirect(_widget(item, page, appearance))
        # A direct array in the page, so that the page alone records the change.
        page.obj.Annots = Array([*page.obj.get("/Annots", Array()), widget])
        acroform.Fields.append(widget)
        touched += [page.obj, widget, appearance]
    return touched


def _empty_appearance(pdf: pikepdf.Pdf, item: SignatureField) -> pikepdf.Stream:
    box = item.place.box
    return pdf.make_stream(b"", Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, box.width, box.height]))


def _widget(item: SignatureField, page: pikepdf.Page, appearance: pikepdf.Stream) -> Dictionary:
    box = item.place.box
    return Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Sig,
        T=String(item.name),
        TU=String(item.description),
        Rect=Array([box.left, box.bottom, box.right, box.top]),
        F=PRINT_FLAG,
        P=page.obj,
        AP=Dictionary(N=appearance),
    )
