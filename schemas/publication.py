"""What a published JSON Schema of the plan needs beyond each field's own
title and description: the body's blocks are one union dispatched on their
``type`` (which marshmallow's fields cannot express), and the section-like
kinds share one set of fields; so are the document kinds (dispatched on
``kind``), on one shared core. ``api/meta.py`` builds ``/schema`` and the
OpenAPI components from ``block_union()``, without knowing how the blocks
are declared."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from marshmallow import Schema, fields

from nd30.kinds import DEFAULT_KIND

from .blocks import BLOCKS, Block
from .blocks.section import PartSchema
from .document import DocumentSchema
from .kinds import KINDS


@dataclass(frozen=True)
class BlockUnion:
    schemas: Mapping[str, Schema]  # each block type's schema, by its type name
    shared_part: type[Schema]  # the schema every section-like kind builds on

    @staticmethod
    def admitted(field: fields.Field) -> tuple[str, ...] | None:
        """The block types ``field`` holds (``()``: every one), or None for a field that holds no block."""
        return field.allowed or () if isinstance(field, Block) else None

    @staticmethod
    def field(**kwargs) -> fields.Field:
        """A field holding one block of any type (for schemas of answers that carry blocks)."""
        return Block(**kwargs)


@dataclass(frozen=True)
class DocumentUnion:
    schemas: Mapping[str, Schema]  # each document kind's schema, by its kind
    default: str  # the kind of a document without ``kind``
    shared_core: type[Schema]  # the schema every kind builds on


def document_union() -> DocumentUnion:
    return DocumentUnion(dict(KINDS), DEFAULT_KIND, DocumentSchema)


def block_union() -> BlockUnion:
    return BlockUnion(dict(BLOCKS), PartSchema)
