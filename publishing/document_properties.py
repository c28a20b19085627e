"""The document's own description inside the PDF: XMP metadata (and the
document information dictionary kept equal to it, as PDF/A requires),
edited with pikepdf over what LibreOffice's filter wrote (the template's
title and author) and appended as an update.

The description is the one the .docx carries (the kind's ``properties``:
title = the summary, author = the issuer, keywords = "Kế hoạch số
05/KH-UBND"), so that the Word draft and its PDF say the same.
"""

from __future__ import annotations

import dataclasses

import pikepdf

from generators.appendix import label
from generators.front_matter import Properties
from generators.kinds import renderer
from nd30.kinds import citation, kind_of
from nd30.markup import plain

from .incremental import Update
from .pdf_text import fold

LANGUAGE = "vi-VN"


def document_properties(document: dict) -> Properties:
    return renderer(kind_of(document)).properties(document)


def appendix_properties(document: dict, appendices: list[dict], index: int) -> Properties:
    """An appendix issued as its own file: "Phụ lục II: <title>", attached to the document."""
    appendix = appendices[index]
    return dataclasses.replace(
        document_properties(document),
        title=f"{label(appendix, index, len(appendices))}: {fold(plain(appendix['title']))}",
        subject=f"Kèm theo {citation(document)}",
    )


def write_properties(update: Update, properties: Properties) -> None:
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
        xmp["dc:subject"] = {properties.keywords}
        xmp["pdf:Keywords"] = properties.keywords
        xmp["dc:language"] = {LANGUAGE}
    metadata = document.Root.Metadata
    metadata.write(scratch.Root.Metadata.read_bytes())
    update.rewrite(metadata)
    update.rewrite(document.trailer.Info, scratch.trailer.Info.unparse(resolved=True))
