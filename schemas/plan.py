"""The whole plan: the single source of truth for validation and for the
published JSON Schema."""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from . import limits
from .appendix import AppendixSchema
from .base import StrictSchema
from .body import block_list, paragraph_text
from .fields import Choice, Integer, List, Nested, Text
from .header import DOCUMENT_TYPES, IssueDateSchema, IssuerSchema, RecipientSchema, SignatorySchema, code_text
from .outline_rules import depth_problems
from .problems import Problem


class PlanSchema(StrictSchema):
    schema_version = Integer(
        minimum=limits.SCHEMA_VERSION,
        maximum=limits.SCHEMA_VERSION,
        required=True,
        error=Problem("unsupported_version"),
    )
    draft_mark = Text(max_length=limits.SHORT, load_default=None, allow_none=True)

    issuer = Nested(IssuerSchema, required=True)
    document_type = Choice(tuple(DOCUMENT_TYPES), load_default="Kế hoạch")
    number = Integer(minimum=1, maximum=999999, load_default=None, allow_none=True)
    symbol = code_text(load_default=None, allow_none=True)
    place = Text(max_length=limits.NAME, required=True)
    date = Nested(IssueDateSchema, required=True)
    summary = Text(max_length=limits.SUMMARY, required=True)

    legal_bases = List(paragraph_text(), max_items=limits.LEGAL_BASES, load_default=list)
    lead_in = paragraph_text(load_default=None, allow_none=True)
    body = block_list()
    closing = paragraph_text(load_default=None, allow_none=True)

    recipients = List(Nested(RecipientSchema), max_items=limits.RECIPIENTS, load_default=list)
    archive = List(
        Text(max_length=limits.SHORT),
        max_items=limits.ARCHIVE_UNITS,
        load_default=lambda: ["VT"],
    )
    signatory = Nested(SignatorySchema, required=True)
    appendices = List(Nested(AppendixSchema), max_items=limits.APPENDICES, load_default=list)

    @validates_schema
    def body_fits(self, data, **kwargs):
        problems = depth_problems(data.get("body", []))
        if problems:
            raise ValidationError(problems)


PLAN_SCHEMA = PlanSchema()
