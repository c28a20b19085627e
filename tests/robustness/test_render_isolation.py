"""Rendering in worker processes (render_pool.py): a render past its deadline
is cut and answered 504, a dead worker is replaced, a full pool answers 503,
and closing leaves no worker behind."""

from __future__ import annotations

import os
import signal

import pytest

from app import create_app
from tests.converters.converter_checks import wait_for
from tests.plans import example

from .checks import reopen


@pytest.fixture
def isolated_app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none", "RENDER_WORKERS": 2, "RENDER_TIMEOUT": 60,
                      "RENDER_QUEUE_WAIT": 60})
    yield app
    app.extensions["renderer"].close()
    app.extensions["converter"].close()


def worker_pids(pool) -> set[int]:
    return {worker.process.pid for worker in pool._workers}


def test_renders_in_worker_processes(isolated_app):
    pool = isolated_app.extensions["renderer"]
    assert pool.status()["isolation"] == "process"
    assert os.getpid() not in worker_pids(pool)
    response = isolated_app.test_client().post("/render", json=example("dai-lanh-2024"))
    assert response.status_code == 200
    reopen(response.data)


def test_render_past_its_deadline_is_504_and_its_worker_replaced(isolated_app):
    pool = isolated_app.extensions["renderer"]
    before = worker_pids(pool)
    pool.timeout = 0.0005  # no render of a real plan (pickling, rendering, zipping) is this fast
    response = isolated_app.test_client().post("/render", json=example("dai-lanh-2024"))
    assert response.status_code == 504
    assert response.get_json()["code"] == "render_timeout"
    after = worker_pids(pool)
    assert len(after) == 2 and after != before
    pool.timeout = 60
    assert isolated_app.test_client().post("/render", json=example("minimal")).status_code == 200


def test_killed_worker_is_replaced_and_the_render_retried(isolated_app):
    pool = isolated_app.extensions["renderer"]
    for pid in worker_pids(pool):
        os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: pool.status()["workers"] == 0, 30)
    response = isolated_app.test_client().post("/render", json=example("minimal"))
    assert response.status_code == 200
    reopen(response.data)
    assert wait_for(lambda: pool.status()["workers"] >= 1, 30)


def test_every_worker_busy_past_the_queue_wait_is_503(isolated_app):
    pool = isolated_app.extensions["renderer"]
    pool.queue_wait = 0.01
    taken = [lane.idle.get_nowait() for lane in pool._lanes.values()]  # as if rendering
    try:
        response = isolated_app.test_client().post("/render", json=example("minimal"))
    finally:
        for worker, lane in zip(taken, pool._lanes.values()):
            lane.idle.put(worker)
    assert response.status_code == 503
    assert response.get_json()["code"] == "render_unavailable"
    assert int(response.headers["Retry-After"]) >= 1


def test_heavy_plans_have_workers_of_their_own(isolated_app):
    from schemas import load_plan
    from schemas.workload import is_heavy

    heavy = {**example("minimal"), "body": [{"type": "paragraph", "text": "*a" * 2500}]}
    assert is_heavy(load_plan(heavy)) and not is_heavy(load_plan(example("dai-lanh-2024")))
    pool = isolated_app.extensions["renderer"]
    assert pool._lane(load_plan(heavy)).name == "heavy"
    assert pool._lane(load_plan(example("dai-lanh-2024"))).name == "light"
    assert isolated_app.test_client().post("/render", json=heavy).status_code == 200


def test_close_stops_every_worker():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none", "RENDER_WORKERS": 2})
    pool = app.extensions["renderer"]
    processes = [worker.process for worker in pool._workers]
    pool.close()
    app.extensions["converter"].close()
    assert wait_for(lambda: not any(process.is_alive() for process in processes), 30)


def test_tests_render_in_process_by_default(app):
    assert app.extensions["renderer"].status() == {"isolation": "inline"}


KILLED_SERVICE = """
import json, os, signal, sys
from render_pool import RenderPool
from schemas import load_plan
pool = RenderPool(1, 1, timeout=60, queue_wait=60)
pool.render(load_plan(json.load(open("examples/minimal.json"))))
print(" ".join(str(worker.process.pid) for worker in pool._workers), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_of_a_killed_service_exit_and_leave_nothing_in_tmp(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", KILLED_SERVICE], cwd=root, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    pids = [int(pid) for pid in result.stdout.split()]
    assert len(pids) == 2

    def gone(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    assert wait_for(lambda: all(gone(pid) for pid in pids), 30)
    assert list(tmp_path.iterdir()) == []
