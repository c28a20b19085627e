"""One worker process seen from the service: started, awaited until ready,
given jobs with a deadline (answering the callbacks they make), stopped.

The child is ``python -m workers.child`` (see there for the protocol).
"""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_target(spec: str):
    """The function named ``module:function``."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


class WorkerStopped(Exception):
    """The worker is gone (it exited, was killed, or never became ready)."""


class WorkerOverdue(Exception):
    """The job ran past its deadline."""


class WorkerOutOfMemory(Exception):
    """The job hit the worker's address space cap; the worker has exited."""


@dataclass(frozen=True)
class Spawn:
    """What a worker runs and within which limits."""

    jobs: Mapping[str, str]  # job name -> "module:function"
    warm: tuple[str, ...] = ()  # "module:function" called once at start
    memory_limit: int | None = None  # bytes of address space
    nice: int = 0


class WorkerProcess:
    def __init__(self, spawn: Spawn) -> None:
        ours, theirs = socket.socketpair()
        lifeline_read, self._lifeline = os.pipe()
        command = [sys.executable, "-m", "workers.child", "--connection", str(theirs.fileno()),
                   "--lifeline", str(lifeline_read), "--memory-limit", str(spawn.memory_limit or 0),
                   "--nice", str(spawn.nice)]  # fmt: skip
        command += [f"--job={name}={target}" for name, target in spawn.jobs.items()]
        command += [f"--warm={target}" for target in spawn.warm]
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        try:
            # A session of its own: a Ctrl-C meant for the service does not
            # interrupt a job; the lifeline ends the worker with the service.
            self._popen = subprocess.Popen(
                command, pass_fds=(theirs.fileno(), lifeline_read), stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path}, start_new_session=True,
            )  # fmt: skip
        finally:
            theirs.close()
            os.close(lifeline_read)
        self._connection = Connection(ours.detach())
        self._stopping = threading.Lock()
        self.ready = False
        self.jobs_done = 0

    @property
    def pid(self) -> int:
        return self._popen.pid

    def alive(self) -> bool:
        return self._popen.poll() is None

    def wait_ready(self, timeout: float) -> None:
        """Block until the worker has imported and warmed its jobs; WorkerStopped if it does not."""
        if self.ready:
            return
        try:
            if not self._connection.poll(timeout):
                raise WorkerStopped(f"worker {self.pid} not ready within {timeout:g} s")
            kind, _ = self._connection.recv()
        except (EOFError, OSError):
            self._popen.wait()
            raise WorkerStopped(
                f"worker {self.pid} exited with code {self._popen.returncode} before it was ready "
                "(its error is in the service's log)"
            ) from None
        if kind != "ready":
            raise WorkerStopped(f"worker {self.pid} answered {kind!r} instead of being ready")
        self.ready = True

    def run(self, job: str, args: tuple, callbacks: Mapping[str, Callable], timeout: float):
        """The job's value, or the exception it raised (or a callback raised).

        Time spent in callbacks (run here, in the caller's thread) does not
        count against ``timeout``. Raises WorkerOverdue, WorkerStopped or
        WorkerOutOfMemory for what happened to the worker itself.
        """
        self._send(("run", job, args, tuple(callbacks)))
        deadline = time.monotonic() + timeout
        failure: BaseException | None = None
        while True:
            kind, *rest = self._receive(deadline, timeout)
            if kind == "call":
                name, call_args = rest
                started = time.monotonic()
                try:
                    value = callbacks[name](*call_args)
                except BaseException as error:  # noqa: BLE001 - raised below, once the worker has stopped the job
                    failure = error
                    self._send(("abort",))
                else:
                    self._send(("ok", value))
                deadline += time.monotonic() - started
            elif kind == "done":
                self.jobs_done += 1
                return rest[0]
            elif kind == "raised":
                self.jobs_done += 1
                raise rest[0]
            elif kind == "aborted":
                self.jobs_done += 1
                raise failure
            elif kind == "memory":
                self._popen.wait()
                raise WorkerOutOfMemory(rest[0])
            else:
                raise WorkerStopped(f"worker {self.pid} sent {kind!r}")

    def stop(self) -> None:
        """Kill the worker; it may be stopped already (by the pool's close, in another thread)."""
        with self._stopping:
            self._popen.kill()
            self._popen.wait()
            if not self._connection.closed:
                self._connection.close()
                os.close(self._lifeline)

    def _send(self, message) -> None:
        try:
            self._connection.send(message)
        except OSError as error:  # a broken pipe: the worker died
            raise WorkerStopped(f"worker {self.pid} is gone: {error}") from None

    def _receive(self, deadline: float, timeout: float):
        try:
            if not self._connection.poll(max(0.0, deadline - time.monotonic())):
                raise WorkerOverdue(f"job took more than {timeout:g} s")
            return self._connection.recv()
        except (EOFError, OSError):
            raise WorkerStopped(f"worker {self.pid} died during a job") from None
