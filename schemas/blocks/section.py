"""Sections: a numbered heading (I., 1., 1.1., 1.1.1. by depth) and its
content — and the ``Part`` they share with the plan's named parts, which
are sections with a default heading and fields of their own (their modules
build on the helpers here)."""

from __future__ import annotations

from typing import Iterator

from nd30.parts import DEFAULT_HEADINGS

from ..base import StrictSchema
from ..docs import doc
from ..fields import Boolean, List, Nested, Text, heading_text
from . import BlockSchema, block_list, content_list, headings, register, type_field


class PartSchema(StrictSchema):
    """A numbered heading and its content (a section without ``type``)."""

    heading = heading_text(metadata=doc("Đề mục", "Không ghi số: I., 1., 1.1. tự đánh theo cấp"))
    run_in = Boolean(load_default=False, metadata=doc("Liền đoạn", "Đề mục và đoạn đầu trên một dòng"))
    content = content_list("Các khối in dưới đề mục")


def part_headings(part: dict, depth: int, path: tuple) -> Iterator[tuple[int, tuple]]:
    """The part's own heading and those of its content, one level below."""
    yield depth, path
    yield from headings(part.get("content", []), depth + 1, path + ("content",))


def named_heading(key: str) -> Text:
    return heading_text(DEFAULT_HEADINGS[key], metadata=doc("Đề mục", "Không ghi số; không gửi thì in tên mặc định"))


def part(name: str, key: str) -> Nested:
    """A sub-part of a named part, with its usual heading."""
    schema = type(f"{name}Schema", (PartSchema,), {"heading": named_heading(key)})
    return Nested(schema, load_default=None, allow_none=True,
                  metadata=doc(DEFAULT_HEADINGS[key], "null hoặc không gửi: không in phần này"))


def sub_part_headings(block: dict, keys: tuple[str, ...], depth: int, path: tuple) -> Iterator[tuple[int, tuple]]:
    for key in keys:
        if block.get(key):
            yield from part_headings(block[key], depth, path + (key,))


def more_sections() -> List:
    """Numbered sub-sections after a named part's own parts ("3. ...")."""
    return block_list(("section",), metadata=doc("Các mục tiếp theo", "Mục đánh số in sau các phần có tên"))


class NamedPartSchema(PartSchema, BlockSchema):
    """A named part of a plan: a section whose heading has a default."""

    def headings(self, block, depth, path):
        return part_headings(block, depth, path)


@register
class SectionSchema(PartSchema, BlockSchema):
    type_name, rank = "section", 40
    type = type_field(type_name)

    def headings(self, block, depth, path):
        return part_headings(block, depth, path)
