"""The body's blocks: one module per block type, each registering its
schema here under the type's name (``"paragraph"``, ``"points"``,
``"assignments"`` …). Adding a block type means adding one module to this
package (and its writer in ``generators/blocks/``, its reader in
``recognizer/blocks/``): see docs/architecture.md.

A block is a JSON object whose ``type`` names its schema; ``Block`` is the
marshmallow field that dispatches on it, ``block_list`` a list of them that
may admit only some types. A block schema may also say which numbered
headings it prints (``BlockSchema.headings``), so that the depth rule of
``schemas/outline_rules.py`` needs no knowledge of any block.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Iterator

from marshmallow import ValidationError, fields

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import Choice, List
from ..problems import Problem

BLOCKS: dict[str, "BlockSchema"] = {}


class BlockSchema(StrictSchema):
    """A block type: ``type_name`` is its ``type``, ``rank`` its place in
    lists of types (the order /schema and the form show them in)."""

    type_name: str = ""
    rank: int = 100

    def headings(self, block: dict, depth: int, path: tuple) -> Iterator[tuple[int, tuple]]:
        """(depth, path) of each numbered heading the block prints, its own
        included; a block that prints none yields nothing."""
        return iter(())

    def cells(self, block: dict) -> int:
        """How many table cells the block prints (the whole-plan cap counts them)."""
        return 0


def register(schema_class: type[BlockSchema]) -> type[BlockSchema]:
    """Class decorator: the block type ``schema_class.type_name``."""
    BLOCKS[schema_class.type_name] = schema_class()
    ordered = sorted(BLOCKS.items(), key=lambda item: item[1].rank)
    BLOCKS.clear()
    BLOCKS.update(ordered)
    return schema_class


def type_field(name: str) -> Choice:
    return Choice((name,), required=True, metadata=doc("Loại mục", f"Luôn là {name}"))


class Block(fields.Field):
    """A polymorphic content block, dispatched on its ``type``."""

    def __init__(self, allowed: tuple[str, ...] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.allowed = allowed

    @property
    def choices(self) -> tuple[str, ...]:
        return self.allowed or tuple(BLOCKS)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ValidationError(Problem("invalid_type", expected="đối tượng JSON có trường type"))
        block_type = value.get("type")
        if block_type not in self.choices:
            raise ValidationError({"type": [Problem("unknown_block_type", choices=", ".join(self.choices))]})
        return BLOCKS[block_type].load(value)

    def _serialize(self, value, attr, obj, **kwargs):
        return value


def block_list(allowed: tuple[str, ...] | None = None, **kwargs) -> List:
    return List(Block(allowed), max_items=limits.BLOCKS_PER_LIST, load_default=list, **kwargs)


def content_list(description: str, allowed: tuple[str, ...] | None = None) -> List:
    return block_list(allowed, metadata=doc("Nội dung", description))


def headings(blocks: list[dict], depth: int = 1, path: tuple = ()) -> Iterator[tuple[int, tuple]]:
    """(depth, path) of every numbered heading printed under ``blocks``."""
    for index, block in enumerate(blocks):
        yield from BLOCKS[block["type"]].headings(block, depth, path + (index,))


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
