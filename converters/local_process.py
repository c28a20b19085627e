"""One local unoserver process and the LibreOffice it starts.

Process tree of an instance (all in one session, led by the launcher):

    python (unoserver.server)  ->  oosplash  ->  soffice.bin

Each instance lives in its own work directory holding its LibreOffice
profile, its temporary files and its log, all removed when it is killed,
together with the one file LibreOffice keeps elsewhere (its IPC socket).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

SOFFICE_PROCESS_NAME = "soffice.bin"
PROFILE_DIR = "profile"

# Runs in the server python in place of ``python -m unoserver.server``:
# - PR_SET_PDEATHSIG makes the kernel send SIGTERM to the server when the
#   thread that spawned it dies, so a service killed with SIGKILL (no atexit)
#   leaves no orphan; unoserver passes SIGTERM on to LibreOffice.
# - ``sys.exit(main())`` keeps unoserver's exit status, which its
#   ``if __name__ == "__main__": main()`` discards.
# - unoserver 3.7 sleeps a fixed 5 s, then 2 s, "to give LibreOffice time to
#   start"; its module clock is swapped for one that waits until LibreOffice's
#   UNO port answers instead, so an instance is ready in about 1 s, not 6 s
#   (restarts and recycling take that much less out of the pool).
_LAUNCHER = """\
import ctypes, os, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
if os.getppid() != int(sys.argv[1]):
    sys.exit("the service exited before unoserver started")
import socket, time as _time
from unoserver import server
_uno_port = int(sys.argv[sys.argv.index("--uno-port") + 1])
class _Clock:  # unoserver.server sleeps 5 s then 2 s at start, whatever LibreOffice does
    def __getattr__(self, name):
        return getattr(_time, name)
    def sleep(self, seconds):
        if seconds >= 5:  # "give LibreOffice time to start": wait until it listens instead
            deadline = _time.monotonic() + 60
            while _time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", _uno_port), 0.2).close()
                    return
                except OSError:
                    _time.sleep(0.05)
        else:
            _time.sleep(min(seconds, 0.1))
server.time = _Clock()
sys.argv = ["unoserver", *sys.argv[2:]]
sys.exit(server.main())
"""

PREFLIGHT_IMPORTS = "import uno, unoserver.server"

# LibreOffice's single-instance IPC socket goes to /tmp whatever TMPDIR says
# (sal/osl/unx/pipe.cxx); it removes it on a clean exit, never after SIGKILL.
OSL_PIPE_DIR = Path("/tmp")


def ipc_pipe_path(profile: Path) -> Path:
    """The IPC socket of a LibreOffice run with ``profile`` as its user installation.

    Its name ends with the MD5 of the profile's URL in UTF-16, each byte in
    hex without leading zero (desktop/source/app/officeipcthread.cxx).
    """
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le")).digest()
    hex_digest = "".join(f"{byte:x}" for byte in digest)
    return OSL_PIPE_DIR / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{hex_digest}"


def remove_workdir(workdir: Path) -> None:
    """Remove an instance's work directory and its IPC socket (its LibreOffice is gone)."""
    ipc_pipe_path(workdir / PROFILE_DIR).unlink(missing_ok=True)
    shutil.rmtree(workdir, ignore_errors=True)


def find_soffice(configured: str | None) -> str | None:
    """Resolve the LibreOffice executable: a path, a name on PATH, or the usual names."""
    candidates = [configured] if configured else ["soffice", "libreoffice"]
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def libreoffice_problem(python: str, soffice: str | None) -> str | None:
    """Explain why no instance could start, or return None if all is in place."""
    if soffice is None:
        return "no LibreOffice executable (soffice or libreoffice) found"
    try:
        check = subprocess.run(
            [python, "-c", PREFLIGHT_IMPORTS],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run the server python {python!r}: {exc}"
    if check.returncode != 0:
        last_line = (check.stderr.strip().splitlines() or ["no output"])[-1]
        return f"{python!r} cannot run {PREFLIGHT_IMPORTS!r}: {last_line}"
    return None


class UnoserverProcess:
    def __init__(self, popen: subprocess.Popen, workdir: Path) -> None:
        self._popen = popen
        self.workdir = workdir
        self._soffice_pid: int | None = None

    @classmethod
    def spawn(
        cls, *, python: str, soffice: str, port: int, uno_port: int, workdir: Path
    ) -> UnoserverProcess:
        """Start the server; must be called from a thread that outlives it (see _LAUNCHER)."""
        temp_dir = workdir / "tmp"
        # unoserver fails unless --temp-dir already exists.
        temp_dir.mkdir(parents=True)
        command = [
            python, "-c", _LAUNCHER, str(os.getpid()),
            "--interface", "127.0.0.1",
            "--port", str(port),
            "--uno-port", str(uno_port),
            # A plain path: unoserver turns it into a file:// URL itself.
            "--user-installation", str(workdir / PROFILE_DIR),
            "--temp-dir", str(temp_dir),
            "--executable", soffice,
        ]  # fmt: skip
        # TMPDIR keeps LibreOffice's own lu*.tmp files inside the work directory,
        # so that they go away with it even after a SIGKILL.
        env = {**os.environ, "TMPDIR": str(temp_dir)}
        with open(workdir / "unoserver.log", "wb") as log:
            popen = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        return cls(popen, workdir)

    @property
    def pid(self) -> int:
        return self._popen.pid

    def exit_code(self) -> int | None:
        return self._popen.poll()

    def soffice_pid(self) -> int | None:
        """Pid of the live soffice.bin of this instance, if there is one."""
        if self._soffice_pid is not None and self._is_member(self._soffice_pid):
            return self._soffice_pid
        self._soffice_pid = next(
            (pid for pid, name in session_members(self.pid) if name == SOFFICE_PROCESS_NAME),
            None,
        )
        return self._soffice_pid

    def alive(self) -> bool:
        """Both unoserver and its LibreOffice run (unoserver may outlive the latter briefly)."""
        return self.exit_code() is None and self.soffice_pid() is not None

    def log_tail(self, max_chars: int = 2000) -> str:
        try:
            return (self.workdir / "unoserver.log").read_text(errors="replace")[-max_chars:]
        except OSError:
            return ""

    def kill(self, wait: float = 5.0) -> None:
        """Kill the whole session (SIGKILL also ends a stopped, hung LibreOffice)."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._popen.wait()
        # oosplash and soffice.bin are not our children: watch them go.
        deadline = time.monotonic() + wait
        while session_members(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        remove_workdir(self.workdir)

    def _is_member(self, pid: int) -> bool:
        stat = read_stat(pid)
        return stat is not None and stat[1] != "Z" and stat[2] == self.pid


def read_stat(pid: int) -> tuple[str, str, int] | None:
    """(command name, state letter, session id) of a process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as file:
            data = file.read()
    except OSError:
        return None
    # The name is parenthesised and may itself contain spaces or parentheses.
    name = data[data.index("(") + 1 : data.rindex(")")]
    state, _ppid, _pgrp, session = data[data.rindex(")") + 2 :].split()[:4]
    return name, state, int(session)


def process_identity(pid: int) -> str | None:
    """``pid:start time``, which a later process reusing the pid does not share; None if gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as file:
            data = file.read()
    except OSError:
        return None
    fields = data[data.rindex(")") + 2 :].split()
    if fields[0] == "Z":
        return None
    return f"{pid}:{fields[19]}"  # field 22 of proc(5): start time since boot


def session_members(session: int) -> list[tuple[int, str]]:
    """(pid, name) of the live, non-zombie processes of a session."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        stat = read_stat(int(entry))
        if stat is not None and stat[2] == session and stat[1] != "Z":
            members.append((int(entry), stat[0]))
    return members
