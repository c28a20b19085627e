"""The LibreOffice baselines the service is compared with:

- ``DirectUnoserver``: one unoserver instance of our own (own ports and
  profile), converting DOCX bytes with a single XML-RPC ``convert`` call:
  what LibreOffice itself costs per document, with no pool around it;
- ``cold_soffice``: ``soffice --headless --convert-to pdf`` as a new process
  per document (the naive approach), on a profile created beforehand so
  that first-start profile creation is not counted.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from pathlib import Path

from .service import Managed, free_port

UNOSERVER = Path(sys.executable).parent / "unoserver"


class DirectUnoserver(Managed):
    def __init__(self, ready_timeout: float = 90.0):
        self.port = free_port()
        self.uno_port = free_port()
        self.profile = Path(tempfile.mkdtemp(prefix="bench-uno-profile-"))
        self.ready_timeout = ready_timeout
        self.process: subprocess.Popen | None = None
        self.log = self.profile.with_suffix(".log")
        self.started_in: float | None = None

    def _proxy(self) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self.port}", allow_none=True)

    def start(self) -> "DirectUnoserver":
        start = time.perf_counter()
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(UNOSERVER), "--interface", "127.0.0.1", "--uno-interface", "127.0.0.1",
                 "--port", str(self.port), "--uno-port", str(self.uno_port),
                 "--user-installation", str(self.profile)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        while time.perf_counter() - start < self.ready_timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"unoserver exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                self._proxy().info()
                self.started_in = time.perf_counter() - start
                return self
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.2)
        raise TimeoutError("unoserver did not start")

    def convert(self, docx: bytes) -> bytes:
        """One round trip, as the unoserver protocol allows: no info() call first."""
        result = self._proxy().convert(None, xmlrpc.client.Binary(docx), None, "pdf", None, [], False, None, None)
        return result.data

    def info_seconds(self) -> float:
        """What UnoClient.convert adds per call: its info() round trip."""
        start = time.perf_counter()
        self._proxy().info()
        return time.perf_counter() - start

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    pass
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # our session only
            except (ProcessLookupError, PermissionError):
                pass
            self.process.wait(timeout=10)
            self.process = None
        shutil.rmtree(self.profile, ignore_errors=True)
        self.log.unlink(missing_ok=True)


class ColdSoffice:
    """A new soffice process per document, on a profile made once."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="bench-cold-soffice-"))
        self.profile = self.workdir / "profile"

    def _run(self, source: Path, timeout: float = 120) -> None:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(self.workdir), str(source)],
            check=True, capture_output=True, timeout=timeout, start_new_session=True)

    def convert_fresh_profile(self, docx: bytes) -> float:
        """Seconds for one conversion on a brand-new profile (first start ever)."""
        import shutil as _shutil

        _shutil.rmtree(self.profile, ignore_errors=True)
        start = time.perf_counter()
        self.convert(docx)
        return time.perf_counter() - start

    def prepare(self, docx: bytes) -> None:
        """First start creates the profile: done once, not timed."""
        self.convert(docx)

    def convert(self, docx: bytes) -> bytes:
        source = self.workdir / "document.docx"
        target = self.workdir / "document.pdf"
        target.unlink(missing_ok=True)
        source.write_bytes(docx)
        self._run(source)
        return target.read_bytes()

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
