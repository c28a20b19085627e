"""Hands conversions to a set of unoserver instances, one at a time each.

The dispatcher owns the bounded waiting queue, the per-attempt timeout, the
single retry and the health probe (a real tiny conversion with a deadline).
It knows nothing about where instances come from: the backend that owns it
is told, through ``retire``, when an instance must be taken out of service
(it timed out, its connection broke, it failed a probe, or it reached its
recycling count) and is expected to put a replacement in with ``swap`` or to
bring the same instance back with ``set_state``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from workers.supervision import WaitingLine

from . import formats, unoserver_rpc
from .base import ConversionFailed, ConversionTimeout, ConversionUnavailable

logger = logging.getLogger(__name__)

READY = "ready"  # idle and healthy
BUSY = "busy"  # healthy, converting a document
STARTING = "starting"  # expected to become ready soon
DEAD = "dead"  # out of service until its backend revives or replaces it

HEALTHY = (READY, BUSY)


QUEUE_PER_INSTANCE = 8

# The health probe: an RTF of one word made into a PDF goes through
# LibreOffice's whole load-and-export path in a few tens of milliseconds.
PROBE_DOCUMENT = b"{\\rtf1\\ansi probe\\par}"
PROBE_TARGET = formats.TARGETS["pdf"]
PROBE_IMPORT_FILTER = formats.IMPORT_FILTERS[formats.RTF]

# Retry-After hints, in seconds.
RETRY_AFTER_BUSY = 5
RETRY_AFTER_NO_INSTANCE = 10
RETRY_AFTER_STOPPED = 30


@dataclass(eq=False)
class Instance:
    """One unoserver endpoint; identity matters, so instances compare by id."""

    host: str
    port: int
    state: str = STARTING
    conversions: int = 0
    last_error: str | None = None
    checked_at: float = float("-inf")  # monotonic time of its last conversion or passed probe

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def describe(self) -> dict:
        return {
            "address": self.address,
            "port": self.port,
            "state": self.state,
            "conversions": self.conversions,
            "last_error": self.last_error,
        }


@dataclass(frozen=True)
class _Request:
    document: bytes
    target: formats.Target
    import_filter: str


class _AttemptFailed(Exception):
    """One attempt failed in a way that another instance may not repeat."""


class Dispatcher:
    """``queue_limit`` defaults to QUEUE_PER_INSTANCE per instance, ``queue_wait`` to ``timeout``.

    ``probe_timeout`` is the deadline of one health probe; ``probe_idle``
    (called periodically by the backend) probes idle instances, and the
    instance chosen for a retry is always probed first.
    """

    def __init__(
        self,
        *,
        retire: Callable[[Instance, str], None],
        still_alive: Callable[[Instance], bool],
        timeout: float,
        queue_limit: int | None = None,
        queue_wait: float | None = None,
        recycle_after: int | None = None,
        connect_timeout: float = 2.0,
        probe_timeout: float = 10.0,
    ) -> None:
        self.timeout = timeout
        self._queue_limit = queue_limit
        self.queue_wait = timeout if queue_wait is None else queue_wait
        self.recycle_after = recycle_after
        self.connect_timeout = connect_timeout
        self.probe_timeout = probe_timeout
        self._retire = retire
        self._still_alive = still_alive
        self._instances: list[Instance] = []
        self._cond = threading.Condition()
        self._line = WaitingLine(self._cond, limit=lambda: self.queue_limit, wait=self.queue_wait)
        self._closed = False

    @property
    def queue_limit(self) -> int:
        if self._queue_limit is not None:
            return self._queue_limit
        return QUEUE_PER_INSTANCE * len(self._instances)

    # -- instance bookkeeping, called by the owning backend -------------------

    def add(self, instance: Instance) -> None:
        with self._cond:
            self._instances.append(instance)
            self._cond.notify_all()

    def swap(self, old: Instance, new: Instance) -> None:
        with self._cond:
            self._instances[self._instances.index(old)] = new
            self._cond.notify_all()

    def set_state(self, instance: Instance, state: str, error: str | None = None) -> None:
        """Change an instance's state; ignored once it is swapped out or closed."""
        with self._cond:
            if self._closed or instance not in self._instances:
                return
            if state == READY and instance.state in (STARTING, DEAD):
                instance.checked_at = time.monotonic()  # it just answered its first probe
            instance.state = state
            if error is not None:
                instance.last_error = error
            self._cond.notify_all()

    def instances(self) -> list[Instance]:
        with self._cond:
            return list(self._instances)

    def wait_ready(self, timeout: float, count: int) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._healthy_count() < count:
                remaining = deadline - time.monotonic()
                if self._closed or remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True

    def close(self) -> None:
        """Reject every waiting and future conversion; in-flight ones finish or fail."""
        with self._cond:
            self._closed = True
            for instance in self._instances:
                instance.state = DEAD
                instance.last_error = "converter closed"
            self._cond.notify_all()

    def status(self) -> dict:
        with self._cond:
            return {
                "size": len(self._instances),
                "ready": self._healthy_count(),
                "busy": sum(i.state == BUSY for i in self._instances),
                "queue": len(self._line),
                "queue_limit": self.queue_limit,
                "timeout": self.timeout,
                "queue_wait": self.queue_wait,
                "recycle_after": self.recycle_after,
                "instances": [i.describe() for i in self._instances],
            }

    # -- conversions ------------------------------------------------------------

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        timeout = self.timeout if timeout is None else timeout
        request = _Request(document, formats.target(to), formats.import_filter(document, to))
        instance = self._acquire(request.target, avoid=None)
        try:
            return self._attempt(instance, request, timeout)
        except _AttemptFailed as exc:
            if not request.target.retried:
                raise ConversionFailed(request.target.failed_message, detail=str(exc)) from exc
            logger.warning("Conversion failed on %s, retrying once: %s", instance.address, exc)
        retry_on = self._acquire_probed(request.target, avoid=instance)
        try:
            return self._attempt(retry_on, request, timeout)
        except _AttemptFailed as exc:
            logger.error("Conversion failed again on %s: %s", retry_on.address, exc)
            raise ConversionFailed(request.target.failed_message, detail=str(exc)) from exc

    def probe_idle(self, older_than: float) -> None:
        """Probe, one by one, the idle instances not seen working for ``older_than`` seconds.

        A hung LibreOffice (stopped, deadlocked) still has live processes, so
        only a conversion tells; one that fails its probe is taken out.
        """
        for instance in self.instances():
            with self._cond:
                due = (
                    not self._closed
                    and instance in self._instances
                    and instance.state == READY
                    and time.monotonic() - instance.checked_at >= older_than
                )
                if not due:
                    continue
                instance.state = BUSY
            if self._probe(instance):
                self._release(instance)

    def _probe(self, instance: Instance) -> bool:
        """Convert PROBE_DOCUMENT on a leased instance; on failure take it out and say False."""
        try:
            unoserver_rpc.convert(
                instance.host,
                instance.port,
                PROBE_DOCUMENT,
                convert_to=PROBE_TARGET.convert_to,
                export_filter=PROBE_TARGET.export_filter,
                import_filter=PROBE_IMPORT_FILTER,
                timeout=self.probe_timeout,
                connect_timeout=self.connect_timeout,
            )
        except unoserver_rpc.EndpointError as exc:
            self._take_out(instance, f"health probe failed: {exc}")
            return False
        except BaseException:
            self._release(instance)
            raise
        instance.checked_at = time.monotonic()
        return True

    def _acquire_probed(self, target: formats.Target, avoid: Instance) -> Instance:
        """Lease an instance for a retry, proven alive by a probe just before.

        Each failed probe takes its instance out; after one try per instance
        and one more, the pool is considered down.
        """
        for _ in range(len(self.instances()) + 1):
            instance = self._acquire(target, avoid=avoid)
            if self._probe(instance):
                return instance
        raise ConversionUnavailable(
            target.down_message,
            retry_after=RETRY_AFTER_NO_INSTANCE,
            detail="no instance passed its health probe for the retry",
        )

    def _attempt(self, instance: Instance, request: _Request, timeout: float) -> bytes:
        started = time.monotonic()
        try:
            result = unoserver_rpc.convert(
                instance.host,
                instance.port,
                request.document,
                convert_to=request.target.convert_to,
                export_filter=request.target.export_filter,
                filter_options=request.target.filter_options,
                import_filter=request.import_filter,
                timeout=timeout,
                connect_timeout=self.connect_timeout,
            )
        except unoserver_rpc.EndpointTimeout as exc:
            self._take_out(instance, f"conversion exceeded {timeout:g} s")
            raise ConversionTimeout(
                request.target.timeout_message.format(seconds=timeout),
                seconds=timeout,
                detail=str(exc),
            ) from exc
        except unoserver_rpc.EndpointFault as exc:
            # A fault may come from a bad document on a healthy instance, or
            # from a LibreOffice that crashed under the document.
            if self._still_alive(instance):
                self._release(instance)
            else:
                self._take_out(instance, f"LibreOffice died during a conversion: {exc}")
            raise _AttemptFailed(str(exc)) from exc
        except unoserver_rpc.EndpointError as exc:
            self._take_out(instance, str(exc))
            raise _AttemptFailed(str(exc)) from exc
        except BaseException:
            self._release(instance)
            raise
        logger.info(
            "Converted %d bytes (%s) into %d bytes of %s on %s in %.2f s",
            len(request.document),
            request.import_filter,
            len(result),
            request.target.convert_to,
            instance.address,
            time.monotonic() - started,
        )
        with self._cond:
            instance.conversions += 1
            instance.checked_at = time.monotonic()
            worn_out = (
                self.recycle_after is not None and instance.conversions >= self.recycle_after
            )
        if worn_out:
            self._take_out(
                instance, f"recycled after {instance.conversions} conversions", level=logging.INFO
            )
        else:
            self._release(instance)
        return result

    def _release(self, instance: Instance) -> None:
        self.set_state(instance, READY)

    def _take_out(self, instance: Instance, reason: str, *, level: int = logging.WARNING) -> None:
        # The instance stays BUSY, hence unused, until its backend acts.
        logger.log(level, "Taking %s out of service: %s", instance.address, reason)
        self._retire(instance, reason)

    def _acquire(self, target: formats.Target, avoid: Instance | None) -> Instance:
        """Lease an idle instance, waiting in line for at most ``queue_wait``.

        A retry (``avoid`` set) goes to the head of the line and is not
        counted against the queue limit: its request was already admitted.
        """

        def pick() -> Instance | None:
            instance = self._pick(avoid)
            if instance is not None:
                instance.state = BUSY
            return instance

        def full() -> ConversionUnavailable:
            return ConversionUnavailable(
                target.busy_message,
                retry_after=RETRY_AFTER_BUSY,
                detail=f"conversion queue full ({self.queue_limit} waiting)",
            )

        return self._line.lease(
            pick,
            full=full,
            gave_up=lambda: self._gave_up_waiting(target),
            check=lambda: self._raise_if_unusable(target),
            first=avoid is not None,
        )

    def _pick(self, avoid: Instance | None) -> Instance | None:
        """The least used idle instance, other than ``avoid`` if there is a choice.

        Least used first, so that recycling rotates through the instances. A
        retry falls back on the instance that failed only when it is still in
        service (it answered with a fault) and the only one idle: waiting for
        another would stall the whole queue behind the retry.
        """
        idle = [i for i in self._instances if i.state == READY]
        preferred = [i for i in idle if i is not avoid] or idle
        return min(preferred, key=lambda i: i.conversions, default=None)

    def _gave_up_waiting(self, target: formats.Target) -> ConversionUnavailable:
        if self._healthy_count() == 0:
            return ConversionUnavailable(
                target.down_message,
                retry_after=RETRY_AFTER_NO_INSTANCE,
                detail=f"no instance became ready within {self.queue_wait:g} s",
            )
        return ConversionUnavailable(
            target.busy_message,
            retry_after=RETRY_AFTER_BUSY,
            detail=f"no instance became free within {self.queue_wait:g} s",
        )

    def _raise_if_unusable(self, target: formats.Target) -> None:
        if self._closed:
            raise ConversionUnavailable(
                target.stopped_message, retry_after=RETRY_AFTER_STOPPED, detail="converter closed"
            )
        if not any(i.state in (READY, BUSY, STARTING) for i in self._instances):
            errors = "; ".join(
                f"{i.address}: {i.last_error}" for i in self._instances if i.last_error
            )
            raise ConversionUnavailable(
                target.down_message,
                retry_after=RETRY_AFTER_NO_INSTANCE,
                detail=f"no unoserver instance is up ({errors or 'none configured'})",
            )

    def _healthy_count(self) -> int:
        return sum(i.state in HEALTHY for i in self._instances)
