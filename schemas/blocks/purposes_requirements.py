"""Mục đích, yêu cầu: the purposes and the requirements of a plan."""

from nd30.parts import SUB_PARTS

from . import headings, register, type_field
from .section import (
    NamedPartSchema,
    more_sections,
    named_heading,
    part,
    part_headings,
    sub_part_headings,
)


@register
class PurposesRequirementsSchema(NamedPartSchema):
    type_name, rank = "purposes_requirements", 50
    type = type_field(type_name)
    heading = named_heading(type_name)
    purposes = part("Purposes", "purposes")
    requirements = part("Requirements", "requirements")
    sections = more_sections()

    def headings(self, block, depth, path):
        yield from part_headings(block, depth, path)
        yield from sub_part_headings(block, SUB_PARTS[self.type_name], depth + 1, path)
        yield from headings(block.get("sections", []), depth + 1, path + ("sections",))
