"""The document's own description inside the PDF: XMP metadata (and the
document information dictionary kept equal to it, as PDF/A requires),
edited with pikepdf over what LibreOffice's filter wrote (the template's
title and author) and appended as an update.

title = the summary, author = the issuer, subject = "Kế hoạch số 05/KH-UBND
ngày … của …", keywords = the number and symbol, the type and the year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from generators.appendix import label
from generators.front_matter import attached_to, symbol
from nd30.markup import plain
from nd30.vietnamese import number_symbol

from .incremental import Update
from .pdf_text import fold

LANGUAGE = "vi-VN"


@dataclass(frozen=True)
class DocumentProperties:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]


def plan_properties(plan: dict) -> DocumentProperties:
    return DocumentProperties(
        title=fold(plain(plan["summary"])),
        author=plan["issuer"]["name"],
        subject=attached_to(plan),  # blanks and all, as the document prints it
        keywords=_keywords(plan),
    )


def appendix_properties(plan: dict, index: int) -> DocumentProperties:
    """An appendix issued as its own file: "Phụ lục II: <title>", attached to the plan."""
    appendices = plan["appendices"]
    return DocumentProperties(
        title=f"{label(appendices[index], index, len(appendices))}: {fold(plain(appendices[index]['title']))}",
        author=plan["issuer"]["name"],
        subject=f"Kèm theo {attached_to(plan)}",
        keywords=_keywords(plan),
    )


def write_properties(update: Update, properties: DocumentProperties) -> None:
    """Sets the XMP fields, and through pikepdf the information dictionary's
    (Title, Author, Subject, Keywords), keeping the PDF/A declaration
    LibreOffice wrote. The editing happens on a scratch copy of the two
    objects (a new stream in the document itself would make qpdf read every
    object of it first); the document's own objects then take the result."""
    document = update.document
    scratch = pikepdf.new()
    scratch.Root.Metadata = scratch.make_stream(document.Root.Metadata.read_bytes())
    scratch.trailer.Info = scratch.make_indirect(pikepdf.Dictionary(dict(document.trailer.Info.items())))
    with scratch.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = properties.title
        xmp["dc:creator"] = [properties.author]
        xmp["dc:description"] = properties.subject
        xmp["dc:subject"] = set(properties.keywords)
        xmp["pdf:Keywords"] = "; ".join(properties.keywords)
        xmp["dc:language"] = {LANGUAGE}
    metadata = document.Root.Metadata
    metadata.write(scratch.Root.Metadata.read_bytes())
    update.rewrite(metadata)
    update.rewrite(document.trailer.Info, scratch.trailer.Info.unparse(resolved=True))


def _keywords(plan: dict) -> tuple[str, ...]:
    """"05/KH-UBND" (or "KH-UBND" before the records office numbers it), the
    type, the year."""
    code = number_symbol(plan["number"], symbol(plan)) if plan["number"] is not None else symbol(plan)
    return code, plan["document_type"], str(plan["date"]["year"])
