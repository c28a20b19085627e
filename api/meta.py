"""Read-only endpoints: the plan's JSON Schema, the examples, health (liveness) and readiness."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, url_for
from marshmallow import Schema, fields

import nd30
from schemas import block_union, document_union
from schemas.companions import CompanionRequestSchema
from schemas.docs import doc
from schemas.fields import StringOrObject

from .arguments import Blueprint
from .errors import ApiError, documented

blp = Blueprint("meta", __name__, description="Định dạng kế hoạch, ví dụ và tình trạng dịch vụ")
BLOCKS = block_union()
DOCUMENTS = document_union()

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


BLOCK_COMPONENT = "Block"
PART_COMPONENT = "Part"
DOCUMENT_COMPONENT = "Document"
CORE_COMPONENT = "DocumentCore"


def register_documents(spec, converter) -> None:
    """The document kinds as one union, ``Document``, dispatched on ``kind``
    with ``if``/``then`` as ``Block`` is on ``type``: a document without
    ``kind`` is a plan, any other names its kind. And the request for a
    plan's companions, which holds a plan."""
    branches = []
    for name, schema in DOCUMENTS.schemas.items():
        test: dict = {"properties": {"kind": {"const": name}}}
        if name != DOCUMENTS.default:
            test["required"] = ["kind"]
        branches.append({"if": test, "then": converter.resolve_nested_schema(schema.__class__)})
    spec.components.schema(DOCUMENT_COMPONENT, {
        "type": "object",
        "title": "Văn bản",
        "required": ["schema_version"],
        "properties": {"kind": {"enum": list(DOCUMENTS.schemas), "title": "Loại văn bản",
                                "description": "Không gửi: kế hoạch (ke_hoach); danh sách: GET /kinds"}},
        "allOf": branches,
    })
    spec.components.schema("CompanionRequest", schema=CompanionRequestSchema)


def block_property(converter, field, **kwargs) -> dict:
    """OpenAPI/JSON Schema for the polymorphic body blocks, chosen by ``type``.

    The union is one component, ``Block``, referenced by every list of blocks
    (each list names the types it admits). ``if``/``then`` on the type rather
    than ``oneOf``: a validator then checks each block against its own schema
    only, instead of against every block schema at every nesting level
    (exponential in the depth)."""
    admitted = BLOCKS.admitted(field)
    if admitted is None:
        return {}
    components = converter.spec.components
    if BLOCK_COMPONENT not in components.schemas:
        # Registered before its branches: they hold lists of blocks themselves.
        components.schema(BLOCK_COMPONENT, {
            "type": "object",
            "title": "Mục nội dung",
            "required": ["type"],
            "properties": {"type": {"enum": list(BLOCKS.schemas)}},
        })
        components.schemas[BLOCK_COMPONENT]["allOf"] = [
            {"if": {"properties": {"type": {"const": name}}}, "then": converter.resolve_nested_schema(schema.__class__)}
            for name, schema in BLOCKS.schemas.items()
        ]
    reference = {"$ref": f"#/components/schemas/{BLOCK_COMPONENT}"}
    if admitted:  # a list that admits only some types says which
        reference["properties"] = {"type": {"enum": list(admitted)}}
    return reference


def string_or_object_property(converter, field, **kwargs) -> dict:
    """A field that takes an object or, for short, a string (a table cell)."""
    if not isinstance(field, StringOrObject):
        return {}
    return {"anyOf": [{"type": "string"}, converter.resolve_nested_schema(field.schema)]}


def json_schema(openapi: dict, converter) -> dict:
    """The Plan component and everything it refers to, as a JSON Schema.

    Every schema built on ``PartSchema`` (the section kinds and the named
    sub-parts) refers to one ``Part`` definition for the fields they share
    instead of repeating them."""
    bases = {PART_COMPONENT: BLOCKS.shared_part, CORE_COMPONENT: DOCUMENTS.shared_core}
    components = {**openapi["components"]["schemas"],
                  **{name: converter.schema2jsonschema(base) for name, base in bases.items()}}
    text = json.dumps(components).replace("#/components/schemas/", "#/$defs/")
    definitions = json.loads(text)
    for base_name, base in bases.items():
        definitions[base_name].pop("additionalProperties")  # each kind closes itself, knowing its own fields
        for kind in _subclasses(base):
            name = converter.schema_name_resolver(kind)
            if name in definitions:
                definitions[name] = _on_part(definitions[name], definitions[base_name], base_name)
    reachable, pending = set(), [DOCUMENT_COMPONENT]
    while pending:
        name = pending.pop()
        if name in reachable:
            continue
        reachable.add(name)
        for ref in _refs(definitions[name]):
            pending.append(ref.rsplit("/", 1)[1])
    for definition in definitions.values():
        for prop in definition.get("properties", {}).values():
            if "enum" in prop:  # the values say it all: no type or length
                prop.pop("type", None)
                prop.pop("maxLength", None)
                if len(prop["enum"]) == 1:  # a block's type: its discriminator
                    prop["const"] = prop.pop("enum")[0]
            if "default" in prop and prop["default"] is None:
                del prop["default"]  # a field that may be null is left out by default: nothing to announce
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "Văn bản hành chính theo Nghị định 30/2020/NĐ-CP: kế hoạch và các văn bản đi kèm",
        "$ref": f"#/$defs/{DOCUMENT_COMPONENT}",
        "$defs": {name: definitions[name] for name in sorted(reachable)},
    }


def _subclasses(cls: type) -> list[type]:
    found = []
    for subclass in cls.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


def _on_part(definition: dict, part: dict, part_name: str) -> dict:
    """``definition`` as its base (``Part``, ``DocumentCore``) plus only what
    differs: its ``type`` or ``kind``, its own fields, and of a shared field
    only what it changes (a default heading), with its title and
    description. ``unevaluatedProperties`` (not ``additionalProperties``) so
    that the base's fields count as known."""
    own = {}
    for key, prop in definition["properties"].items():
        shared = part["properties"].get(key)
        if shared is None:
            own[key] = prop
        elif prop != shared:
            own[key] = {k: v for k, v in prop.items() if k in ("title", "description") or shared.get(k) != v}
    factored = {"$ref": f"#/$defs/{part_name}", "properties": own}
    required = [name for name in definition.get("required", []) if name not in part.get("required", [])]
    if required:
        factored["required"] = required
    factored["unevaluatedProperties"] = False
    return factored


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


class ExampleSchema(Schema):
    name = fields.String(metadata=doc("Tên", "Tên mẫu, dùng trong địa chỉ /examples/{name}"))
    summary = fields.String(allow_none=True, metadata=doc("Trích yếu", "Trích yếu của kế hoạch mẫu"))
    url = fields.String(metadata=doc("Địa chỉ", "Địa chỉ của kế hoạch mẫu"))


class HealthSchema(Schema):
    status = fields.String(metadata=doc("Tình trạng", "ok khi dịch vụ trả lời"))
    workers = fields.Dict(metadata=doc("Tiến trình xử lý", "Các làn soạn văn bản và đọc tệp: số tiến trình, hàng đợi"))
    converter = fields.Dict(metadata=doc("Bộ chuyển PDF", "Các phiên bản LibreOffice: sẵn sàng, bận, hàng đợi"))


@blp.route("/schema")
@blp.doc(summary="JSON Schema của kế hoạch (sinh từ các schema marshmallow)")
@blp.response(200, {"type": "object"}, description="JSON Schema 2020-12")  # a JSON Schema has no fixed fields
def schema():
    api = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    document = json_schema(api.spec.to_dict(), api.ma_plugin.converter)
    compact = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return current_app.response_class(compact, mimetype="application/json")


class ConventionsSchema(Schema):
    point_letters = fields.List(fields.String(), metadata=doc("Chữ cái đánh điểm", "a) b) c) d) đ) e) … y), rồi aa) …"))
    end_of_text = fields.String(metadata=doc("Dấu kết thúc", "Cuối đoạn kết thúc: ./."))
    default_headings = fields.Dict(fields.String(), fields.String(),
                                   metadata=doc("Đề mục mặc định", "Của các phần có tên, khi không nhập đề mục"))
    sub_parts = fields.Dict(fields.String(), fields.List(fields.String()),
                            metadata=doc("Các phần con", "Phần có tên → các phần con theo thứ tự in"))
    labels = fields.Dict(fields.String(), fields.String(), metadata=doc("Tên gọi", "Loại mục → tên gọi hiển thị"))
    document_types = fields.Dict(fields.String(), fields.String(),
                                 metadata=doc("Tên loại văn bản", "Tên loại → chữ viết tắt (Phụ lục III)"))
    task_columns = fields.List(fields.Dict(fields.String(), fields.Raw()),
                               metadata=doc("Cột bảng phân công", "Theo thứ tự: mã cột (key), tiêu đề thường dùng (header), in khi không chọn cột (default)"))
    kinds = fields.Dict(fields.String(), fields.Dict(),
                        metadata=doc("Loại văn bản", "Mã loại (kind) → tên gọi, tên loại in, mẫu trình bày"))


@blp.route("/conventions")
@blp.doc(summary="Quy ước thể thức Nghị định 30 mà biểu mẫu dùng để hiển thị (chữ đánh điểm, đề mục mặc định…)")
@blp.response(200, ConventionsSchema)
def conventions():
    return nd30.conventions()


@lru_cache(maxsize=1)
def example_index() -> dict[str, Path]:
    return {path.stem: path for path in sorted(EXAMPLES_DIR.glob("*.json"))}


@blp.route("/examples")
@blp.doc(summary="Danh sách kế hoạch mẫu")
@blp.response(200, ExampleSchema(many=True), description="Các kế hoạch mẫu")
def examples():
    items = []
    for name, path in example_index().items():
        plan = json.loads(path.read_text(encoding="utf-8"))
        items.append({"name": name, "summary": plan.get("summary"), "url": url_for("meta.example", name=name)})
    return items


@blp.route("/examples/<name>")
@blp.doc(summary="Một kế hoạch mẫu (JSON)")
@blp.response(200, "Plan", description="Kế hoạch mẫu")  # the component, as a reference: the file is sent as it is
@documented(blp, "not_found")
def example(name: str):
    path = example_index().get(name)
    if path is None:
        abort(404)
    return current_app.response_class(path.read_bytes(), mimetype="application/json")


@blp.route("/healthz")
@blp.doc(summary="Tình trạng dịch vụ, các tiến trình xử lý và bộ chuyển PDF")
@blp.response(200, HealthSchema, description="Tình trạng")
def healthz():
    extensions = current_app.extensions
    return {"status": "ok", "workers": extensions["workers"].status(), "converter": extensions["converter"].status()}


# Seconds a balancer or client should wait before asking /readyz again: a
# LibreOffice instance takes 1-10 s to start.
READY_RETRY_AFTER = 5


class ReadySchema(Schema):
    status = fields.String(metadata=doc("Tình trạng", "ready"))
    pdf_ready = fields.Integer(metadata=doc("LibreOffice sẵn sàng", "Số phiên LibreOffice sẵn sàng tạo PDF"))


@blp.route("/readyz")
@blp.doc(summary="Sẵn sàng nhận yêu cầu: có ít nhất một LibreOffice chạy để tạo PDF")
@blp.response(200, ReadySchema, description="Sẵn sàng")
@documented(blp, "not_ready")
def readyz():
    """Readiness, for balancers and Kubernetes; /healthz is liveness.

    /healthz answers as soon as the server listens, while LibreOffice needs
    1-10 s more: a replica sent PDF requests then would queue them. Ready:
    at least one converter instance is ready, or PDF is switched off
    (PDF_BACKEND=none, DOCX only by configuration)."""
    converter = current_app.extensions["converter"].status()
    pdf_ready = converter.get("ready", 0)
    if pdf_ready > 0 or converter.get("backend") == "none":
        return {"status": "ready", "pdf_ready": pdf_ready}
    raise ApiError(503, "not_ready",
                   "Dịch vụ đang khởi động: chưa có phiên LibreOffice nào sẵn sàng để tạo PDF; hãy thử lại sau ít giây.",
                   headers={"Retry-After": str(READY_RETRY_AFTER)})
