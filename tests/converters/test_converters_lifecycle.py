"""Recycling, clean shutdown and orphan prevention of local pools."""

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

from converters import converter_from_config

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_pool():
    with running_pool(size=1, recycle_after=2) as pool:
        yield pool


@pytest.fixture
def ready_pool(small_pool):
    assert small_pool.wait_ready(90), small_pool.status()
    return small_pool


def test_instance_is_recycled_after_the_configured_number_of_conversions(ready_pool, sample_docx):
    first = ready_pool.status()["instances"][0]
    for _ in range(2 - first["conversions"]):
        ready_pool.convert(sample_docx)

    assert wait_for(lambda: pool_recovered(ready_pool, {first["pid"]}), 60), ready_pool.status()
    assert not is_running(first["pid"])
    second = ready_pool.status()["instances"][0]
    assert second["restarts"] == first["restarts"] + 1
    assert second["conversions"] == 0
    assert_sample_pdf(ready_pool.convert(sample_docx))


def test_idle_instance_whose_soffice_dies_is_restarted(ready_pool, sample_docx):
    victim = ready_pool.status()["instances"][0]
    os.kill(soffice_of(victim["pid"]), signal.SIGKILL)

    assert wait_for(lambda: pool_recovered(ready_pool, {victim["pid"]}), 60), ready_pool.status()
    assert "exited" in ready_pool.status()["instances"][0]["last_error"]
    assert_sample_pdf(ready_pool.convert(sample_docx))


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

        pool.close()

        assert not processes_mentioning(str(workdir))
        assert not any(is_running(pid) for pid in pids)
        assert not workdir.exists()
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


def test_servers_die_with_a_service_killed_by_sigkill():
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
    finally:
        service.kill()
        service.wait()
        service.stdout.close()
        if workdir:
            kill_processes_mentioning(workdir)
            # Nobody was left to clean up after the SIGKILL.
            shutil.rmtree(workdir, ignore_errors=True)
