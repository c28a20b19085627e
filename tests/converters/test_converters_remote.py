"""The remote backend against a unoserver started here on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import pytest
from converter_checks import assert_sample_pdf, processes_mentioning, wait_for

from converters import ConversionUnavailable, RemoteUnoservers, converter_from_config
from converters.local_process import ipc_pipe_path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class UnoserverProcess:
    """A unoserver run the way an operator would, outside any pool."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.profile = workdir / "profile"

    def start(self) -> None:
        # A fresh profile per start: a killed LibreOffice may leave one half-written.
        self.profile = self.workdir / f"profile-{free_port()}"
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "unoserver.server",
                "--interface", "127.0.0.1",
                "--port", str(self.port),
                "--uno-port", str(free_port()),
                "--user-installation", str(self.profile),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # LibreOffice's lu*.tmp files would otherwise outlive a SIGKILL in /tmp.
            env={**os.environ, "TMPDIR": str(self.workdir)},
            start_new_session=True,
        )

    def kill(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.process = None
            # Its IPC socket, which LibreOffice leaves in /tmp when killed.
            wait_for(lambda: not processes_mentioning(str(self.profile)), 10)
            ipc_pipe_path(self.profile).unlink(missing_ok=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = UnoserverProcess(tmp_path_factory.mktemp("remote-unoserver"))
    server.start()
    yield server
    server.kill()


@pytest.fixture
def remote(server):
    converter = RemoteUnoservers([("127.0.0.1", server.port)], probe_interval=0.5)
    converter.start()
    yield converter
    converter.close()


def test_converts_through_a_remote_unoserver(remote, sample_docx):
    assert remote.wait_ready(90), remote.status()
    assert_sample_pdf(remote.convert(sample_docx))

    status = remote.status()
    assert json.loads(json.dumps(status)) == status
    assert status["backend"] == "remote"
    assert status["ready"] == status["size"] == 1
    assert status["instances"][0]["conversions"] == 1


def test_dead_remote_is_marked_dead_then_found_again(remote, server, sample_docx):
    assert remote.wait_ready(90), remote.status()
    server.kill()

    with pytest.raises(ConversionUnavailable):
        remote.convert(sample_docx)
    assert remote.status()["instances"][0]["state"] == "dead"

    server.start()
    assert wait_for(lambda: remote.status()["ready"] == 1, 90), remote.status()
    assert_sample_pdf(remote.convert(sample_docx))


def test_factory_builds_the_remote_backend(server, sample_docx):
    converter = converter_from_config(
        {"PDF_BACKEND": "remote", "PDF_REMOTE_SERVERS": f"127.0.0.1:{server.port}"}
    )
    try:
        assert isinstance(converter, RemoteUnoservers)
        assert converter.wait_ready(90), converter.status()
        assert_sample_pdf(converter.convert(sample_docx))
    finally:
        converter.close()
