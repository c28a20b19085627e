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
from dataclasses import dataclass
from pathlib import Path

SOFFICE_PROCESS_NAME = "soffice.bin"
PROFILE_DIR = "profile"

# Runs in the server python in place of ``python -m unoserver.server``: dies
# with the service, leaves the network (--sandbox), converts in memory only,
# is ready in about 1 s (see its docstring).
LAUNCHER = Path(__file__).resolve().parent / "unoserver_launcher.py"

# LibreOffice settings every instance starts with: its network content
# providers (http, https, WebDAV, FTP, CMIS) removed, so that nothing a
# document links to (images, sections, templates, objects) is ever fetched,
# and links to untrusted places blocked on load.
REMOTE_PROVIDERS = ("Provider3", "Provider4", "Provider4a", "Provider12", "Provider12a", "Provider12b",
                    "Provider6", "Provider43")  # fmt: skip
PROFILE_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
    '<item oor:path="/org.openoffice.ucb.Configuration/ContentProviders/Local/SecondaryKeys/Office/ProviderData">'
    + "".join(f'<node oor:name="{provider}" oor:op="remove"/>' for provider in REMOTE_PROVIDERS)
    + "</item>\n"
    '<item oor:path="/org.openoffice.Office.Common/Security/Scripting">'
    '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>'
    '<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>\n'
    '<item oor:path="/org.openoffice.Office.Writer/Content/Update">'
    '<prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>\n'
    "</oor:items>\n"
)


@dataclass(frozen=True)
class Confinement:
    """What an instance may use: the network (no, when ``sandbox``), CPU priority, address space."""

    sandbox: bool = False
    nice: int = 0
    memory_limit: int | None = None  # bytes

    def launcher_options(self) -> list[str]:
        options = ["--sandbox"] if self.sandbox else []
        if self.nice:
            options += ["--nice", str(self.nice)]
        if self.memory_limit:
            options += ["--memory-limit", str(self.memory_limit)]
        return options


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


def sandbox_problem(python: str) -> str | None:
    """Why instances cannot run without network access here, or None if they can."""
    try:
        check = subprocess.run([python, str(LAUNCHER), "--check-sandbox"], stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, timeout=60)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run {LAUNCHER.name}: {exc}"
    if check.returncode != 0:
        return (check.stderr.strip().splitlines() or ["no output"])[-1]
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
        cls, *, python: str, soffice: str, port: int, uno_port: int, workdir: Path,
        confinement: Confinement = Confinement(),
    ) -> UnoserverProcess:  # fmt: skip
        """Start the server; must be called from a thread that outlives it (see LAUNCHER)."""
        temp_dir = workdir / "tmp"
        # unoserver fails unless --temp-dir already exists.
        temp_dir.mkdir(parents=True)
        settings = workdir / PROFILE_DIR / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(PROFILE_SETTINGS, encoding="utf-8")
        command = [
            python, str(LAUNCHER), str(os.getpid()), *confinement.launcher_options(), "--",
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


def _stat(pid: int) -> tuple[str, list[str]] | None:
    """A process's command name and the fields after it in /proc/PID/stat (field 3 on)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as file:
            data = file.read()
    except OSError:
        return None
    # The name is parenthesised and may itself contain spaces or parentheses.
    return data[data.index("(") + 1 : data.rindex(")")], data[data.rindex(")") + 2 :].split()


def read_stat(pid: int) -> tuple[str, str, int] | None:
    """(command name, state letter, session id) of a process, from /proc."""
    stat = _stat(pid)
    if stat is None:
        return None
    name, (state, _ppid, _pgrp, session, *_) = stat
    return name, state, int(session)


def process_identity(pid: int) -> str | None:
    """``pid:start time``, which a later process reusing the pid does not share; None if gone."""
    stat = _stat(pid)
    if stat is None or stat[1][0] == "Z":
        return None
    return f"{pid}:{stat[1][19]}"  # field 22 of proc(5): start time since boot


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
