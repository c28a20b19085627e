"""Validation of documents: marshmallow schemas with Vietnamese messages and
stable machine codes. ``blocks`` holds the body's block types, ``kinds``
the document kinds (a plan, ``ke_hoach``, is the first), each registered by
name; ``document`` the core every kind shares (header, recipients,
signatory); the rest is what they all use (fields, problems, limits, the
whole-document caps)."""

from marshmallow import ValidationError

from nd30.kinds import DEFAULT_KIND
from nd30.kinds import KINDS as NAMED_KINDS

from . import limits
from .kinds import KINDS, schema_for
from .kinds.ke_hoach import PlanSchema
from .limits import SCHEMA_VERSION
from .outline_rules import first_too_deep
from .problems import Problem, flatten, nest
from .publication import BlockUnion, DocumentUnion, block_union, document_union
from .workload import workload_problems

PLAN_SCHEMA = KINDS[PlanSchema.kind_name]


class PlanInvalid(Exception):
    """A document failed validation; ``errors`` lists every problem found,
    ``called`` is what a clerk calls the document ("Kế hoạch", "Quyết định" …)."""

    def __init__(self, errors: list[dict], called: str = "Văn bản"):
        super().__init__(f"{len(errors)} lỗi dữ liệu")
        self.errors = errors
        self.called = called

    def __reduce__(self):  # crosses a worker process whole (pickle would pass only the message)
        return PlanInvalid, (self.errors, self.called)


def _called(data) -> str:
    """What a clerk calls the document ``data`` names by its kind; "Văn bản"
    for a kind we do not know."""
    kind = data.get("kind", DEFAULT_KIND) if isinstance(data, dict) else None
    if not isinstance(kind, str) or kind not in NAMED_KINDS:
        return "Văn bản"
    return NAMED_KINDS[kind].type_name or NAMED_KINDS[kind].label


def load_plan(data) -> dict:
    """Validate ``data`` (parsed JSON) — a plan, or a document of the kind
    its ``kind`` names — and return it with defaults filled in, or raise
    ``PlanInvalid`` listing every problem."""
    deep = first_too_deep(data, limits.JSON_DEPTH)
    if deep is not None:
        raise PlanInvalid(list(flatten(nest(deep, Problem("too_deeply_nested", max=limits.JSON_DEPTH)))), _called(data))
    schema = schema_for(data)
    if isinstance(schema, Problem):
        raise PlanInvalid(list(flatten(nest(("kind",), schema))), _called(data))
    try:
        document = schema.load(data)
    except ValidationError as error:
        raise PlanInvalid(list(flatten(error.messages)), _called(data)) from None
    # Counted on the valid document only: its texts are then known to be text.
    too_much = workload_problems(document)
    if too_much:
        raise PlanInvalid(list(flatten(too_much)), _called(data))
    return document


__all__ = ["PLAN_SCHEMA", "BlockUnion", "DocumentUnion", "PlanSchema", "PlanInvalid", "Problem", "SCHEMA_VERSION", "block_union",
           "document_union", "load_plan"]
