"""The HTTP API: rendering, the plan's JSON Schema, examples, health, and the
OpenAPI document with its docs page (served from local assets)."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from . import docs, errors, imports, meta, publishing, render

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


def init_app(app: Flask) -> None:
    for key, value in OPENAPI_CONFIG.items():
        app.config.setdefault(key, value)
    smorest = PlansApi(app)
    smorest.ma_plugin.converter.add_attribute_function(meta.block_property)
    smorest.spec.components.schema("Plan", schema=meta.PlanSchema)
    for blueprint in (render.blp, meta.blp, imports.blp, publishing.blp):
        smorest.register_blueprint(blueprint)
    app.register_blueprint(docs.assets)
    errors.init_app(app)
