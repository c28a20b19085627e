"""The converter interface and the errors every backend raises.

Every error carries two texts: ``str(exc)`` (also ``exc.message``) is a
Vietnamese sentence that the web layer may show to the end user as is, while
``exc.detail`` is an English technical explanation meant for logs and status.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Converter(Protocol):
    """Turns a text document into PDF or DOCX bytes through LibreOffice."""

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        """Return ``document`` converted to ``to``.

        ``to="pdf"`` (or ``"pdfa"``, PDF/A-2b) takes a DOCX; ``to="docx"`` takes a .doc (Word 97-2003),
        .odt, .rtf or .docx, told apart by their signatures; anything else
        raises ConversionFailed. ``timeout`` bounds one conversion attempt in
        seconds (None: the backend's default). Raises ConversionUnavailable,
        ConversionFailed or ConversionTimeout.
        """
        ...

    def status(self) -> dict:
        """JSON-serialisable health snapshot of the backend."""
        ...

    def close(self) -> None:
        """Release every resource; no LibreOffice process survives it."""
        ...


class ConversionError(Exception):
    """Base of all conversion errors."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ConversionUnavailable(ConversionError):
    """No conversion capacity right now; the caller should answer 503.

    ``retry_after`` is the number of seconds worth putting in Retry-After.
    """

    def __init__(self, message: str, *, retry_after: int, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.retry_after = retry_after


class ConversionFailed(ConversionError):
    """The document could not be converted, even after one retry."""


class ConversionTimeout(ConversionFailed):
    """One conversion attempt exceeded its timeout and was cut.

    It is a ConversionFailed because the wait in the queue is bounded
    separately (and reported as ConversionUnavailable): a timeout therefore
    means that this document kept LibreOffice busy too long, and it is not
    retried, since it would most likely stall a second instance as well.
    """

    def __init__(self, message: str, *, seconds: float, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.seconds = seconds
