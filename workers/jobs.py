"""The service's CPU-bound jobs, and the worker pool that runs them, from configuration.

- ``render``: a validated plan → the .docx (light and heavy lanes: see
  ``schemas.workload.is_heavy``);
- ``import``: an uploaded file → the recognized plan, checked against the
  schema (its own lane, at a lower priority; the conversion of a .doc,
  .odt or .rtf is a callback that the service runs on its LibreOffice pool).

See README "Configuration" for the settings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .pool import Job, Lane, Messages, WorkerPool
from .settings import setting

RENDER_MESSAGES = Messages(
    busy="Máy chủ đang bận soạn các văn bản khác; hãy thử lại sau ít giây.",
    timeout="Soạn văn bản quá {seconds:g} giây nên đã bị dừng; hãy thử lại hoặc rút gọn kế hoạch.",
    too_large="Kế hoạch cần quá nhiều bộ nhớ để soạn; hãy rút gọn kế hoạch.",
)
IMPORT_MESSAGES = Messages(
    busy="Máy chủ đang bận đọc các tệp khác; hãy thử lại sau ít giây.",
    timeout="Đọc tệp quá {seconds:g} giây nên đã dừng; hãy mở tệp bằng Word, lưu lại thành .docx rồi gửi lại.",
    too_large="Tệp cần quá nhiều bộ nhớ để đọc; hãy bỏ bớt hình ảnh hoặc chia nhỏ văn bản rồi gửi lại.",
)

MEGABYTE = 1024 * 1024
# Address space of one worker: the service's code takes about 60 MB, the
# heaviest allowed plan or document a few hundred more (docs/performance.md).
DEFAULT_MEMORY_LIMIT_MB = 1024
DEFAULT_RECYCLE_AFTER = 500
# Uploads come from anyone: their workers yield the CPU to renders and PDFs.
IMPORT_NICE = 10
IMPORT_QUEUE_PER_WORKER = 4


def render_lane(plan: dict) -> str:
    from schemas.workload import is_heavy

    return "heavy" if is_heavy(plan) else "light"


def import_file(data: bytes, convert=None) -> dict:
    """Read an uploaded file: ``{"result": {"plan", "warnings", "fixes", …},
    "plan": the plan validated (defaults filled) or None, "errors": [...]}``.

    Raises ``recognizer.FileRefused`` for a file that is no readable Word
    document or that holds more than a plan may.
    """
    import recognizer
    from schemas import PlanInvalid, load_plan

    result = recognizer.recognize(data, convert)
    try:
        return {"result": result, "plan": load_plan(result["plan"]), "errors": []}
    except PlanInvalid as invalid:
        return {"result": result, "plan": None, "errors": invalid.errors}


def warm_import() -> None:
    """Import what reading a file needs, before the first upload."""
    import recognizer  # noqa: F401
    import schemas  # noqa: F401


def pool_from_config(config: Mapping) -> WorkerPool:
    """The service's pool. ``RENDER_WORKERS`` workers render (half light,
    half heavy, at least one each), ``IMPORT_WORKERS`` read uploads; 0 runs
    those jobs in the calling thread."""
    cpus = os.cpu_count() or 1
    render_workers = setting(config, "RENDER_WORKERS", int, cpus)
    import_workers = setting(config, "IMPORT_WORKERS", int, 1)
    memory_limit = setting(config, "WORKER_MEMORY_LIMIT", int, DEFAULT_MEMORY_LIMIT_MB, allow_zero=False) * MEGABYTE
    recycle_after = setting(config, "WORKER_RECYCLE_AFTER", int, DEFAULT_RECYCLE_AFTER) or None
    render_timeout = setting(config, "RENDER_TIMEOUT", float, 10.0, allow_zero=False)
    import_timeout = setting(config, "IMPORT_TIMEOUT", float, 20.0, allow_zero=False)
    render_lane_settings = {"queue_wait": setting(config, "RENDER_QUEUE_WAIT", float, render_timeout),
                            "memory_limit": memory_limit, "recycle_after": recycle_after}
    heavy = render_workers // 2
    lanes = {
        "light": Lane(max(1, render_workers - heavy) if render_workers else 0, **render_lane_settings),
        "heavy": Lane(max(1, heavy) if render_workers else 0, **render_lane_settings),
        "import": Lane(import_workers, queue_wait=setting(config, "IMPORT_QUEUE_WAIT", float, import_timeout),
                       queue_limit=setting(config, "IMPORT_QUEUE_LIMIT", int, IMPORT_QUEUE_PER_WORKER * import_workers),
                       memory_limit=memory_limit, nice=IMPORT_NICE, recycle_after=recycle_after),
    }  # fmt: skip
    jobs = [
        Job("render", "generators:render_docx", ("light", "heavy"), render_timeout, RENDER_MESSAGES,
            choose=render_lane, warm="generators:warm"),
        # A worker that dies reading an upload would die again on it: no retry.
        Job("import", "workers.jobs:import_file", ("import",), import_timeout, IMPORT_MESSAGES,
            warm="workers.jobs:warm_import", retries=0),
    ]  # fmt: skip
    return WorkerPool(jobs, lanes)
