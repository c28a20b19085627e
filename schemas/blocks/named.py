"""The named parts that are sections with nothing of their own but a
default heading: Nhiệm vụ và giải pháp, Kinh phí, Chế độ báo cáo."""

from . import register, type_field
from .section import NamedPartSchema, named_heading


def simple_named_part(type_name: str, rank: int) -> type[NamedPartSchema]:
    class_name = f"{type_name.title().replace('_', '')}Schema"  # "Tasks": its name in /schema
    attributes = {"type_name": type_name, "rank": rank, "type": type_field(type_name), "heading": named_heading(type_name)}
    return register(type(class_name, (NamedPartSchema,), attributes))


TasksSchema = simple_named_part("tasks", 70)
BudgetSchema = simple_named_part("budget", 90)
ReportingSchema = simple_named_part("reporting", 100)
