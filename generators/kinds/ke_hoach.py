"""Kế hoạch: Decree 30's layout of a document with a type name (Appendix
III, model 1.4) — header, type and summary, legal bases, lead-in, the
numbered body, closing, recipients and signatory — then its appendices:
all of it the shared pipeline's defaults (``generators.document``)."""

from __future__ import annotations

from ..document import DocumentKind
from . import register


@register
class PlanDocument(DocumentKind):
    name = "ke_hoach"
    template_name = "ke-hoach.docx"
