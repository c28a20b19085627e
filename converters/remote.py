"""unoserver instances run elsewhere, reached at configured host:port addresses."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

from . import unoserver_rpc
from .dispatch import DEAD, READY, STARTING, Dispatcher, Instance
from .lanes import PDF, UPLOADS, UploadLane

logger = logging.getLogger(__name__)

PROBE_TIMEOUT = 5.0


def parse_servers(text: str) -> list[tuple[str, int]]:
    """Parse ``"host:port,host:port"`` (IPv6 hosts in brackets: ``[::1]:2003``)."""
    servers = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        host, separator, port = item.rpartition(":")
        if not separator or not host or not port.isdigit():
            raise ValueError(f"expected host:port, got {item!r}")
        servers.append((host.strip("[]"), int(port)))
    return servers


@dataclass(eq=False)
class RemoteInstance(Instance):
    lane: str = PDF
    next_probe_at: float = 0.0


class RemoteUnoservers:
    """Dispatches to remote unoservers; a failing one is marked dead and re-probed.

    No process is managed here: whoever runs the servers restarts them, and
    this side notices within ``probe_interval`` seconds that one is back.
    ``upload_servers``: servers of their own for conversions to DOCX
    (uploads), with the deadline and queue of ``uploads``; without them,
    uploads share the PDF servers.
    """

    backend = "remote"

    def __init__(
        self,
        servers: Iterable[tuple[str, int]],
        *,
        timeout: float = 30.0,
        queue_limit: int | None = None,
        queue_wait: float | None = None,
        probe_interval: float = 5.0,
        upload_servers: Iterable[tuple[str, int]] = (),
        uploads: UploadLane = UploadLane(),
    ) -> None:
        self._servers = {PDF: list(servers), UPLOADS: list(upload_servers)}
        if not self._servers[PDF]:
            raise ValueError("at least one remote unoserver address is required")
        self.size = len(self._servers[PDF])
        self.probe_interval = probe_interval
        settings = {PDF: (timeout, queue_limit, queue_wait),
                    UPLOADS: (uploads.timeout, uploads.queue_limit, uploads.queue_wait)}  # fmt: skip
        self._dispatchers = {
            lane: Dispatcher(
                retire=self._mark_dead,
                still_alive=lambda instance: True,  # it answered, so it is up
                timeout=lane_timeout,
                queue_limit=lane_queue_limit,
                queue_wait=lane_queue_wait,
            )
            for lane, (lane_timeout, lane_queue_limit, lane_queue_wait) in settings.items()
            if self._servers[lane]
        }
        self._dispatcher = self._dispatchers[PDF]
        self._wake = threading.Event()
        self._prober: threading.Thread | None = None
        self._closed = False

    def start(self) -> None:
        if self._prober is not None:
            return
        for lane, dispatcher in self._dispatchers.items():
            for host, port in self._servers[lane]:
                dispatcher.add(RemoteInstance(host=host, port=port, lane=lane))
        self._prober = threading.Thread(
            target=self._probe_loop, name="unoserver-prober", daemon=True
        )
        self._prober.start()

    def wait_ready(self, timeout: float = 60.0, count: int = 1) -> bool:
        return self._dispatcher.wait_ready(timeout, count)

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        return self._dispatchers.get(to, self._dispatcher).convert(document, timeout=timeout, to=to)

    def status(self) -> dict:
        status = {
            "backend": self.backend,
            "available": True,
            "error": None,
            **self._dispatcher.status(),
            "size": self.size,
            "probe_interval": self.probe_interval,
        }
        if UPLOADS in self._dispatchers:
            status["uploads"] = {**self._dispatchers[UPLOADS].status(), "size": len(self._servers[UPLOADS])}
        return status

    def close(self) -> None:
        self._closed = True
        for dispatcher in self._dispatchers.values():
            dispatcher.close()
        self._wake.set()
        if self._prober is not None:
            self._prober.join()

    def _mark_dead(self, instance: RemoteInstance, reason: str) -> None:
        instance.next_probe_at = time.monotonic() + self.probe_interval
        self._dispatchers[instance.lane].set_state(instance, DEAD, reason)
        self._wake.set()

    def _probe_loop(self) -> None:
        while not self._closed:
            try:
                pause = self._probe_due()
            except Exception:
                logger.exception("Remote unoserver prober error")
                pause = self.probe_interval
            self._wake.wait(pause)
            self._wake.clear()

    def _probe_due(self) -> float:
        """Probe the instances that are due; return the time until the next one is.

        Live idle instances get a health probe (a real conversion) when they
        have not worked for ``probe_interval``; dead ones an ``info`` call.
        """
        pause = self.probe_interval
        for dispatcher in self._dispatchers.values():
            dispatcher.probe_idle(older_than=self.probe_interval)
        for instance in [i for dispatcher in self._dispatchers.values() for i in dispatcher.instances()]:
            if instance.state not in (STARTING, DEAD):
                continue
            if time.monotonic() >= instance.next_probe_at:
                self._probe(instance)
            if instance.state == DEAD:
                pause = min(pause, max(0.0, instance.next_probe_at - time.monotonic()))
        return pause

    def _probe(self, instance: RemoteInstance) -> None:
        try:
            info = unoserver_rpc.probe(instance.host, instance.port, timeout=PROBE_TIMEOUT)
        except unoserver_rpc.EndpointError as exc:
            if instance.state != DEAD:
                logger.warning("Remote unoserver %s is down: %s", instance.address, exc)
            instance.next_probe_at = time.monotonic() + self.probe_interval
            self._dispatchers[instance.lane].set_state(instance, DEAD, str(exc))
            return
        logger.info(
            "Remote unoserver %s is up (unoserver %s, LibreOffice %s)",
            instance.address,
            info.get("unoserver"),
            info.get("libreoffice_version"),
        )
        self._dispatchers[instance.lane].set_state(instance, READY)
