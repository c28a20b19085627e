"""The plan's body: an ordered tree of sections and their content.

A section's ``content`` is a list of blocks, each an object with a ``type``:

- ``paragraph``: one paragraph of text;
- ``bullets``: "-" items, each with optional "+" sub-items;
- ``points``: "a)", "b)" items, each with optional paragraphs and bullets;
- ``section``: a numbered heading (I., 1., 1.1., 1.1.1. by depth) with its own content;
- the plan's named parts, which are sections with a default heading and a
  shape of their own: ``purposes_requirements``, ``targets``, ``tasks``,
  ``assignments``, ``budget``, ``reporting``.

Text anywhere may carry the inline markup of ``generators.inline``.
"""

from __future__ import annotations

from marshmallow import ValidationError, fields

from nd30.parts import DEFAULT_HEADINGS

from . import limits
from .base import StrictSchema
from .docs import doc
from .fields import Boolean, Choice, List, Nested, Number, Text
from .problems import Problem


def paragraph_text(**kwargs) -> Text:
    return Text(max_length=limits.PARAGRAPH, **kwargs)


def heading_text(default: str | None = None, **kwargs) -> Text:
    if default is None:
        return Text(max_length=limits.NAME, **kwargs)
    return Text(max_length=limits.NAME, load_default=default, dump_default=default, **kwargs)


class Block(fields.Field):
    """A polymorphic content block, dispatched on its ``type``."""

    def __init__(self, allowed: tuple[str, ...] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.allowed = allowed

    @property
    def choices(self) -> tuple[str, ...]:
        return self.allowed or tuple(BLOCK_SCHEMAS)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ValidationError(Problem("invalid_type", expected="đối tượng JSON có trường type"))
        block_type = value.get("type")
        if block_type not in self.choices:
            raise ValidationError({"type": [Problem("unknown_block_type", choices=", ".join(self.choices))]})
        return BLOCK_SCHEMAS[block_type].load(value)

    def _serialize(self, value, attr, obj, **kwargs):
        return value


def block_list(allowed: tuple[str, ...] | None = None, **kwargs) -> List:
    return List(Block(allowed), max_items=limits.BLOCKS_PER_LIST, load_default=list, **kwargs)


def type_field(name: str) -> Choice:
    return Choice((name,), required=True, metadata=doc("Loại mục", f"Luôn là {name}"))


def content_list(description: str, allowed: tuple[str, ...] | None = None) -> List:
    return block_list(allowed, metadata=doc("Nội dung", description))


class ParagraphSchema(StrictSchema):
    type = type_field("paragraph")
    text = paragraph_text(required=True, metadata=doc("Văn bản", "Một đoạn; **đậm**, *nghiêng*, ^[chú thích]"))


class BulletItemSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Văn bản", "In sau dấu -"))
    sub_items = List(paragraph_text(), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                     metadata=doc("Ý con", "Mỗi ý in sau dấu +"))


class BulletsSchema(StrictSchema):
    type = type_field("bullets")
    items = List(Nested(BulletItemSchema), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                 metadata=doc("Các gạch đầu dòng", "Mỗi mục một đoạn bắt đầu bằng dấu -"))


class PointItemSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Văn bản", "In sau chữ a), b) … đ) …"))
    content = content_list("Đoạn văn, gạch đầu dòng in dưới điểm", ("paragraph", "bullets"))


class PointsSchema(StrictSchema):
    type = type_field("points")
    items = List(Nested(PointItemSchema), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                 metadata=doc("Các điểm", "Đánh chữ a) b) c) d) đ) e) … y)"))


class PartSchema(StrictSchema):
    """A numbered heading and its content (a section without ``type``)."""

    heading = heading_text(metadata=doc("Đề mục", "Không ghi số: I., 1., 1.1. tự đánh theo cấp"))
    run_in = Boolean(load_default=False, metadata=doc("Liền đoạn", "Đề mục và đoạn đầu trên một dòng"))
    content = content_list("Các khối in dưới đề mục")


def named_heading(key: str) -> Text:
    default = DEFAULT_HEADINGS[key]
    return heading_text(default, metadata=doc("Đề mục", "Không ghi số; không gửi thì in tên mặc định"))


def part(name: str, key: str) -> Nested:
    """A sub-part of a named section, with its usual heading."""
    schema = type(f"{name}Schema", (PartSchema,), {"heading": named_heading(key)})
    title = DEFAULT_HEADINGS[key]
    return Nested(schema, load_default=None, allow_none=True, metadata=doc(title, "null hoặc không gửi: không in phần này"))


def more_sections() -> List:
    """Numbered sub-sections after a named section's named parts ("3. ...")."""
    return block_list(("section",), metadata=doc("Các mục tiếp theo", "Mục đánh số in sau các phần có tên"))


class SectionSchema(PartSchema):
    type = type_field("section")


def named_section(type_name: str, **extra_fields):
    """A section kind with a default heading and fields of its own."""
    attrs = {"type": type_field(type_name), "heading": named_heading(type_name), **extra_fields}
    return type(f"{type_name.title().replace('_', '')}Schema", (PartSchema,), attrs)


class TargetSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Chỉ tiêu", "Tên chỉ tiêu, in trước giá trị"))
    value = Number(allow_none=True, load_default=None, metadata=doc("Giá trị", "In kiểu Việt Nam: 0,2; 1.100"))
    unit = Text(max_length=limits.SHORT, load_default=None, allow_none=True,
                metadata=doc("Đơn vị tính", "0,2%/năm; 1.100 lao động"))
    content = content_list("Đoạn văn, gạch đầu dòng in dưới chỉ tiêu", ("paragraph", "bullets"))


class SpecificTargetsSchema(PartSchema):
    heading = named_heading("specific")
    items = List(Nested(TargetSchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                 metadata=doc("Các chỉ tiêu", "In sau nội dung của mục"))
    style = Choice(("numbered", "bullets", "points"), load_default="numbered",
                   metadata=doc("Kiểu chỉ tiêu", "numbered: 1.1.; bullets: -; points: a)"))
    notes = block_list(metadata=doc("Phần sau các chỉ tiêu", "Các khối in sau các chỉ tiêu"))


class AgencySchema(StrictSchema):
    name = heading_text(required=True, metadata=doc("Tên cơ quan, đơn vị", "Đề mục đánh số của cơ quan"))
    lead = Boolean(load_default=False, metadata=doc("Chủ trì", "In “(cơ quan chủ trì)” sau tên"))
    request = Boolean(load_default=False, metadata=doc("Đề nghị", "Cơ quan ngoài thẩm quyền: in “Đề nghị …”"))
    run_in = Boolean(load_default=False, metadata=doc("Liền đoạn", "Tên và đoạn đầu trên một dòng"))
    duties = content_list("Nhiệm vụ của cơ quan")


PurposesRequirementsSchema = named_section(
    "purposes_requirements",
    purposes=part("Purposes", "purposes"),
    requirements=part("Requirements", "requirements"),
    sections=more_sections(),
)
TargetsSchema = named_section(
    "targets",
    general=part("GeneralTargets", "general"),
    specific=Nested(SpecificTargetsSchema(), load_default=None, allow_none=True,
                    metadata=doc("Mục tiêu cụ thể", "Có thể kèm các chỉ tiêu")),
    sections=more_sections(),
)
TasksSchema = named_section("tasks")
AssignmentsSchema = named_section(
    "assignments",
    agencies=List(Nested(AgencySchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                  metadata=doc("Các cơ quan, đơn vị", "Mỗi cơ quan một mục đánh số")),
    closing=block_list(metadata=doc("Phần sau các cơ quan", "Đoạn văn hoặc mục tiếp theo")),
)
BudgetSchema = named_section("budget")
ReportingSchema = named_section("reporting")

BLOCK_SCHEMAS: dict[str, StrictSchema] = {
    "paragraph": ParagraphSchema(),
    "bullets": BulletsSchema(),
    "points": PointsSchema(),
    "section": SectionSchema(),
    "purposes_requirements": PurposesRequirementsSchema(),
    "targets": TargetsSchema(),
    "tasks": TasksSchema(),
    "assignments": AssignmentsSchema(),
    "budget": BudgetSchema(),
    "reporting": ReportingSchema(),
}
