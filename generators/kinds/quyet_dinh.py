"""Quyết định (Appendix III, models 1.2 and 1.3): the enacting authority
over the legal bases and "Theo đề nghị của …", "QUYẾT ĐỊNH:", the articles,
and recipients starting "- Như Điều 3;". A decision that issues a plan (a
regulation …) is followed, in the same file, by the document it issues: a
new section with its own header (no number or date of its own), "(Ban hành
kèm theo Quyết định số …)", its body, the decision's signatory and its
appendices; or that document is a file of its own (``issued_document``
gives it to render, as the kind ``ISSUED``).
"""

from __future__ import annotations

import dataclasses

from docx.oxml.ns import qn

from nd30.kinds import citation, symbol
from nd30.vietnamese import upper
from nd30.wording import AS_IN_ARTICLE, ISSUED_WITH

from .. import front_matter
from ..appendix import AppendixWriter, new_section
from ..document import DocumentKind
from ..wordml import literal
from . import register, renderer

# What a decision issues, rendered as a file of its own.
ISSUED = "quyet_dinh.kem_theo"


@register
class DecisionDocument(DocumentKind):
    name = "quyet_dinh"
    template_name = "quyet-dinh.docx"

    def first_recipient(self, decision):
        return f"{AS_IN_ARTICLE} {decision['executing_article'] or len(decision['body'])}"

    def context(self, decision, footnotes):
        return super().context(decision, footnotes) | {"enacting_authority": literal(upper(decision["authority"]))}

    def append(self, word, decision, writer):
        if not issues_in_the_same_file(decision):
            return
        issued = issued_document(decision)
        new_section(word, wide=False)
        # Filled with the decision's footnotes: they number on through it.
        filled = renderer(ISSUED).fill({**issued, "appendices": []}, writer.footnotes).docx
        target = word.element.body.sectPr
        for element in list(filled.element.body):
            if element.tag != qn("w:sectPr"):
                target.addprevious(element)
        AppendixWriter(word, writer, renderer(ISSUED).appendix_reference(issued)).write(issued["appendices"])

    def signature_blocks(self, decision):
        """The document it issues in the same file ends with the same signatory's block."""
        return 2 if issues_in_the_same_file(decision) else 1

    def printed_appendices(self, decision):
        return decision["attachment"]["appendices"] if issues_in_the_same_file(decision) else []


@register
class IssuedDocument(DocumentKind):
    """The document a decision issues, laid out on its own (model 1.3): the
    issuer's header without number and date, its type line and summary,
    "(Ban hành kèm theo Quyết định số …)", its body and the signatory."""

    name = ISSUED
    template_name = "quyet-dinh-kem-theo.docx"

    def context(self, issued, footnotes):
        return super().context(issued, footnotes) | {"issued_with": literal(f"{ISSUED_WITH} {issued['issued_by']}")}

    def appendix_reference(self, issued):
        """"Kế hoạch ban hành kèm theo Quyết định số …"."""
        return f"{issued['document_type']} {ISSUED_WITH[0].lower()}{ISSUED_WITH[1:]} {issued['issued_by']}"

    def properties(self, issued):
        return dataclasses.replace(front_matter.properties(issued), keywords=self.appendix_reference(issued))


def issues_in_the_same_file(decision: dict) -> bool:
    """The decision prints the document it issues after itself, in its own file."""
    return decision["attachment"] is not None and decision["attachment_file"] == "same"


def issued_document(decision: dict) -> dict:
    """What a decision issues, as a document of its own: its fields, the
    decision's issuer, signatory, draft mark, number and date (which it
    does not print: its file is named by them), and the decision it is
    issued by ("Quyết định số 05/QĐ-UBND ngày … của Chủ tịch …")."""
    return {
        **decision["attachment"],
        "kind": ISSUED,
        "issuer": decision["issuer"],
        "signatory": decision["signatory"],
        "draft_mark": decision["draft_mark"],
        "number": decision["number"], "symbol": symbol(decision), "place": decision["place"], "date": decision["date"],
        "recipients": [], "archive": [],
        "issued_by": citation(decision),
    }
