"""The converter used when PDF output is switched off (PDF_BACKEND=none)."""

from __future__ import annotations

from . import formats, messages
from .base import ConversionUnavailable

RETRY_AFTER_DISABLED = 3600


class DisabledConverter:
    backend = "none"

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        formats.target(to)  # an unknown format is a programming error, even here
        raise ConversionUnavailable(
            messages.PDF_DISABLED,
            retry_after=RETRY_AFTER_DISABLED,
            detail="PDF conversion is disabled (PDF_BACKEND=none)",
        )

    def status(self) -> dict:
        return {
            "backend": self.backend,
            "available": False,
            "error": "PDF conversion is disabled (PDF_BACKEND=none)",
            "size": 0,
            "ready": 0,
            "busy": 0,
            "queue": 0,
            "queue_limit": 0,
            "instances": [],
        }

    def close(self) -> None:
        """Nothing to release."""
