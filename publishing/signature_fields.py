"""Empty, named signature fields appended to a PDF (an incremental update),
for a signing tool to fill.

Each field is a widget annotation of field type /Sig with an empty
appearance: the page prints exactly as before it is signed. PDF/A-2 admits
them as they are: printable (/F 4), an appearance dictionary holding only
/N, no NeedAppearances.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .incremental import Update, reference, with_entries
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


def add_signature_fields(update: Update, fields: list[SignatureField]) -> None:
    """Writes each field into ``update`` (a widget and its empty appearance,
    new objects), with the pages and the form that list them."""
    if not fields:
        return
    document = update.document
    widgets: dict[int, list[int]] = {}
    for item in fields:
        appearance, widget = update.new_number(), update.new_number()
        update.write(appearance, _empty_appearance(item))
        page = document.pages[item.place.page].obj
        update.write(widget, with_entries(_widget(item, page), b"/AP << /N %s >>" % reference(appearance)))
        widgets.setdefault(item.place.page, []).append(widget)
    for index, numbers in widgets.items():
        page = document.pages[index].obj
        annotations = [*_items(page.get("/Annots")), *map(reference, numbers)]
        update.rewrite(page, with_entries(page, b"/Annots [ %s ]" % b" ".join(annotations), without=("/Annots",)))
    _list_in_form(update, [number for numbers in widgets.values() for number in numbers])


def _list_in_form(update: Update, widgets: list[int]) -> None:
    """The widgets added to the document's AcroForm, made if there is none."""
    root = update.document.Root
    form = root.get("/AcroForm")
    fields = b"/Fields [ %s ]" % b" ".join([*_items(form.get("/Fields") if form is not None else None),
                                           *map(reference, widgets)])
    if form is not None and form.is_indirect:
        update.rewrite(form, with_entries(form, fields, without=("/Fields",)))
        return
    if form is None:
        entry = reference(number := update.new_number())
        update.write(number, b"<< %s >>" % fields)
    else:  # a form written inside the catalog
        entry = with_entries(form, fields, without=("/Fields",))
    update.rewrite(root, with_entries(root, b"/AcroForm " + entry, without=("/AcroForm",)))


def _items(array: pikepdf.Object | None) -> list[bytes]:
    """An array's items serialized (references stay references)."""
    return [item.unparse() for item in array] if array is not None else []


def _empty_appearance(item: SignatureField) -> bytes:
    box = item.place.box
    dictionary = Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, box.width, box.height]), Length=0)
    return dictionary.unparse() + b"\nstream\n\nendstream"


def _widget(item: SignatureField, page: pikepdf.Dictionary) -> Dictionary:
    box = item.place.box
    return Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Sig,
        T=String(item.name),
        TU=String(item.description),
        Rect=Array([box.left, box.bottom, box.right, box.top]),
        F=PRINT_FLAG,
        P=page,
    )
