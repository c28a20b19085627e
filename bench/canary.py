"""A canary HTTP server on 127.0.0.1: it answers 404 to everything and
records every request, so that a test or a benchmark can tell whether
anything fetched what a document links to.

    with Canary() as canary:
        ...  # documents link to canary.url + "/…"
        assert canary.requests == []
"""

from __future__ import annotations

import http.server
import socketserver
import threading


class Canary:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def record(self) -> None:
                canary.requests.append((self.command, self.path))
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD = do_OPTIONS = do_POST = do_PUT = do_PROPFIND = record

            def log_message(self, *args) -> None:
                pass

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="canary", daemon=True)

    def __enter__(self) -> "Canary":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
