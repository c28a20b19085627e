"""The worker pool (workers/): renders and imports in worker processes, a job
past its deadline cut (504) and its worker replaced, a dead worker replaced and
the job retried, a full lane answered 503, a memory cap per worker, callbacks
into the service, recycling, closing and a killed service leaving nothing
behind, and a worker that cannot start failing the service's start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import create_app
from tests.converters.converter_checks import is_running, wait_for
from tests.plans import example
from workers import Job, JobTimeout, JobTooLarge, JobUnavailable, Lane, Messages, WorkerPool, WorkerStartError
from workers.jobs import render_lane

from .checks import reopen

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = Messages(busy="bận", timeout="quá {seconds:g} giây", too_large="quá lớn")


def job(name: str, *, timeout: float = 60.0, warm: str | None = None, retries: int = 1) -> Job:
    return Job(name, f"tests.robustness.worker_jobs:{name}", ("only",), timeout, MESSAGES, warm=warm, retries=retries)


def pool_of(*jobs: Job, size: int = 1, **lane) -> WorkerPool:
    return WorkerPool(jobs, {"only": Lane(size, queue_wait=lane.pop("queue_wait", 60.0), **lane)})


@pytest.fixture
def isolated_app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none", "RENDER_WORKERS": 2, "IMPORT_WORKERS": 1,
                      "RENDER_TIMEOUT": 60, "RENDER_QUEUE_WAIT": 60})
    yield app
    app.extensions["workers"].close()
    app.extensions["converter"].close()


def test_renders_and_imports_in_worker_processes(isolated_app):
    pool = isolated_app.extensions["workers"]
    assert {lane["isolation"] for lane in pool.status()["lanes"].values()} == {"process"}
    assert len(pool.pids()) == 3 and os.getpid() not in pool.pids()
    client = isolated_app.test_client()
    response = client.post("/render", json=example("dai-lanh-2024"))
    assert response.status_code == 200
    reopen(response.data)
    imported = client.post("/import", data=response.data, content_type="application/octet-stream")
    assert imported.status_code == 200
    assert imported.get_json()["plan"]["summary"] == example("dai-lanh-2024")["summary"]


def test_render_past_its_deadline_is_504_and_its_worker_replaced():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none", "RENDER_WORKERS": 2,
                      "RENDER_TIMEOUT": 0.0005})  # no render of a real plan (pickling, rendering, zipping) is this fast
    try:
        pool = app.extensions["workers"]
        before = pool.pids()
        response = app.test_client().post("/render", json=example("dai-lanh-2024"))
        assert response.status_code == 504
        assert response.get_json()["code"] == "render_timeout"
        after = pool.pids()
        assert len(after) == len(before) and after != before
    finally:
        app.extensions["workers"].close()


def test_a_job_that_never_ends_is_cut_and_the_next_one_runs_on_a_fresh_worker():
    pool = pool_of(job("block", timeout=1.0), job("pid"))
    try:
        first = pool.run("pid")
        with pytest.raises(JobTimeout) as raised:
            pool.run("block")
        assert raised.value.code == "block_timeout" and raised.value.seconds == 1.0
        assert not is_running(first)
        assert pool.run("pid") != first
    finally:
        pool.close()


def test_killed_workers_are_replaced_and_the_render_retried(isolated_app):
    pool = isolated_app.extensions["workers"]
    for pid in pool.pids():
        os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: sum(lane["workers"] for lane in pool.status()["lanes"].values()) == 0, 30)
    response = isolated_app.test_client().post("/render", json=example("minimal"))
    assert response.status_code == 200
    reopen(response.data)


def test_a_busy_lane_answers_503_after_its_queue_wait():
    pool = pool_of(job("block", timeout=60.0), job("echo"), queue_wait=0.2)
    blocked = threading.Thread(target=lambda: pytest.raises(JobUnavailable, pool.run, "block"), daemon=True)
    try:
        blocked.start()
        assert wait_for(lambda: pool.status()["lanes"]["only"]["idle"] == 0, 30)
        with pytest.raises(JobUnavailable) as raised:
            pool.run("echo", 1)
        assert raised.value.code == "echo_unavailable" and raised.value.retry_after >= 1
    finally:
        pool.close()  # ends the blocked job: its caller gets JobUnavailable
        blocked.join(30)


def test_every_render_worker_busy_is_a_503_with_retry_after(isolated_app, monkeypatch):
    from workers import pool as pool_module

    def busy(self, lane, job):
        raise JobUnavailable(job.messages.busy, retry_after=5, code=f"{job.name}_unavailable")

    monkeypatch.setattr(pool_module.WorkerPool, "_lease", busy)
    response = isolated_app.test_client().post("/render", json=example("minimal"))
    assert response.status_code == 503
    assert response.get_json()["code"] == "render_unavailable"
    assert int(response.headers["Retry-After"]) >= 1


def test_heavy_plans_have_workers_of_their_own(isolated_app):
    from schemas import load_plan

    heavy = {**example("minimal"), "body": [{"type": "paragraph", "text": "*a" * 2500}]}
    assert render_lane(load_plan(heavy)) == "heavy"
    assert render_lane(load_plan(example("dai-lanh-2024"))) == "light"
    assert isolated_app.test_client().post("/render", json=heavy).status_code == 200


def test_a_job_over_the_memory_cap_is_refused_and_its_worker_replaced():
    pool = pool_of(job("allocate"), job("pid"), memory_limit=300 * 1024 * 1024)
    try:
        first = pool.run("pid")
        assert pool.run("allocate", 20) == 20 * 1024 * 1024
        with pytest.raises(JobTooLarge) as raised:
            pool.run("allocate", 400)
        assert raised.value.code == "allocate_too_large"
        assert pool.run("pid") != first
    finally:
        pool.close()


def test_callbacks_run_in_the_service_and_their_errors_reach_the_caller():
    pool = pool_of(job("convert_twice"), job("pid"))
    try:
        calls = []

        def convert(data):
            calls.append(threading.get_ident())
            return data.upper()

        assert pool.run("convert_twice", b"x", callbacks={"convert": convert}) == [b"X", b"X!"]
        assert calls == [threading.get_ident()] * 2
        worker = pool.run("pid")

        def refuse(data):
            raise LookupError("refused in the service")

        with pytest.raises(LookupError, match="refused in the service"):
            pool.run("convert_twice", b"x", callbacks={"convert": refuse})
        assert pool.run("pid") == worker  # the worker stopped the job and stays in service
    finally:
        pool.close()


def test_workers_are_recycled_after_their_number_of_jobs():
    pool = pool_of(job("pid"), recycle_after=2)
    try:
        first, again, fresh = pool.run("pid"), pool.run("pid"), pool.run("pid")
        assert first == again != fresh
        assert pool.status()["lanes"]["only"]["restarts"] == 1
    finally:
        pool.close()


def test_a_worker_that_cannot_start_fails_the_pool_at_once():
    with pytest.raises(WorkerStartError, match="exited with code 7 before it was ready"):
        pool_of(job("pid", warm="tests.robustness.worker_jobs:exit_at_start"))


def test_close_stops_every_worker(isolated_app):
    pool = isolated_app.extensions["workers"]
    pids = pool.pids()
    pool.close()
    assert wait_for(lambda: not any(is_running(pid) for pid in pids), 30)


def test_tests_run_jobs_in_process_by_default(app):
    lanes = app.extensions["workers"].status()["lanes"]
    assert {lane["isolation"] for lane in lanes.values()} == {"inline"}


UNGUARDED_SCRIPT = """
import json
from app import create_app
app = create_app({"TESTING": True, "PDF_BACKEND": "none", "RENDER_WORKERS": 2})
plan = json.load(open("examples/minimal.json"))
print(app.test_client().post("/render", json=plan).status_code, flush=True)
app.extensions["workers"].close()
"""


def test_an_app_created_by_a_script_without_a_main_guard_renders(tmp_path):
    script = tmp_path / "make_app.py"
    script.write_text(UNGUARDED_SCRIPT)
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["200"]


KILLED_SERVICE = """
import os, signal
from tests.robustness.test_worker_pool import job, pool_of
pool = pool_of(job("pid"), job("block"), size=2)
print(" ".join(str(pid) for pid in pool.pids()), flush=True)
import threading
threading.Thread(target=pool.run, args=("block",), daemon=True).start()
import time
while pool.status()["lanes"]["only"]["idle"] != 1:
    time.sleep(0.01)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_of_a_killed_service_exit_even_mid_job_and_leave_nothing_in_tmp(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", KILLED_SERVICE], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    pids = [int(pid) for pid in result.stdout.split()]
    assert len(pids) == 2
    assert wait_for(lambda: not any(is_running(pid) for pid in pids), 30)
    assert list(tmp_path.iterdir()) == []
