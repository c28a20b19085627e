"""The pool's folder in the temporary directory: made with an owner file,
removed with its instances' folders and IPC sockets, and swept by the next
pool when its owner died without removing it."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from .local_process import process_identity, remove_workdir

logger = logging.getLogger(__name__)

WORKDIR_PREFIX = "unoserver-pool-"
OWNER_FILE = "owner"  # process_identity() of the process that made the folder


def make_pool_dir() -> Path:
    """A new pool folder owned by this process (after sweeping abandoned ones)."""
    remove_abandoned_workdirs(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))
    (folder / OWNER_FILE).write_text(process_identity(os.getpid()))
    return folder


def remove_abandoned_workdirs(parent: Path) -> None:
    """Remove the pool folders (and IPC sockets) of processes that died without closing.

    A service killed with SIGKILL runs no atexit: its LibreOffice processes
    go (PR_SET_PDEATHSIG), their folders stay until the next pool starts.
    Folders without an owner file are being created, or not ours: left alone.
    """
    for folder in parent.glob(WORKDIR_PREFIX + "*"):
        try:
            owner = (folder / OWNER_FILE).read_text().strip()
            pid = int(owner.partition(":")[0])
        except (OSError, ValueError):
            continue
        if process_identity(pid) == owner:
            continue
        logger.info("Removing %s, left by process %d", folder, pid)
        remove_pool_dir(folder)


def remove_pool_dir(folder: Path) -> None:
    for instance_dir in folder.glob("instance-*"):
        remove_workdir(instance_dir)
    shutil.rmtree(folder, ignore_errors=True)
