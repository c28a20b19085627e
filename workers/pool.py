"""CPU-bound jobs in supervised worker processes, by name.

Pure-Python work (rendering a plan, reading a Word file) holds the GIL: in a
request thread, one heavy job slows every other request. Here each job runs
in a worker process of its lane, with a deadline:

- **lanes**: a job names the lane that takes it (render: light plans never
  queue behind heavy ones; import: uploads never queue behind renders, and
  their workers run at a lower priority); a lane of size 0 runs its jobs in
  the calling thread (tests, the command line);
- **deadline**: a job past its job's ``timeout`` is cut, its worker killed
  and replaced (``JobTimeout``, 504);
- **replacement**: a worker that dies during a job is replaced and the job
  retried ``retries`` times on a fresh one; one that hits its lane's
  ``memory_limit`` (its address space) is replaced and the job refused
  (``JobTooLarge``); after ``recycle_after`` jobs a worker is replaced, so
  that memory a job leaves behind does not accumulate;
- **queue**: a caller waits in line for a free worker for at most the
  lane's ``queue_wait``, behind at most ``queue_limit`` others; then
  ``JobUnavailable`` (503, ``Retry-After``).

Every worker must be ready when the pool is made: one that cannot start
raises ``WorkerStartError`` there, at the service's start, instead of every
job failing later.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .process import Spawn, WorkerOutOfMemory, WorkerOverdue, WorkerProcess, WorkerStopped, load_target
from .supervision import SupervisedError, TimedOut, Unavailable, WaitingLine

log = logging.getLogger(__name__)

QUEUE_PER_WORKER = 8
STARTUP_TIMEOUT = 60.0
RETRY_AFTER_STOPPING = 1


class WorkerStartError(RuntimeError):
    """A worker could not start when the pool was made."""


class JobUnavailable(Unavailable):
    """No worker of the lane became free in time, or workers keep stopping."""


class JobTimeout(TimedOut):
    """The job ran past its deadline; its worker was killed and replaced."""


class JobTooLarge(SupervisedError):
    """The job needed more memory than a worker may have; answered 422."""


@dataclass(frozen=True)
class Messages:
    """What the people waiting for a job read (Vietnamese)."""

    busy: str
    timeout: str  # with a {seconds} field
    too_large: str


@dataclass(frozen=True)
class Job:
    """A named job: the function a worker runs, the lanes that take it, its deadline.

    ``choose`` picks one of ``lanes`` from the job's arguments (in the
    caller's process); without it the job always takes the first.
    """

    name: str
    target: str  # "module:function"
    lanes: tuple[str, ...]
    timeout: float
    messages: Messages
    choose: Callable[..., str] | None = None
    warm: str | None = None  # "module:function" a worker calls once before its first job
    retries: int = 1  # further attempts when the worker dies during the job

    def lane_for(self, args: tuple) -> str:
        return self.choose(*args) if self.choose else self.lanes[0]


@dataclass(frozen=True)
class Lane:
    """A set of workers: ``size`` 0 runs jobs in the calling thread instead."""

    size: int
    queue_wait: float
    queue_limit: int | None = None  # default: QUEUE_PER_WORKER per worker
    memory_limit: int | None = None  # bytes of address space per worker
    nice: int = 0
    recycle_after: int | None = None


@dataclass(eq=False)
class _LaneState:
    name: str
    settings: Lane
    spawn: Spawn
    line: WaitingLine
    idle: deque = field(default_factory=deque)
    workers: set = field(default_factory=set)
    restarts: int = 0


class WorkerPool:
    """``run(job, *args, callbacks={...})`` in worker processes; see the module's docstring."""

    def __init__(self, jobs: Iterable[Job], lanes: Mapping[str, Lane], *,
                 startup_timeout: float = STARTUP_TIMEOUT) -> None:  # fmt: skip
        self._jobs = {job.name: job for job in jobs}
        self._startup_timeout = startup_timeout
        self._condition = threading.Condition()
        self._closed = False
        self._lanes = {}
        for name, settings in lanes.items():
            served = [job for job in self._jobs.values() if name in job.lanes]
            spawn = Spawn({job.name: job.target for job in served}, tuple(job.warm for job in served if job.warm),
                          settings.memory_limit, settings.nice)  # fmt: skip
            limit = settings.queue_limit
            self._lanes[name] = _LaneState(name, settings, spawn, WaitingLine(
                self._condition, limit=lambda limit=limit, size=settings.size: QUEUE_PER_WORKER * size
                if limit is None else limit, wait=settings.queue_wait))  # fmt: skip
        try:
            for lane in self._lanes.values():
                for _ in range(lane.settings.size):
                    lane.idle.append(self._start(lane))
            for lane in self._lanes.values():
                for worker in lane.idle:
                    worker.wait_ready(startup_timeout)
        except WorkerStopped as stopped:
            self.close()
            raise WorkerStartError(f"a worker process could not start: {stopped}") from None

    def run(self, job_name: str, *args, callbacks: Mapping[str, Callable] | None = None):
        """Run a job: its value, or the exception the job (or a callback) raised."""
        job = self._jobs[job_name]
        callbacks = callbacks or {}
        lane = self._lanes[job.lane_for(args)]
        if lane.settings.size == 0:
            return load_target(job.target)(*args, **callbacks)
        worker = self._lease(lane, job)
        try:
            for attempt in range(job.retries + 1):
                try:
                    worker.wait_ready(self._startup_timeout)
                    return worker.run(job.name, args, callbacks, job.timeout)
                except WorkerOverdue:
                    log.warning("%s job past %g s in worker %s: cut", job.name, job.timeout, worker.pid)
                    worker = self._replace(lane, worker)
                    raise JobTimeout(job.messages.timeout.format(seconds=job.timeout), seconds=job.timeout,
                                     detail=f"{job.name} past {job.timeout:g} s", code=f"{job.name}_timeout") from None
                except WorkerOutOfMemory as error:
                    log.warning("%s job over the memory limit in worker %s", job.name, worker.pid)
                    worker = self._replace(lane, worker)
                    raise JobTooLarge(job.messages.too_large, detail=str(error), code=f"{job.name}_too_large") from None
                except WorkerStopped as stopped:
                    log.warning("%s worker stopped (attempt %d): %s; replaced", job.name, attempt + 1, stopped)
                    worker = self._replace(lane, worker)
                    if worker is None:
                        break
            raise JobUnavailable(job.messages.busy, retry_after=RETRY_AFTER_STOPPING,
                                 detail=f"{job.name} workers keep stopping", code=f"{job.name}_unavailable")
        finally:
            if worker is not None:
                self._release(lane, worker)

    def status(self) -> dict:
        with self._condition:
            return {
                "jobs": {job.name: {"timeout": job.timeout} for job in self._jobs.values()},
                "lanes": {lane.name: {
                    "isolation": "process" if lane.settings.size else "inline",
                    "workers": sum(worker.alive() for worker in lane.workers),
                    "idle": len(lane.idle), "queue": len(lane.line),
                    "queue_limit": lane.line.limit(), "restarts": lane.restarts,
                    "memory_limit": lane.settings.memory_limit,
                } for lane in self._lanes.values()},
            }  # fmt: skip

    def pids(self) -> set[int]:
        """The worker processes' ids (for tests and benchmarks)."""
        with self._condition:
            return {worker.pid for lane in self._lanes.values() for worker in lane.workers}

    def close(self) -> None:
        with self._condition:
            self._closed = True
            workers = [worker for lane in self._lanes.values() for worker in lane.workers]
            for lane in self._lanes.values():
                lane.workers.clear()
                lane.idle.clear()
            self._condition.notify_all()
        for worker in workers:
            worker.stop()

    def _lease(self, lane: _LaneState, job: Job) -> WorkerProcess:
        def pick() -> WorkerProcess | None:
            return lane.idle.popleft() if lane.idle else None

        def check() -> None:
            if self._closed:
                raise JobUnavailable(job.messages.busy, retry_after=RETRY_AFTER_STOPPING,
                                     detail="worker pool closed", code=f"{job.name}_unavailable")

        def turned_away(reason: str) -> Callable[[], JobUnavailable]:
            return lambda: JobUnavailable(job.messages.busy, retry_after=max(1.0, job.timeout / 2),
                                          detail=f"{lane.name} lane: {reason}", code=f"{job.name}_unavailable")

        return lane.line.lease(pick, check=check, full=turned_away(f"{len(lane.line)} waiting"),
                               gave_up=turned_away(f"no worker free within {lane.settings.queue_wait:g} s"))

    def _release(self, lane: _LaneState, worker: WorkerProcess) -> None:
        recycle = lane.settings.recycle_after
        if recycle and worker.jobs_done >= recycle:
            worker = self._replace(lane, worker)
            if worker is None:
                return
        with self._condition:
            if worker in lane.workers:
                lane.idle.append(worker)
            self._condition.notify_all()

    def _start(self, lane: _LaneState) -> WorkerProcess:
        worker = WorkerProcess(lane.spawn)
        with self._condition:
            lane.workers.add(worker)
        return worker

    def _replace(self, lane: _LaneState, worker: WorkerProcess) -> WorkerProcess | None:
        """Kill ``worker`` and start its successor (not yet ready); None once the pool is closed."""
        worker.stop()
        with self._condition:
            lane.workers.discard(worker)
            if self._closed:
                return None
            lane.restarts += 1
        return self._start(lane)
