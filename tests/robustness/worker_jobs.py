"""Jobs for the worker pool's tests, run in real worker processes."""

from __future__ import annotations

import os
import threading

_never = threading.Event()


def echo(value):
    return value


def pid() -> int:
    return os.getpid()


def block() -> None:
    """Never returns: only a deadline ends it."""
    _never.wait()


def allocate(megabytes: int) -> int:
    """Holds ``megabytes`` at once (a MemoryError past the worker's cap)."""
    return len(bytearray(megabytes * 1024 * 1024))


def convert_twice(data: bytes, convert) -> list:
    """Asks the service twice, as the import job asks it to convert a file."""
    return [convert(data), convert(data + b"!")]


def exit_at_start() -> None:
    """A warm-up that fails: the worker exits before it is ready."""
    raise SystemExit(7)
