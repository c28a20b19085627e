"""Helpers for the converter tests: PDF inspection with poppler, /proc inspection."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from converters import UnoserverPool
from converters.local_process import ipc_pipe_path

SAMPLE_TEXT = "Kế hoạch giảm nghèo bền vững năm 2024 – Ủy ban nhân dân xã Đại Lãnh"
EXPECTED_FONTS = ("LiberationSerif", "TimesNewRoman")


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def embedded_fonts(pdf: bytes) -> list[str]:
    """Names of the fonts that pdffonts reports as embedded."""
    lines = (
        subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .splitlines()
    )
    emb_column = lines[0].index("emb")
    return [line.split()[0] for line in lines[2:] if line[emb_column:].startswith("yes")]


def assert_sample_pdf(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert SAMPLE_TEXT in " ".join(pdf_text(pdf).split())
    fonts = embedded_fonts(pdf)
    assert any(expected in font for font in fonts for expected in EXPECTED_FONTS), fonts


def wait_for(predicate, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def _stat_fields(pid: int) -> tuple[str, str, int] | None:
    """(name, state, parent pid) read from /proc."""
    try:
        data = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    except OSError:
        return None
    name = data[data.index("(") + 1 : data.rindex(")")]
    state, ppid = data[data.rindex(")") + 2 :].split()[:2]
    return name, state, int(ppid)


def _all_pids() -> list[int]:
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]


def is_running(pid: int) -> bool:
    """True for a live process; a zombie counts as gone."""
    fields = _stat_fields(pid)
    return fields is not None and fields[1] != "Z"


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for candidate in _all_pids():
        fields = _stat_fields(candidate)
        if fields is not None:
            children.setdefault(fields[2], []).append(candidate)
    found, pending = [], [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def soffice_of(server_pid: int) -> int:
    """The soffice.bin process started by a unoserver (found through the process tree)."""
    for pid in descendants(server_pid):
        fields = _stat_fields(pid)
        if fields is not None and fields[0] == "soffice.bin" and fields[1] != "Z":
            return pid
    raise AssertionError(f"no soffice.bin below pid {server_pid}")


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains ``text``."""
    found = []
    for pid in _all_pids():
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if text.encode() in cmdline and is_running(pid):
            found.append(pid)
    return found


def kill_processes_mentioning(text: str) -> None:
    """Safety net so that a failing test leaves nothing behind."""
    for pid in processes_mentioning(text):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def instance_dir(pool: UnoserverPool, instance: dict) -> Path:
    """The folder of an instance, from its status()."""
    return pool.workdir / f"instance-{instance['slot']}-{instance['restarts']}"


def left_in_tmp(folder: Path) -> list[Path]:
    """What an instance's LibreOffice could leave behind: its folder and its IPC socket."""
    return [path for path in (folder, ipc_pipe_path(folder / "profile")) if path.exists()]


def pool_recovered(pool: UnoserverPool, replaced_pids: set[int]) -> bool:
    """Every instance is ready again and none is one of ``replaced_pids``."""
    status = pool.status()
    return status["ready"] == status["size"] and not any(
        instance["pid"] in replaced_pids for instance in status["instances"]
    )


@contextlib.contextmanager
def running_pool(**settings):
    """A started pool that is closed, and its processes checked for, afterwards."""
    pool = UnoserverPool(**settings)
    pool.start()
    try:
        yield pool
    finally:
        workdir = pool.workdir
        pool.close()
        if workdir is not None:
            kill_processes_mentioning(str(workdir))
