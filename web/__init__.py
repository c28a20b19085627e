"""The clerks' form: one page at ``/`` that edits a plan in the browser.

The page is plain HTML, CSS and JavaScript modules served from the project's
``static/`` folder (no CDN, no build step); it talks to the JSON API
(``/schema``, ``/examples``, ``/render``) and keeps its draft in the
browser's localStorage. See docs/form.md.
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
