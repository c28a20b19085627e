"""Read-only endpoints: the plan's JSON Schema, the examples, health."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, jsonify, url_for
from flask_smorest import Blueprint
from marshmallow import Schema, fields

import nd30
from schemas import PlanSchema
from schemas.blocks import BLOCKS, Block
from schemas.blocks.section import PartSchema
from schemas.docs import doc
from schemas.fields import StringOrObject

from .errors import ErrorResponseSchema

blp = Blueprint("meta", __name__, description="Định dạng kế hoạch, ví dụ và tình trạng dịch vụ")

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


BLOCK_COMPONENT = "Block"
PART_COMPONENT = "Part"


def block_property(converter, field, **kwargs) -> dict:
    """OpenAPI/JSON Schema for the polymorphic body blocks, chosen by ``type``.

    The union is one component, ``Block``, referenced by every list of blocks
    (each list names the types it admits). ``if``/``then`` on the type rather
    than ``oneOf``: a validator then checks each block against its own schema
    only, instead of against every block schema at every nesting level
    (exponential in the depth)."""
    if not isinstance(field, Block):
        return {}
    components = converter.spec.components
    if BLOCK_COMPONENT not in components.schemas:
        # Registered before its branches: they hold lists of blocks themselves.
        components.schema(BLOCK_COMPONENT, {
            "type": "object",
            "title": "Mục nội dung",
            "required": ["type"],
            "properties": {"type": {"enum": list(BLOCKS)}},
        })
        components.schemas[BLOCK_COMPONENT]["allOf"] = [
            {"if": {"properties": {"type": {"const": name}}}, "then": converter.resolve_nested_schema(schema.__class__)}
            for name, schema in BLOCKS.items()
        ]
    reference = {"$ref": f"#/components/schemas/{BLOCK_COMPONENT}"}
    if field.allowed:  # a list that admits only some types says which
        reference["properties"] = {"type": {"enum": list(field.allowed)}}
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
    components = {**openapi["components"]["schemas"], PART_COMPONENT: converter.schema2jsonschema(PartSchema)}
    text = json.dumps(components).replace("#/components/schemas/", "#/$defs/")
    definitions = json.loads(text)
    definitions[PART_COMPONENT].pop("additionalProperties")  # each kind closes itself, knowing its own fields
    for kind in _subclasses(PartSchema):
        name = converter.schema_name_resolver(kind)
        if name in definitions:
            definitions[name] = _on_part(definitions[name], definitions[PART_COMPONENT])
    reachable, pending = set(), ["Plan"]
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
        "title": "Kế hoạch theo Nghị định 30/2020/NĐ-CP",
        "$ref": "#/$defs/Plan",
        "$defs": {name: definitions[name] for name in sorted(reachable)},
    }


def _subclasses(cls: type) -> list[type]:
    found = []
    for subclass in cls.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


def _on_part(definition: dict, part: dict) -> dict:
    """``definition`` as ``Part`` plus only what differs: its ``type``, its own
    fields, and of a shared field only what it changes (a default heading),
    with its title and description. ``unevaluatedProperties`` (not
    ``additionalProperties``) so that Part's fields count as known."""
    own = {}
    for key, prop in definition["properties"].items():
        shared = part["properties"].get(key)
        if shared is None:
            own[key] = prop
        elif prop != shared:
            own[key] = {k: v for k, v in prop.items() if k in ("title", "description") or shared.get(k) != v}
    factored = {"$ref": f"#/$defs/{PART_COMPONENT}", "properties": own}
    if "required" in definition:
        factored["required"] = definition["required"]
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


def json_response(description: str, schema: dict) -> dict:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


EXAMPLE_ITEM = {"type": "object", "properties": {"name": {"type": "string"}, "summary": {"type": ["string", "null"]},
                                                 "url": {"type": "string"}}}


@blp.route("/schema")
@blp.doc(summary="JSON Schema của kế hoạch (sinh từ các schema marshmallow)",
         responses=json_response("JSON Schema 2020-12", {"type": "object"}))
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


@blp.route("/conventions")
@blp.doc(summary="Quy ước thể thức Nghị định 30 mà biểu mẫu dùng để hiển thị (chữ đánh điểm, đề mục mặc định…)")
@blp.response(200, ConventionsSchema)
def conventions():
    return nd30.conventions()


@lru_cache(maxsize=1)
def example_index() -> dict[str, Path]:
    return {path.stem: path for path in sorted(EXAMPLES_DIR.glob("*.json"))}


@blp.route("/examples")
@blp.doc(summary="Danh sách kế hoạch mẫu",
         responses=json_response("Các kế hoạch mẫu", {"type": "array", "items": EXAMPLE_ITEM}))
def examples():
    items = []
    for name, path in example_index().items():
        plan = json.loads(path.read_text(encoding="utf-8"))
        items.append({"name": name, "summary": plan.get("summary"), "url": url_for("meta.example", name=name)})
    return jsonify(items)


@blp.route("/examples/<name>")
@blp.doc(summary="Một kế hoạch mẫu (JSON)",
         responses=json_response("Kế hoạch mẫu", {"$ref": "#/components/schemas/Plan"}))
@blp.alt_response(404, schema=ErrorResponseSchema, description="Không có mẫu này")
def example(name: str):
    path = example_index().get(name)
    if path is None:
        abort(404)
    return current_app.response_class(path.read_bytes(), mimetype="application/json")


@blp.route("/healthz")
@blp.doc(summary="Tình trạng dịch vụ, bộ tạo Word và bộ chuyển PDF",
         responses=json_response("Tình trạng", {"type": "object", "properties": {
             "status": {"type": "string"}, "renderer": {"type": "object"}, "converter": {"type": "object"}}}))
def healthz():
    extensions = current_app.extensions
    return jsonify({"status": "ok", "renderer": extensions["renderer"].status(),
                    "converter": extensions["converter"].status()})
