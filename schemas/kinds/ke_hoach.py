"""Kế hoạch (a plan), the first document kind: the whole plan, the single
source of truth for its validation and for the published JSON Schema."""

from __future__ import annotations

from nd30.document_types import DOCUMENT_TYPES

from ..docs import doc
from ..document import (
    DocumentSchema,
    appendices_field,
    body_field,
    closing_field,
    kind_field,
    lead_in_field,
    legal_bases_field,
)
from ..fields import Choice
from . import register


@register
class PlanSchema(DocumentSchema):
    kind_name = "ke_hoach"

    kind = kind_field(kind_name, optional=True)
    document_type = Choice(tuple(DOCUMENT_TYPES), load_default="Kế hoạch", metadata=doc("Tên loại văn bản", "Kế hoạch → KH"))
    legal_bases = legal_bases_field()
    lead_in = lead_in_field()
    body = body_field("Nội dung kế hoạch", "Các mục I., II. …")
    closing = closing_field()
    appendices = appendices_field()
