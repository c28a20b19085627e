"""Production server: the app behind waitress, in one process that owns the LibreOffice pool.

    HOST=0.0.0.0 PORT=8000 .venv/bin/python serve.py     (what scripts/run.sh runs)

Why waitress: its I/O loop reads each request completely (headers and body,
large bodies spooled to disk) before a worker thread sees it, so clients that
send byte by byte, or nothing at all, hold a socket, not a thread; the threads
only ever run the app. gunicorn's sync and gthread workers read a request on
the thread that serves it, so as many slow clients as threads stall the
service (bench/slowloris.py measures both). One process, because the pool's
supervisor and instances belong to the process that started them.

Settings (environment): HOST, PORT, THREADS, CONNECTION_LIMIT, CHANNEL_TIMEOUT;
see README "Production".
"""

from __future__ import annotations

import json
import os
import signal
import sys

import waitress
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

import api
from api.errors import HTTP_CODES, HTTP_MESSAGES, ApiError, body_of, too_large
from app import create_app

DEFAULTS = {
    "HOST": "127.0.0.1",
    "PORT": "8000",
    # Threads run the app only; empty: see threads_for().
    "THREADS": "",
    # Open connections the loop keeps; beyond it, new ones wait in the kernel's backlog.
    "CONNECTION_LIMIT": "1000",
    # Seconds a connection may stay silent (no request in progress) before it is closed.
    "CHANNEL_TIMEOUT": "30",
}
# Threads kept for everything but PDFs and imports (forms, DOCX, /healthz), at least.
SPARE_THREADS = 8
MIN_THREADS = 16


def setting(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def threads_for(converter_status: dict, workers_status: dict | None = None) -> int:
    """Enough threads that PDF requests and imports never take them all.

    A PDF request holds its thread while it waits for LibreOffice (up to
    PDF_QUEUE_WAIT + 2 x PDF_TIMEOUT); at most queue_limit wait and size
    convert, the next ones are refused with 503 at once. An import holds
    its thread while it waits for, or runs in, a worker of the import lane
    (its conversion included): at most that lane's workers and queue limit.
    Threads beyond that keep the other requests moving.
    """
    pdf_requests = converter_status.get("queue_limit", 0) + converter_status.get("size", 0)
    imports = ((workers_status or {}).get("lanes") or {}).get("import") or {}
    import_requests = imports.get("workers", 0) + imports.get("queue_limit", 0) if imports.get("workers") else 0
    return max(MIN_THREADS, pdf_requests + import_requests + SPARE_THREADS)


def json_error_channel(config) -> type[HTTPChannel]:
    """Waitress's connection class, answering what waitress refuses itself (a body
    over its limit, a malformed request) in the API's JSON error shape, with the
    limit of the route asked for, as the app answers."""

    class JsonErrorTask(ErrorTask):
        def execute(self):
            error = self.request.error
            if error.code == 413:
                answer = too_large(api.body_limit(config, self.request.path or ""))
            else:
                answer = ApiError(error.code, HTTP_CODES.get(error.code, "bad_request"),
                                  HTTP_MESSAGES.get(error.code, HTTP_MESSAGES[400]))  # fmt: skip
            body = json.dumps(body_of(answer), ensure_ascii=False).encode("utf-8")
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", "application/json"))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class JsonErrorChannel(HTTPChannel):
        error_task_class = JsonErrorTask

    return JsonErrorChannel


def main() -> None:
    app = create_app()
    server = waitress.create_server(
        app,
        host=setting("HOST"),
        port=int(setting("PORT")),
        threads=int(setting("THREADS") or threads_for(app.extensions["converter"].status(),
                                                      app.extensions["workers"].status())),
        connection_limit=int(setting("CONNECTION_LIMIT")),
        channel_timeout=int(setting("CHANNEL_TIMEOUT")),
        # Every route's own limit is the app's (JSON 413); waitress stops reading
        # past the largest (JSON 413 too, at once when Content-Length says so).
        # It bounds what waitress spools to disk per connection (bodies over
        # 512 KB): at most CONNECTION_LIMIT x that (about 10 GB by default).
        max_request_body_size=api.largest_body(app.config),
        # select() cannot watch file descriptors above 1024; poll() can.
        asyncore_use_poll=True,
        ident="",
    )
    server.channel_class = json_error_channel(app.config)
    # SIGTERM (docker stop, systemd) ends the loop like Ctrl-C: waitress lets
    # running requests finish for a few seconds, then atexit closes the pool.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    server.print_listen("Serving on http://{}:{}")
    server.run()


if __name__ == "__main__":
    main()
