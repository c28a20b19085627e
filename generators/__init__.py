"""Document generators: a validated document → Word (.docx), by its kind
(``generators.kinds``), its body's blocks each written by their own module
(``generators.blocks``)."""

from nd30.kinds import kind_of

from .kinds import KINDS, renderer
from .kinds.quyet_dinh import issued_document


def render_docx(document: dict) -> bytes:
    """The .docx bytes of a document validated by ``schemas.load_plan``."""
    return renderer(kind_of(document)).render(document)


def warm() -> None:
    """Read every kind's template now rather than at the first document."""
    for name in KINDS:
        renderer(name)


__all__ = ["issued_document", "render_docx", "warm"]
