"""Stopping the production server (SIGTERM, as docker stop and systemd do) leaves
no LibreOffice process, pool folder or IPC socket behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.procs import cmdline, descendants
from bench.service import ROOT, Service
from converters.local_process import ipc_pipe_path
from tests.converters.converter_checks import is_running, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]


def profiles_of(root: int) -> list[Path]:
    """The LibreOffice profiles of the unoserver instances below ``root``."""
    found = []
    for pid in descendants(root):
        arguments = cmdline(pid)
        if "--user-installation" in arguments and "unoserver" in " ".join(arguments):
            found.append(Path(arguments[arguments.index("--user-installation") + 1]))
    return found


def test_sigterm_leaves_nothing_behind():
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    service = Service(pool_size=1, ready_timeout=90)
    with service:
        profiles = profiles_of(service.pid)
        children = descendants(service.pid)
        assert profiles, "no unoserver instance found below the service"
        assert all(ipc_pipe_path(profile).exists() for profile in profiles)
        assert service.client.render((ROOT / "examples" / "minimal.json").read_bytes(), "pdf").ok
        # Leaving the block sends SIGTERM and waits for the server to exit.
    pool_dirs = {profile.parent.parent for profile in profiles}
    assert wait_for(lambda: not any(is_running(pid) for pid in children), 20)
    assert not any(ipc_pipe_path(profile).exists() for profile in profiles)
    assert not any(folder.exists() for folder in pool_dirs)
