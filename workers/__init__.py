"""CPU-bound jobs (rendering, reading uploads) in supervised worker processes.

    pool = workers.jobs.pool_from_config(app.config)   # every worker ready, or WorkerStartError
    docx = pool.run("render", plan)            # JobUnavailable 503, JobTimeout 504, JobTooLarge 422
    found = pool.run("import", data, callbacks={"convert": to_docx})
    pool.status(); pool.close()

``workers.supervision`` holds what this pool shares with the LibreOffice
pool (``converters``): the waiting line, and the "retry after N s" and
"timed out" errors. The package knows no document: ``workers.jobs`` (the
render and import jobs, a layer above the generators and the recognizer)
is imported by the app, not from here.
"""

from .pool import (
    Job,
    JobTimeout,
    JobTooLarge,
    JobUnavailable,
    Lane,
    Messages,
    WorkerPool,
    WorkerStartError,
)
from .supervision import SupervisedError, TimedOut, Unavailable

__all__ = [
    "Job",
    "JobTimeout",
    "JobTooLarge",
    "JobUnavailable",
    "Lane",
    "Messages",
    "SupervisedError",
    "TimedOut",
    "Unavailable",
    "WorkerPool",
    "WorkerStartError",
]
