"""DOCX rendering in worker processes, so that no render can stall the service.

Rendering is pure Python: in the request thread it holds the GIL, and one
heavy plan slows every other request of the worker process. Here each render
runs in a worker process of a small pool, with a deadline: a render past it
is cut (its worker killed and replaced) and answered 504, a worker that dies
is replaced and the render retried once on a fresh one, and a request that
finds every worker busy for longer than ``queue_wait`` gets a 503 at once.

Two lanes: light plans (most of them, a few milliseconds each) never queue
behind heavy ones, which have workers of their own.

Workers are spawned (a fresh interpreter: never a fork of the threaded
server process, and unlike a forkserver no socket folder left in /tmp if
the service is killed) and warm the template before their first plan.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

class RenderUnavailable(Exception):
    """No worker could take the render in time, or workers keep dying."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after


class RenderTimeout(Exception):
    """A render ran past its deadline and was cut."""


class InlineRenderer:
    """Renders in the calling thread: for tests and the command line."""

    def render(self, plan: dict) -> bytes:
        from generators import render_docx

        return render_docx(plan)

    def status(self) -> dict:
        return {"isolation": "inline"}

    def close(self) -> None:
        pass


def _serve(connection) -> None:
    """A worker's loop: a plan in, ``(True, docx)`` or ``(False, error)`` out."""
    from generators import render_docx, warm

    warm()  # read the templates before the first document
    while True:
        try:
            plan = connection.recv()
        except (EOFError, OSError):
            return  # the service closed the pool
        try:
            connection.send((True, render_docx(plan)))
        except Exception as error:  # a bug: reported to the service, worker kept
            connection.send((False, f"{type(error).__name__}: {error}"))


class _Worker:
    def __init__(self, context):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="render-worker")
        self.process.start()
        child.close()

    def render(self, plan: dict, timeout: float) -> bytes:
        """The document, or RenderTimeout, or EOFError if the worker died."""
        self.connection.send(plan)
        if not self.connection.poll(timeout):
            raise RenderTimeout(f"render took more than {timeout:g} s")
        ok, value = self.connection.recv()
        if not ok:
            raise RuntimeError(f"render failed in a worker: {value}")
        return value

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


@dataclass
class _Lane:
    name: str
    size: int
    idle: queue.Queue


class RenderPool:
    """``render(plan) -> bytes`` in worker processes, light and heavy lanes."""

    def __init__(self, light_workers: int, heavy_workers: int, *, timeout: float, queue_wait: float,
                 is_heavy=None):
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.is_heavy = is_heavy or (lambda plan: False)
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        self._lanes = {name: _Lane(name, size, queue.Queue()) for name, size in
                       (("light", light_workers), ("heavy", heavy_workers)) if size > 0}
        for lane in self._lanes.values():
            for _ in range(lane.size):
                lane.idle.put(self._start())

    def render(self, plan: dict) -> bytes:
        lane = self._lane(plan)
        try:
            worker = lane.idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise RenderUnavailable("every render worker is busy", retry_after=self.timeout) from None
        try:
            for attempt in (1, 2):
                if worker is None:
                    break  # the pool is closing
                try:
                    return worker.render(plan, self.timeout)
                except RenderTimeout:
                    log.warning("render past %.0f s in worker %s: cut", self.timeout, worker.process.pid)
                    worker = self._replace(worker)
                    raise
                except (EOFError, OSError):  # the worker died: EOF, or a broken pipe on send
                    log.warning("render worker %s died (attempt %d); replaced", worker.process.pid, attempt)
                    worker = self._replace(worker)
            raise RenderUnavailable("render workers keep stopping", retry_after=1)
        finally:
            if worker is not None:
                lane.idle.put(worker)

    def _lane(self, plan: dict) -> _Lane:
        heavy = self._lanes.get("heavy")
        if heavy and self.is_heavy(plan):
            return heavy
        return self._lanes.get("light") or heavy

    def _start(self) -> _Worker:
        worker = _Worker(self._context)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> _Worker | None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)
            if self._closed:
                return None
        return self._start()

    def status(self) -> dict:
        with self._lock:
            alive = sum(worker.process.is_alive() for worker in self._workers)
        return {"isolation": "process", "workers": alive, "timeout": self.timeout,
                **{f"{lane.name}_idle": lane.idle.qsize() for lane in self._lanes.values()}}

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()


def renderer_from_config(config) -> InlineRenderer | RenderPool:
    """``RENDER_WORKERS`` 0: in-process; otherwise that many light workers
    and as many heavy ones (default: the number of CPUs, at least one)."""
    workers = int(config.get("RENDER_WORKERS", os.cpu_count() or 1))
    if workers <= 0:
        return InlineRenderer()
    from schemas.workload import is_heavy

    timeout = float(config.get("RENDER_TIMEOUT", 10))
    return RenderPool(max(1, workers // 2), max(1, workers - workers // 2), timeout=timeout,
                      queue_wait=float(config.get("RENDER_QUEUE_WAIT", timeout)), is_heavy=is_heavy)
