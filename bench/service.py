"""Starting and stopping the service on 127.0.0.1 as scripts/run.sh does
(serve.py: waitress in one process owning the LibreOffice pool, threads
serving requests), and waiting until its pool is ready."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .client import Client

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "serve.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pool_counts(status: dict | None) -> tuple[int | None, int | None]:
    """(ready instances, wanted instances) out of the converter's status(),
    whatever its exact shape; (None, None) when it has no pool."""
    if not isinstance(status, dict):
        return None, None
    converter = status.get("converter", status)
    if not isinstance(converter, dict):
        return None, None
    size = next((converter[k] for k in ("size", "pool_size", "wanted", "capacity") if isinstance(converter.get(k), int)), None)
    ready = next((converter[k] for k in ("ready", "healthy", "alive", "available", "up") if isinstance(converter.get(k), int)), None)
    instances = next((converter[k] for k in ("instances", "workers", "members") if isinstance(converter.get(k), list)), None)
    if instances is not None:
        if size is None:
            size = len(instances)
        if ready is None:
            ready = sum(1 for item in instances if _instance_ready(item))
    return ready, size


def _instance_ready(item) -> bool:
    if not isinstance(item, dict):
        return False
    state = str(item.get("state", item.get("status", ""))).lower()
    if state:
        return state in ("ready", "idle", "busy", "up", "ok", "running", "healthy")
    return bool(item.get("ready") or item.get("alive") or item.get("healthy"))


def pool_full(status: dict | None) -> bool:
    ready, size = pool_counts(status)
    if size is None:
        # No pool (PDF backend "none" or "remote"): the service being up is enough.
        return status is not None
    return ready is not None and ready >= size


class Managed:
    """A process the benchmark starts: ``with`` starts it and always stops it,
    also when starting fails half-way."""

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


class Service(Managed):
    """``with Service(pool_size=2) as service: service.client.render(...)``"""

    def __init__(self, *, pool_size: int = 2, backend: str = "pool", threads: int | None = None,
                 extra_env: dict | None = None, ready_timeout: float = 120.0, log_path: Path | None = None):
        self.pool_size, self.backend, self.threads = pool_size, backend, threads
        self.extra_env = extra_env or {}
        self.ready_timeout = ready_timeout
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.client = Client("127.0.0.1", self.port, timeout=120)
        self._log = log_path
        self._log_file = None
        self.started_in: float | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> "Service":
        env = dict(os.environ)
        env.update({
            "PLANS_PDF_BACKEND": self.backend,
            "PLANS_PDF_POOL_SIZE": str(self.pool_size),
            "PLANS_LOG_LEVEL": "WARNING",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "THREADS": str(self.threads or ""),  # empty: serve.py's default
        })
        env.update(self.extra_env)
        if self._log is None:
            self._log = Path(tempfile.mkstemp(prefix="plans-service-", suffix=".log")[1])
        self._log_file = open(self._log, "wb")
        command = [sys.executable, str(SERVE)]
        started = time.perf_counter()
        # A session of its own, so stopping it never touches anything else.
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self._log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_ready(self.ready_timeout)
        self.started_in = time.perf_counter() - started
        return self

    def wait_ready(self, timeout: float) -> float:
        """Seconds until /healthz shows a full pool; raises on timeout."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"service exited with {self.process.returncode}; log: {self._log}\n{self.log_tail()}")
            if pool_full(self.client.healthz()):
                return time.perf_counter() - start
            time.sleep(0.1)
        raise TimeoutError(f"service not ready after {timeout:.0f} s; log: {self._log}\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(Path(self._log).read_text(errors="replace").splitlines()[-lines:])
        except (OSError, TypeError):
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                # Only our own session: the service and its LibreOffice children.
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        # Anything of ours still left in the session (an orphaned soffice).
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self._log_file:
            self._log_file.close()
            if self.started_in is not None and self._log is not None:
                Path(self._log).unlink(missing_ok=True)  # kept only when the start failed
        self.process = None
