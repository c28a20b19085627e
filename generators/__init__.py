"""Document generators: validated plan → Word (.docx)."""

from functools import lru_cache

from .document import PlanDocument


@lru_cache(maxsize=1)
def default_renderer() -> PlanDocument:
    return PlanDocument()


def render_docx(plan: dict) -> bytes:
    """The .docx bytes of a plan validated by ``schemas.load_plan``."""
    return default_renderer().render(plan)


__all__ = ["PlanDocument", "render_docx"]
