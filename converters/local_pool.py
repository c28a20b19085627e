"""A pool of local unoserver instances started and supervised by this process."""

from __future__ import annotations

import atexit
import logging
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import messages, unoserver_rpc
from .base import ConversionUnavailable
from .dispatch import BUSY, DEAD, READY, STARTING, Dispatcher, Instance
from .lanes import PDF, UPLOADS, UploadLane
from .local_process import Confinement, UnoserverProcess, find_soffice, libreoffice_problem, sandbox_problem
from .workdirs import make_pool_dir, remove_pool_dir

logger = logging.getLogger(__name__)

SUPERVISOR_PERIOD = 0.5
HEALTH_POLL = 1.0
READINESS_POLL = 0.25
PROBE_TIMEOUT = 5.0
MAX_RESTART_DELAY = 30.0
RETRY_AFTER_NOT_INSTALLED = 3600
# Pools still running at interpreter exit are closed then.
_running_pools: set[UnoserverPool] = set()


@atexit.register
def _close_running_pools() -> None:
    for pool in list(_running_pools):
        pool.close()


@dataclass(eq=False)
class LocalInstance(Instance):
    lane: str = PDF
    slot: int = 0
    generation: int = 0
    uno_port: int = 0
    failed_starts: int = 0
    start_at: float = 0.0
    process: UnoserverProcess | None = None
    retired: bool = False

    def describe(self) -> dict:
        process = self.process
        return {
            **super().describe(),
            "lane": self.lane,
            "slot": self.slot,
            "uno_port": self.uno_port,
            "restarts": self.generation,
            "pid": process.pid if process else None,
            "soffice_pid": process.soffice_pid() if process else None,
        }


class UnoserverPool:
    """Local unoserver instances: started, probed, restarted and recycled here.

    ``start()`` returns at once; conversions wait in the queue (up to
    ``queue_wait``) until an instance is ready, and ``wait_ready()`` blocks
    until enough of them are.

    ``uploads``: instances of their own for conversions to DOCX (uploaded
    .doc, .odt, .rtf; see ``UploadLane``); without it they share the PDF
    instances. ``sandbox``: run every instance without network access where
    the machine allows it (``status()["sandbox"]`` says whether it does).
    """

    backend = "pool"

    def __init__(
        self,
        size: int | None = None,
        *,
        timeout: float = 30.0,
        queue_limit: int | None = None,
        queue_wait: float | None = None,
        recycle_after: int | None = 200,
        base_port: int | None = None,
        soffice: str | None = None,
        python: str | None = None,
        startup_timeout: float = 60.0,
        health_interval: float = 10.0,
        health_timeout: float = 10.0,
        uploads: UploadLane | None = None,
        sandbox: bool = True,
    ) -> None:
        self.size = size or os.cpu_count() or 1
        self.uploads = uploads
        self.base_port = base_port
        self.startup_timeout = startup_timeout
        self.health_interval = health_interval
        self._soffice_setting = soffice
        self._soffice: str | None = None
        self._python = python or sys.executable
        lanes = {PDF: (timeout, queue_limit, queue_wait)}
        if uploads is not None:
            lanes[UPLOADS] = (uploads.timeout, uploads.queue_limit, uploads.queue_wait)
        self._dispatchers = {
            lane: Dispatcher(
                retire=self._retire,
                still_alive=self._alive,
                timeout=lane_timeout,
                queue_limit=lane_queue_limit,
                queue_wait=lane_queue_wait,
                recycle_after=recycle_after,
                probe_timeout=health_timeout,
            )
            for lane, (lane_timeout, lane_queue_limit, lane_queue_wait) in lanes.items()
        }
        self._dispatcher = self._dispatchers[PDF]
        self._sandbox = sandbox
        self._sandbox_problem: str | None = None if sandbox else "switched off"
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._problem: str | None = None
        self._workdir: Path | None = None
        self._supervisor: threading.Thread | None = None
        self._health: threading.Thread | None = None
        self._started = False
        self._closed = False

    @property
    def workdir(self) -> Path | None:
        """Directory holding every instance's profile, temp files and log."""
        return self._workdir

    def start(self) -> None:
        with self._lock:
            if self._started or self._closed:
                return
            self._started = True
        self._soffice = find_soffice(self._soffice_setting)
        self._problem = libreoffice_problem(self._python, self._soffice)
        if self._problem is not None:
            logger.error("PDF conversion unavailable: %s", self._problem)
            return
        if self._sandbox:
            self._sandbox_problem = sandbox_problem(self._python)
            if self._sandbox_problem is not None:
                logger.warning("LibreOffice instances keep network access (only its own settings "
                               "block fetching): %s", self._sandbox_problem)  # fmt: skip
        self._workdir = make_pool_dir()
        for slot in range(self.size):
            self._dispatcher.add(LocalInstance(host="127.0.0.1", port=0, slot=slot))
        for slot in range(self.size, self.size + (self.uploads.size if self.uploads else 0)):
            self._dispatchers[UPLOADS].add(LocalInstance(host="127.0.0.1", port=0, lane=UPLOADS, slot=slot))
        _running_pools.add(self)
        self._supervisor = threading.Thread(
            target=self._supervise, name="unoserver-pool-supervisor", daemon=True
        )
        self._supervisor.start()
        self._health = threading.Thread(
            target=self._check_health, name="unoserver-pool-health", daemon=True
        )
        self._health.start()
        logger.info(
            "Starting %d unoserver instance(s) with %s and %s",
            self.size,
            self._python,
            self._soffice,
        )

    def wait_ready(self, timeout: float = 60.0, count: int = 1, lane: str = PDF) -> bool:
        """Block until ``count`` instances of a lane are up; False on timeout or if unavailable."""
        if self._problem is not None:
            return False
        return self._dispatchers[lane].wait_ready(timeout, count)

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        if self._problem is not None:
            raise ConversionUnavailable(
                messages.LIBREOFFICE_MISSING,
                retry_after=RETRY_AFTER_NOT_INSTALLED,
                detail=self._problem,
            )
        return self._dispatchers.get(to, self._dispatcher).convert(document, timeout=timeout, to=to)

    def status(self) -> dict:
        status = {
            "backend": self.backend,
            "available": self._problem is None,
            "error": self._problem,
            **self._dispatcher.status(),
            "size": self.size,
            "health_interval": self.health_interval,
            "sandbox": {"network": "none" if self._sandbox_problem is None else "host",
                        "reason": self._sandbox_problem},
        }  # fmt: skip
        if self.uploads is not None:
            status["uploads"] = {**self._dispatchers[UPLOADS].status(), "size": self.uploads.size}
        return status

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for dispatcher in self._dispatchers.values():
            dispatcher.close()
        self._closing.set()
        self._wake.set()
        if self._supervisor is not None:
            self._supervisor.join()  # no spawn from here on
        for instance in self._instances():
            self._stop(instance)
        if self._health is not None:
            self._health.join()  # a probe in flight ended with its instance
        if self._workdir is not None:
            remove_pool_dir(self._workdir)
        _running_pools.discard(self)
        logger.info("Unoserver pool closed")

    # -- supervision --------------------------------------------------------

    def _supervise(self) -> None:
        # Every spawn happens on this thread: the servers' parent-death signal
        # is tied to the thread that spawned them, and this one lives as long
        # as the pool.
        while not self._closed:
            try:
                self._supervise_once()
            except Exception:
                logger.exception("Unoserver pool supervisor error")
            self._wake.wait(SUPERVISOR_PERIOD)
            self._wake.clear()

    def _check_health(self) -> None:
        # Apart from the supervisor: a hung probe waits for its deadline, and
        # dead processes must still be noticed meanwhile.
        while not self._closed:
            try:
                for dispatcher in self._dispatchers.values():
                    dispatcher.probe_idle(older_than=self.health_interval)
            except Exception:
                logger.exception("Unoserver pool health check error")
            self._closing.wait(HEALTH_POLL)

    def _instances(self) -> list[LocalInstance]:
        return [instance for dispatcher in self._dispatchers.values() for instance in dispatcher.instances()]

    def _supervise_once(self) -> None:
        for instance in self._instances():
            if self._closed:
                return
            if instance.retired:
                continue  # swapped out since the snapshot was taken
            process = instance.process
            if process is None:
                if time.monotonic() >= instance.start_at:
                    self._spawn(instance)
            elif instance.state in (READY, BUSY) and not process.alive():
                logger.warning(
                    "Unoserver instance %d (pid %d) exited with code %s; its log ends with:\n%s",
                    instance.slot,
                    process.pid,
                    process.exit_code(),
                    process.log_tail(),
                )
                self._retire(instance, "unoserver or LibreOffice exited")

    def _spawn(self, instance: LocalInstance) -> None:
        port, uno_port = self._ports(instance.slot)
        workdir = self._workdir / f"instance-{instance.slot}-{instance.generation}"
        confinement = Confinement(sandbox=self._sandbox_problem is None)
        if instance.lane == UPLOADS:
            confinement = Confinement(confinement.sandbox, self.uploads.nice, self.uploads.memory_limit)
        try:
            process = UnoserverProcess.spawn(
                python=self._python,
                soffice=self._soffice,
                port=port,
                uno_port=uno_port,
                workdir=workdir,
                confinement=confinement,
            )
        except OSError as exc:
            self._start_failed(instance, f"could not be launched: {exc}")
            return
        with self._lock:
            instance.port, instance.uno_port, instance.process = port, uno_port, process
        self._dispatchers[instance.lane].set_state(instance, STARTING)
        logger.info(
            "Started unoserver instance %d (pid %d, port %d, uno port %d)",
            instance.slot,
            process.pid,
            port,
            uno_port,
        )
        threading.Thread(
            target=self._await_ready, args=(instance,), name="unoserver-readiness", daemon=True
        ).start()

    def _await_ready(self, instance: LocalInstance) -> None:
        started = time.monotonic()
        process = instance.process
        while not (self._closed or instance.retired):
            if process.exit_code() is not None:
                reason = f"exited with code {process.exit_code()} while starting"
                self._start_failed(instance, reason)
                return
            if time.monotonic() - started > self.startup_timeout:
                self._start_failed(instance, f"not ready within {self.startup_timeout:g} s")
                return
            try:
                unoserver_rpc.probe(instance.host, instance.port, timeout=PROBE_TIMEOUT)
            except unoserver_rpc.EndpointError:
                time.sleep(READINESS_POLL)
                continue
            instance.failed_starts = 0
            self._dispatchers[instance.lane].set_state(instance, READY)
            logger.info(
                "Unoserver instance %d ready in %.1f s", instance.slot, time.monotonic() - started
            )
            return

    def _start_failed(self, instance: LocalInstance, reason: str) -> None:
        delay = min(2.0**instance.failed_starts, MAX_RESTART_DELAY)
        log_tail = instance.process.log_tail() if instance.process else ""
        logger.error(
            "Unoserver instance %d %s; retrying in %g s; its log ends with:\n%s",
            instance.slot,
            reason,
            delay,
            log_tail,
        )
        self._retire(instance, reason, restart_delay=delay, failed_start=True)

    def _retire(
        self,
        instance: LocalInstance,
        reason: str,
        *,
        restart_delay: float = 0.0,
        failed_start: bool = False,
    ) -> None:
        """Kill an instance and queue its successor for the supervisor to spawn."""
        with self._lock:
            if instance.retired:
                return
            instance.retired = True
        # Out of service before the kill, which takes a moment: an idle instance
        # would otherwise still be handed out and counted as ready meanwhile.
        # STARTING, not DEAD: the slot's successor is on its way, requests wait.
        dispatcher = self._dispatchers[instance.lane]
        dispatcher.set_state(instance, STARTING, reason)
        self._stop(instance)
        if self._closed:
            return
        successor = LocalInstance(
            host=instance.host,
            port=instance.port,
            uno_port=instance.uno_port,
            lane=instance.lane,
            slot=instance.slot,
            generation=instance.generation + 1,
            state=STARTING if restart_delay == 0 else DEAD,
            last_error=reason,
            failed_starts=instance.failed_starts + 1 if failed_start else 0,
            start_at=time.monotonic() + restart_delay,
        )
        dispatcher.swap(instance, successor)
        self._wake.set()

    def _alive(self, instance: LocalInstance) -> bool:
        process = instance.process
        return process is not None and process.alive()

    def _stop(self, instance: LocalInstance) -> None:
        with self._lock:
            process, instance.process = instance.process, None
        if process is not None:
            process.kill()

    def _ports(self, slot: int) -> tuple[int, int]:
        if self.base_port is not None:
            return self.base_port + 2 * slot, self.base_port + 2 * slot + 1
        # Both sockets are bound at once, so the kernel hands out two
        # distinct ports; they are free again once closed.
        with socket.socket() as xmlrpc_socket, socket.socket() as uno_socket:
            xmlrpc_socket.bind(("127.0.0.1", 0))
            uno_socket.bind(("127.0.0.1", 0))
            return xmlrpc_socket.getsockname()[1], uno_socket.getsockname()[1]
