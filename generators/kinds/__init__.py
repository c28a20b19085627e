"""Document kinds: one module per kind, each registering its
``DocumentKind`` (template and composition) under the kind's name; "Kế
hoạch" (``ke_hoach``) is the first. A document names its kind in ``kind``
(a plan of ``schema_version`` 1 may leave it out). See docs/architecture.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ..document import DocumentKind

KINDS: dict[str, type[DocumentKind]] = {}


def register(kind: type[DocumentKind]) -> type[DocumentKind]:
    KINDS[kind.name] = kind
    return kind


@lru_cache(maxsize=None)
def renderer(name: str) -> DocumentKind:
    """The kind's renderer, its template read once per process."""
    return KINDS[name]()


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
