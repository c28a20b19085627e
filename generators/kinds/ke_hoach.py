"""Kế hoạch: Decree 30's layout of a document with a type name (Appendix
III, model 1.4) — header, type and summary, legal bases, lead-in, the
numbered body, closing, recipients and signatory — then its appendices."""

from __future__ import annotations

from nd30.markup import plain
from nd30.vietnamese import issuer_lines

from .. import front_matter
from ..appendix import AppendixWriter, text_width
from ..document import DocumentKind
from ..header_fit import fit_header
from ..rules import draw_rules
from . import register


@register
class PlanDocument(DocumentKind):
    name = "ke_hoach"
    template_name = "ke-hoach.docx"

    def context(self, plan, footnotes):
        return front_matter.context(plan, footnotes)

    def compose(self, word, plan, writer):
        fit_header(word)
        writer.text_width = text_width(word.sections[0])
        body_xml = writer.body(plan["body"], plan["closing"])  # before the appendices: footnotes number in order
        draw_rules(word, issuer_lines(plan["issuer"]["name"]), plain(plan["summary"]))
        AppendixWriter(word, writer, front_matter.attached_to(plan)).write(plan["appendices"])
        return body_xml

    def properties(self, plan):
        return front_matter.properties(plan)
