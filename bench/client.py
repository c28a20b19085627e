"""A minimal HTTP client for the benchmarks: one keep-alive connection per
thread, no third-party dependency, and a hard timeout on every request."""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass


@dataclass
class Reply:
    status: int
    body: bytes
    seconds: float
    headers: dict
    error: str | None = None  # transport error or timeout: no HTTP answer

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200


class Client:
    """Thread-safe: each thread gets its own connection to host:port."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        if not host.startswith("127.") and host not in ("localhost", "::1"):
            raise ValueError("benchmarks only target the loopback interface")
        self.host, self.port, self.timeout = host, port, timeout
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._local.connection = connection
        return connection

    def _drop(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
        self._local.connection = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                *, retry_stale: bool = True) -> Reply:
        start = time.perf_counter()
        for attempt in (0, 1):
            connection = self._connection()
            try:
                connection.request(method, path, body=body, headers=headers or {})
                response = connection.getresponse()
                data = response.read()
                reply = Reply(response.status, data, time.perf_counter() - start, dict(response.getheaders()))
                if response.getheader("Connection", "").lower() == "close":
                    self._drop()
                return reply
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                # A keep-alive connection the server closed while idle: retry once
                # on a new connection (only when nothing of the request could have run).
                self._drop()
                if attempt == 0 and retry_stale and isinstance(error, http.client.RemoteDisconnected) \
                        and time.perf_counter() - start < 0.05:
                    start = time.perf_counter()
                    continue
                return Reply(0, b"", time.perf_counter() - start, {}, error=type(error).__name__)
            except (TimeoutError, OSError, http.client.HTTPException) as error:
                self._drop()
                return Reply(0, b"", time.perf_counter() - start, {}, error=type(error).__name__)
        raise AssertionError("unreachable")

    def render(self, plan_json: bytes, output_format: str = "docx") -> Reply:
        return self.request("POST", f"/render?format={output_format}", plan_json,
                            {"Content-Type": "application/json"})

    def healthz(self) -> dict | None:
        reply = self.request("GET", "/healthz")
        if not reply.ok:
            return None
        try:
            return json.loads(reply.body)
        except ValueError:
            return None

    def close(self) -> None:
        self._drop()
