"""Recycling, clean shutdown and orphan prevention of local pools, and nothing left in /tmp."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from converter_checks import (
    assert_sample_pdf,
    descendants,
    is_running,
    kill_processes_mentioning,
    pool_recovered,
    processes_mentioning,
    running_pool,
    soffice_of,
    wait_for,
)

from converters import UnoserverPool, converter_from_config
from converters.local_process import ipc_pipe_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def instance_dir(pool: UnoserverPool, instance: dict) -> Path:
    return pool.workdir / f"instance-{instance['slot']}-{instance['restarts']}"


def left_in_tmp(folder: Path) -> list[Path]:
    """What an instance folder's LibreOffice could leave: the folder and its IPC socket."""
    return [path for path in (folder, ipc_pipe_path(folder / "profile")) if path.exists()]


def test_instance_is_recycled_after_the_configured_number_of_conversions(sample_docx):
    with running_pool(size=1, recycle_after=2) as pool:
        assert pool.wait_ready(90), pool.status()
        first = pool.status()["instances"][0]
        folder = instance_dir(pool, first)
        assert left_in_tmp(folder) == [folder, ipc_pipe_path(folder / "profile")]
        for _ in range(2):
            pool.convert(sample_docx)

        assert wait_for(lambda: pool_recovered(pool, {first["pid"]}), 60), pool.status()
        assert not is_running(first["pid"])
        second = pool.status()["instances"][0]
        assert second["restarts"] == first["restarts"] + 1
        assert second["conversions"] == 0
        assert "recycled" in second["last_error"]
        assert not left_in_tmp(folder)
        assert_sample_pdf(pool.convert(sample_docx))


def test_idle_instance_whose_soffice_dies_is_restarted(sample_docx):
    # No recycling: the only way out of service for this instance is its death.
    with running_pool(size=1, recycle_after=None) as pool:
        assert pool.wait_ready(90), pool.status()
        victim = pool.status()["instances"][0]
        os.kill(soffice_of(victim["pid"]), signal.SIGKILL)

        assert wait_for(lambda: pool_recovered(pool, {victim["pid"]}), 60), pool.status()
        assert "exited" in pool.status()["instances"][0]["last_error"]
        assert not left_in_tmp(instance_dir(pool, victim))
        assert_sample_pdf(pool.convert(sample_docx))


def test_conversion_requested_during_startup_waits_for_the_first_instance(sample_docx):
    with running_pool(size=1) as pool:
        assert pool.status()["ready"] == 0
        assert_sample_pdf(pool.convert(sample_docx))


def test_close_leaves_no_unoserver_or_soffice_process(sample_docx):
    with running_pool(size=2) as pool:
        assert pool.wait_ready(90, count=2), pool.status()
        pool.convert(sample_docx)
        workdir = pool.workdir
        servers = [instance["pid"] for instance in pool.status()["instances"]]
        pids = servers + [child for server in servers for child in descendants(server)]
        assert len(processes_mentioning(str(workdir))) >= 3 * len(servers)
        folders = [instance_dir(pool, instance) for instance in pool.status()["instances"]]
        assert all(len(left_in_tmp(folder)) == 2 for folder in folders)

        pool.close()

        assert not processes_mentioning(str(workdir))
        assert not any(is_running(pid) for pid in pids)
        assert not workdir.exists()
        assert not any(left_in_tmp(folder) for folder in folders)
        assert pool.status()["ready"] == 0


def test_closing_a_pool_that_is_still_starting_leaves_nothing():
    converter = converter_from_config({"PDF_POOL_SIZE": "1"})
    workdir = converter.workdir
    try:
        assert wait_for(lambda: processes_mentioning(str(workdir)), 10)
    finally:
        converter.close()
        leftovers = processes_mentioning(str(workdir))
        kill_processes_mentioning(str(workdir))
    assert not leftovers
    assert not workdir.exists()


def test_servers_die_with_a_service_killed_by_sigkill_and_the_next_pool_cleans_up():
    service = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                sys.path.insert(0, {str(PROJECT_ROOT)!r})
                from converters import UnoserverPool
                pool = UnoserverPool(1)
                pool.start()
                assert pool.wait_ready(90)
                print(pool.workdir, flush=True)
                time.sleep(300)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    workdir = ""
    try:
        workdir = service.stdout.readline().strip()
        assert workdir and processes_mentioning(workdir)
        service.send_signal(signal.SIGKILL)
        service.wait(10)
        assert wait_for(lambda: not processes_mentioning(workdir), 20)
        assert Path(workdir).exists()  # nobody was left to clean up after the SIGKILL

        with running_pool(size=1) as next_pool:
            # Its start removes the folders of pools whose owner is gone.
            assert not left_in_tmp(Path(workdir) / "instance-0-0")
            assert not Path(workdir).exists()
            assert next_pool.workdir.exists()
    finally:
        service.kill()
        service.wait()
        service.stdout.close()
        if workdir:
            kill_processes_mentioning(workdir)
            shutil.rmtree(workdir, ignore_errors=True)
