"""The web service: application factory.

``create_app(test_config)`` builds the Flask app: configuration (defaults,
then ``PLANS_*`` environment variables, then ``test_config``), the PDF
converter, the worker processes that render and read uploads, the API
blueprints and the clerks' form.

Run for development: ``.venv/bin/flask --app app run``; production:
``python serve.py`` (waitress; see README).
"""

from __future__ import annotations

import atexit
import logging

from flask import Flask

import api
import web
from converters import converter_from_config
from workers.jobs import pool_from_config

DEFAULTS = {
    # Plans are text: 2 MB holds the largest real plans many times over.
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "PDF_BACKEND": "pool",
}
WORKER_COUNTS = ("RENDER_WORKERS", "IMPORT_WORKERS")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.json.sort_keys = False  # keep the schemas' field order in /schema and in errors
    app.json.ensure_ascii = False  # Vietnamese readable as typed in every JSON answer
    # "//render" is not an address of the API: 404 in the JSON error shape,
    # not a redirect whose Location Werkzeug would build from the Host header.
    app.url_map.merge_slashes = False
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env(prefix="PLANS")
    if test_config:
        app.config.from_mapping(test_config)
    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))

    converter = app.config.get("CONVERTER") or converter_from_config(app.config)
    app.extensions["converter"] = converter
    atexit.register(converter.close)
    for key in WORKER_COUNTS:
        if app.testing and key not in (test_config or {}):
            app.config[key] = 0  # tests run jobs in-process unless isolation is what they test
    workers = pool_from_config(app.config)
    app.extensions["workers"] = workers
    atexit.register(workers.close)

    api.init_app(app)
    web.init_app(app)
    return app
