"""Swagger UI files for /docs, served from the installed swagger-ui-bundle
package: government networks are often closed, so no CDN."""

from __future__ import annotations

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

assets = Blueprint("docs_assets", __name__)


@assets.route("/docs/assets/<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
