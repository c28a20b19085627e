"""Process facts from /proc: descendants, names and peak resident memory.

``VmHWM`` ("high water mark") is the peak resident set size of a process
since it started, kept by the kernel: reading it once at the end of a phase
is enough for processes that live through the phase; ``PeakSampler`` also
catches soffice processes that die (are restarted) in between.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
SOFFICE_NAMES = ("soffice.bin", "soffice")


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (OSError, UnicodeDecodeError):
        return None


def parent_map() -> dict[int, int]:
    """pid → parent pid for every live process."""
    parents = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        stat = _read(entry / "stat")
        if not stat:
            continue
        # "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
        rest = stat[stat.rfind(")") + 2:].split()
        if len(rest) >= 2:
            parents[int(entry.name)] = int(rest[1])
    return parents


def descendants(root: int) -> list[int]:
    parents = parent_map()
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found, pending = [], [root]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def name(pid: int) -> str:
    return (_read(PROC / str(pid) / "comm") or "").strip()


def cmdline(pid: int) -> list[str]:
    raw = _read(PROC / str(pid) / "cmdline") or ""
    return [part for part in raw.split("\0") if part]


def status_kib(pid: int, key: str) -> int | None:
    """A ``kB`` value of /proc/PID/status, e.g. VmHWM (peak RSS) or VmRSS."""
    text = _read(PROC / str(pid) / "status")
    if not text:
        return None
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return None


def peak_rss_kib(pid: int) -> int | None:
    return status_kib(pid, "VmHWM")


def soffice_pids(root: int) -> list[int]:
    """The LibreOffice processes (soffice.bin) under ``root``."""
    return [pid for pid in descendants(root) if name(pid) == "soffice.bin"]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = _read(PROC / str(pid) / "stat")
    return bool(stat) and stat[stat.rfind(")") + 2:][:1] != "Z"


def _is_unoserver(pid: int) -> bool:
    return any("unoserver" in part for part in cmdline(pid))


@dataclass
class PeakSampler:
    """Samples VmHWM of a service process and its soffice children in a
    background thread; ``service_kib`` and ``soffice_kib`` hold the peaks."""

    root: int
    interval: float = 0.25
    service_kib: dict[int, int] = field(default_factory=dict)
    soffice_kib: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        parents = parent_map()
        for pid in [self.root, *descendants(self.root)]:
            process = name(pid)
            peak = peak_rss_kib(pid)
            if peak is None:
                continue
            if process == "soffice.bin":
                self.soffice_kib[pid] = max(peak, self.soffice_kib.get(pid, 0))
            elif pid == self.root or (parents.get(pid) == self.root and not _is_unoserver(pid)):
                # The service and any helper process of its own; not the unoserver pythons
                self.service_kib[pid] = max(peak, self.service_kib.get(pid, 0))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> "PeakSampler":
        self.sample()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sample()
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)

    def service_peak(self) -> int:
        """The largest peak among the service's Python processes (the worker)."""
        return max(self.service_kib.values(), default=0)
