"""The clerks' form: one page at ``/`` that edits a plan in the browser.

The page is HTML, CSS and one JavaScript bundle served from the project's
``static/`` folder (no CDN; ``static/form/form.js`` is committed, built by
esbuild from the sources in ``frontend/src/``); it talks to the JSON API
(``/schema``, ``/examples``, ``/validate``, ``/render``, ``/import``,
``/import/clipboard``) and keeps its drafts in the browser's IndexedDB.
See docs/form.md.
"""

from __future__ import annotations

from flask import Blueprint, Flask, make_response, render_template

bp = Blueprint("web", __name__)

# Everything the page loads comes from this origin; PDF previews are blob: URLs.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
))


@bp.get("/")
def form():
    response = make_response(render_template("form.html"))
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
