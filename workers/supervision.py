"""What every supervisor of processes in this service shares: the line of
callers waiting for a free process, and the two ways a caller is turned
away — no capacity now (503, retry after N s) or a job cut at its deadline
(504). The worker pool (``workers.pool``) and the LibreOffice dispatcher
(``converters.dispatch``) both build on it.

Every error carries two texts: ``str(exc)`` (also ``exc.message``) is a
Vietnamese sentence the web layer shows as is, ``exc.detail`` an English
technical cause for logs; ``exc.code`` is the stable code of the answer.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TypeVar

Member = TypeVar("Member")


class SupervisedError(Exception):
    """Base of the errors a supervisor raises to its callers."""

    code = "unavailable"

    def __init__(self, message: str, *, detail: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if code is not None:
            self.code = code


class Unavailable(SupervisedError):
    """No capacity right now; the caller answers 503 with ``Retry-After: retry_after``."""

    def __init__(self, message: str, *, retry_after: float, detail: str = "", code: str | None = None) -> None:
        super().__init__(message, detail=detail, code=code)
        self.retry_after = retry_after


class TimedOut(SupervisedError):
    """One job ran past its deadline and was cut; the caller answers 504."""

    code = "timeout"

    def __init__(self, message: str, *, seconds: float, detail: str = "", code: str | None = None) -> None:
        super().__init__(message, detail=detail, code=code)
        self.seconds = seconds


class WaitingLine:
    """Hands idle members (processes, instances) to callers in arrival order.

    A caller that finds none idle, or others already waiting, waits in line
    for at most ``wait`` seconds; at most ``limit()`` callers wait at once,
    the next one is turned away at once. A caller marked ``first`` (a retry:
    its request was admitted already) goes to the head of the line and is
    not counted against the limit.

    The line shares its owner's condition: whoever frees a member must
    ``notify_all()`` it, as the owner's other state changes do.
    """

    def __init__(self, condition: threading.Condition, *, limit: Callable[[], int], wait: float) -> None:
        self.condition = condition
        self.limit = limit
        self.wait = wait
        self._tickets: deque[object] = deque()

    def __len__(self) -> int:
        return len(self._tickets)

    def lease(
        self,
        pick: Callable[[], Member | None],
        *,
        full: Callable[[], Exception],
        gave_up: Callable[[], Exception],
        check: Callable[[], None] = lambda: None,
        first: bool = False,
    ) -> Member:
        """The member ``pick()`` hands out (it marks it taken), once this caller's turn comes.

        ``pick`` and ``check`` run with the condition held; ``check`` raises
        when waiting is pointless (closed, nothing left to wait for). Raises
        ``full()`` when the line is full and ``gave_up()`` after ``wait`` s.
        """
        deadline = time.monotonic() + self.wait
        ticket = object()
        with self.condition:
            check()
            if not first and not self._tickets:
                member = pick()
                if member is not None:
                    return member
            if not first and len(self._tickets) >= self.limit():
                raise full()
            if first:
                self._tickets.appendleft(ticket)
            else:
                self._tickets.append(ticket)
            try:
                while True:
                    check()
                    member = pick() if self._tickets[0] is ticket else None
                    if member is not None:
                        return member
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise gave_up()
                    self.condition.wait(remaining)
            finally:
                self._tickets.remove(ticket)
                self.condition.notify_all()
