"""The converter interface and the errors every backend raises.

The errors build on the ones every supervisor here shares
(``workers.supervision``): ``str(exc)`` (also ``exc.message``) is a
Vietnamese sentence that the web layer may show to the end user as is,
``exc.detail`` an English technical explanation meant for logs and status,
``exc.code`` the stable code of the API's answer.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from workers.supervision import SupervisedError, TimedOut, Unavailable


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


class ConversionError(SupervisedError):
    """Base of all conversion errors."""

    code = "conversion_failed"


class ConversionUnavailable(Unavailable, ConversionError):
    """No conversion capacity right now; the caller should answer 503.

    ``retry_after`` is the number of seconds worth putting in Retry-After.
    """

    code = "conversion_unavailable"


class ConversionFailed(ConversionError):
    """The document could not be converted, even after one retry."""


class ConversionTimeout(TimedOut, ConversionFailed):
    """One conversion attempt exceeded its timeout and was cut.

    It is a ConversionFailed because the wait in the queue is bounded
    separately (and reported as ConversionUnavailable): a timeout therefore
    means that this document kept LibreOffice busy too long, and it is not
    retried, since it would most likely stall a second instance as well.
    """

    code = "conversion_timeout"
