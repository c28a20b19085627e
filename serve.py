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

import os
import signal
import sys

import waitress

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
# Waitress answers bodies above this multiple of MAX_CONTENT_LENGTH itself (plain
# text 413; at once when Content-Length says so), below it the app gives its JSON
# 413. It also bounds what waitress spools to disk per connection (bodies over
# 512 KB): at most CONNECTION_LIMIT x 2 x MAX_CONTENT_LENGTH (4 GB by default).
BODY_LIMIT_FACTOR = 2


# Threads kept for everything but PDFs (forms, DOCX, /healthz), at least.
SPARE_THREADS = 8
MIN_THREADS = 16


def setting(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def threads_for(converter_status: dict) -> int:
    """Enough threads that PDF requests never take them all.

    A PDF request holds its thread while it waits for LibreOffice (up to
    PDF_QUEUE_WAIT + 2 x PDF_TIMEOUT); at most queue_limit wait and size
    convert, the next ones are refused with 503 at once. Threads beyond that
    keep the other requests moving.
    """
    pdf_requests = converter_status.get("queue_limit", 0) + converter_status.get("size", 0)
    return max(MIN_THREADS, pdf_requests + SPARE_THREADS)


def main() -> None:
    app = create_app()
    server = waitress.create_server(
        app,
        host=setting("HOST"),
        port=int(setting("PORT")),
        threads=int(setting("THREADS") or threads_for(app.extensions["converter"].status())),
        connection_limit=int(setting("CONNECTION_LIMIT")),
        channel_timeout=int(setting("CHANNEL_TIMEOUT")),
        max_request_body_size=BODY_LIMIT_FACTOR * app.config["MAX_CONTENT_LENGTH"],
        # select() cannot watch file descriptors above 1024; poll() can.
        asyncore_use_poll=True,
        ident="",
    )
    # SIGTERM (docker stop, systemd) ends the loop like Ctrl-C: waitress lets
    # running requests finish for a few seconds, then atexit closes the pool.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    server.print_listen("Serving on http://{}:{}")
    server.run()


if __name__ == "__main__":
    main()
