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
    # Threads run the app only; a PDF holds one for up to PDF_QUEUE_WAIT + 2 x PDF_TIMEOUT.
    "THREADS": "16",
    # Open connections the loop keeps; beyond it, new ones wait in the kernel's backlog.
    "CONNECTION_LIMIT": "1000",
    # Seconds a connection may stay silent (no request in progress) before it is closed.
    "CHANNEL_TIMEOUT": "30",
}
# Waitress answers bodies above this itself (plain text 413) without reading them;
# below it the app's MAX_CONTENT_LENGTH gives the JSON 413.
BODY_LIMIT_FACTOR = 4


def setting(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def main() -> None:
    app = create_app()
    server = waitress.create_server(
        app,
        host=setting("HOST"),
        port=int(setting("PORT")),
        threads=int(setting("THREADS")),
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
