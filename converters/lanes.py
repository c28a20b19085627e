"""The lanes of LibreOffice instances: the service's own documents made into
PDFs, and uploads (.doc, .odt, .rtf) made into DOCX, each behind a
dispatcher of its own when uploads have instances of their own."""

from __future__ import annotations

from dataclasses import dataclass

PDF, UPLOADS = "pdf", "docx"  # named by the target they convert to


@dataclass(frozen=True)
class UploadLane:
    """Instances of their own for uploads (.doc, .odt, .rtf → .docx).

    A hostile file then never holds an instance that PDF rendering needs; it
    has its own, shorter deadline and queue, a lower CPU priority than the
    PDF instances and, for local instances, an address space cap.
    """

    size: int = 1
    timeout: float = 15.0
    queue_limit: int | None = None
    queue_wait: float | None = None
    nice: int = 10
    memory_limit: int | None = 2048 * 1024 * 1024  # bytes; LibreOffice itself maps about 900 MB
