"""A request for the documents that travel with a plan: the plan, and who
proposes it (the body that drafted it, which signs the Tờ trình)."""

from __future__ import annotations

from marshmallow import ValidationError

from . import PlanInvalid, limits
from .base import StrictSchema
from .docs import doc
from .fields import Nested
from .header import IssuerSchema, SignatorySchema
from .kinds.ke_hoach import PlanSchema
from .outline_rules import first_too_deep
from .problems import Problem, flatten, nest
from .workload import workload_problems


class ProposerSchema(StrictSchema):
    issuer = Nested(IssuerSchema, required=True, metadata=doc("Cơ quan trình", "Cơ quan soạn thảo kế hoạch, ký tờ trình"))
    signatory = Nested(SignatorySchema, required=True, metadata=doc("Người ký tờ trình", "Chức vụ, họ tên"))


class CompanionRequestSchema(StrictSchema):
    plan = Nested(PlanSchema, required=True, metadata=doc("Kế hoạch", "Kế hoạch mà văn bản đi kèm"))
    proposer = Nested(ProposerSchema, load_default=None, allow_none=True, metadata=doc(
        "Cơ quan trình", "Bắt buộc với tờ trình; với quyết định: in “Theo đề nghị của …”"))


REQUEST = CompanionRequestSchema()


def load_companion_request(data, *, needs_proposer: bool) -> dict:
    """The validated request (``plan`` with its defaults, ``proposer`` or
    None), or ``PlanInvalid`` listing every problem at its path."""
    deep = first_too_deep(data, limits.JSON_DEPTH)
    if deep is not None:
        raise PlanInvalid(list(flatten(nest(deep, Problem("too_deeply_nested", max=limits.JSON_DEPTH)))))
    try:
        request = REQUEST.load(data)
    except ValidationError as error:
        raise PlanInvalid(list(flatten(error.messages))) from None
    too_much = workload_problems(request["plan"])
    problems = {"plan": too_much} if too_much else {}
    if needs_proposer and request["proposer"] is None:
        problems["proposer"] = [Problem("proposer_required")]
    if problems:
        raise PlanInvalid(list(flatten(problems)))
    return request
