"""The HTTP API: rendering, the documents' JSON Schema, examples, the kinds
and a plan's companions, health, and the OpenAPI document with its docs
page (served from local assets)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask
from flask_smorest import Api

from schemas import PlanSchema

from . import docs, errors, imports, kinds, meta, publishing, render, spreadsheets

OPENAPI_CONFIG = {
    "API_TITLE": "Dịch vụ soạn Kế hoạch theo Nghị định 30/2020/NĐ-CP",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "/docs",
    "OPENAPI_SWAGGER_UI_URL": "/docs/assets/",
}


class PlansApi(Api):
    """flask-smorest, documenting errors in the API's own JSON shape."""

    ERROR_SCHEMA = errors.ErrorResponseSchema


def body_limit(config: Mapping, path: str) -> int:
    """The largest body the route at ``path`` accepts, in bytes."""
    if path.startswith(imports.PREFIX):
        return imports.import_limit(config)
    return int(config["MAX_CONTENT_LENGTH"])


def largest_body(config: Mapping) -> int:
    """The largest body any route accepts (what the server may read before the app sees it)."""
    return max(int(config["MAX_CONTENT_LENGTH"]), imports.import_limit(config) + imports.MULTIPART_ALLOWANCE)


def init_app(app: Flask) -> None:
    for key, value in OPENAPI_CONFIG.items():
        app.config.setdefault(key, value)
    smorest = PlansApi(app)
    smorest.ma_plugin.converter.add_attribute_function(meta.block_property)
    smorest.ma_plugin.converter.add_attribute_function(meta.string_or_object_property)
    smorest.spec.components.schema("Plan", schema=PlanSchema)
    meta.register_documents(smorest.spec, smorest.ma_plugin.converter)
    for blueprint in (render.blp, meta.blp, imports.blp, spreadsheets.blp, kinds.blp, publishing.blp):
        smorest.register_blueprint(blueprint)
    app.register_blueprint(docs.assets)
    errors.init_app(app)
