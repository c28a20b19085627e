"""The family of documents: the kinds the service drafts with their
examples, the documents that travel with a plan (its Tờ trình, the Quyết
định that issues it, the Báo cáo on its results) drafted from it, and the
document a decision issues as a file of its own."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, request, url_for
from marshmallow import Schema, fields

from companions import COMPANIONS
from generators import issued_document
from nd30.kinds import DEFAULT_KIND, KINDS
from schemas.companions import load_companion_request
from schemas.docs import doc

from .arguments import Blueprint
from .errors import ApiError, documented
from .meta import ExampleSchema
from .pdf_options import wanted_pdf
from .plan_request import plan_json, wanted_format
from .render import (
    DOCUMENT_ERRORS,
    PLAN_ERRORS,
    FormatQuery,
    document_answer,
    document_response,
    plan_body,
)

blp = Blueprint("kinds", __name__, description="Các loại văn bản; tờ trình, quyết định, báo cáo đi kèm kế hoạch")

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
DOCUMENT = {"$ref": "#/components/schemas/Document"}


class KindSchema(Schema):
    name = fields.String(metadata=doc("Mã loại", "Giá trị của trường kind"))
    label = fields.String(metadata=doc("Tên gọi", "Như văn thư gọi"))
    type_name = fields.String(allow_none=True, metadata=doc("Tên loại in", "Dòng tên loại; công văn: không có"))
    model = fields.String(metadata=doc("Mẫu trình bày", "Theo Phụ lục III Nghị định 30/2020/NĐ-CP"))
    companion = fields.Boolean(metadata=doc("Soạn từ kế hoạch", "Có thể soạn từ một kế hoạch (POST /companions/<kind>)"))
    companion_label = fields.String(allow_none=True, metadata=doc("Tên văn bản kèm theo", "Văn bản soạn từ kế hoạch là gì với kế hoạch"))
    proposer_required = fields.Boolean(metadata=doc("Cần cơ quan trình", "Soạn từ kế hoạch phải kèm proposer (cơ quan trình)"))
    examples = fields.List(fields.Nested(ExampleSchema), metadata=doc("Văn bản mẫu", "Các mẫu của loại này"))


@lru_cache(maxsize=1)
def example_index() -> dict[str, dict[str, Path]]:
    """Examples by kind: the plans in examples/, each other kind in its folder."""
    index: dict[str, dict[str, Path]] = {name: {} for name in KINDS}
    index[DEFAULT_KIND] = {path.stem: path for path in sorted(EXAMPLES_DIR.glob("*.json"))}
    for path in sorted(EXAMPLES_DIR.glob("*/*.json")):
        if path.parent.name in index:
            index[path.parent.name][path.stem] = path
    return index


def example_item(kind: str, name: str, path: Path) -> dict:
    summary = json.loads(path.read_text(encoding="utf-8")).get("summary")
    return {"name": name, "summary": summary, "url": url_for("kinds.kind_example", kind=kind, name=name)}


@blp.route("/kinds")
@blp.doc(summary="Các loại văn bản soạn được, với văn bản mẫu của từng loại")
@blp.response(200, KindSchema(many=True))
def kinds():
    return [{"name": name, "label": kind.label, "type_name": kind.type_name, "model": kind.model,
             "companion": name in COMPANIONS,
             "companion_label": COMPANIONS[name].label if name in COMPANIONS else None,
             "proposer_required": name in COMPANIONS and COMPANIONS[name].needs_proposer,
             "examples": [example_item(name, example, path) for example, path in example_index()[name].items()]}
            for name, kind in KINDS.items()]


@blp.route("/kinds/<kind>/examples/<name>")
@blp.doc(summary="Một văn bản mẫu của loại này (JSON)",
         responses={"200": {"description": "Văn bản mẫu", "content": {"application/json": {"schema": DOCUMENT}}}})
@documented(blp, "not_found")
def kind_example(kind: str, name: str):
    path = example_index().get(kind, {}).get(name)
    if path is None:
        abort(404)
    return current_app.response_class(path.read_bytes(), mimetype="application/json")


@blp.route("/companions/<kind>", methods=["POST"])
@blp.doc(summary="Soạn từ kế hoạch văn bản đi kèm: tờ trình (to_trinh), quyết định ban hành (quyet_dinh), "
                 "báo cáo kết quả (bao_cao); trả về văn bản JSON để sửa rồi gửi POST /render",
         requestBody={"required": True, "content": {"application/json": {
             "schema": {"$ref": "#/components/schemas/CompanionRequest"}}}},
         responses={"200": {"description": "Văn bản đi kèm, hợp lệ theo /schema",
                            "content": {"application/json": {"schema": DOCUMENT}}}})
@documented(blp, *PLAN_ERRORS, "not_found")
def companion(kind: str):
    drafting = COMPANIONS.get(kind)
    if drafting is None:
        abort(404)
    data = load_companion_request(plan_json(request), needs_proposer=drafting.needs_proposer)
    return drafting.draft(data["plan"], data["proposer"])


@blp.route("/render/attachment", methods=["POST"])
@blp.doc(summary="Văn bản do quyết định ban hành (kế hoạch kèm theo, Mẫu 1.3) thành tệp riêng, DOCX hoặc PDF")
@blp.arguments(FormatQuery, location="query", as_kwargs=True)
@plan_body
@document_answer
@documented(blp, *PLAN_ERRORS, *DOCUMENT_ERRORS, "no_attachment")
def render_attachment(plan: dict, output: str | None = None, pdf_kind: str | None = None):
    if plan.get("attachment") is None:
        raise ApiError(422, "no_attachment", "Văn bản này không phải quyết định có văn bản ban hành kèm theo (attachment).")
    return document_response(issued_document(plan), wanted_format(request, output), wanted_pdf(request, pdf_kind))
