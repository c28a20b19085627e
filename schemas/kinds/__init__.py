"""Document kinds: one module per kind, each registering the schema of the
whole document under the kind's name (``nd30.kinds``). "Kế hoạch"
(``ke_hoach``) is the first; adding a kind means adding a module here, a
template in ``templates_docx/``, its generator in ``generators/kinds/`` and
its reader in ``recognizer/kinds/`` (docs/architecture.md).

A document names its kind in ``kind``; without it, it is a plan.
"""

from __future__ import annotations

import importlib
import pkgutil

from nd30 import kinds as conventions

from ..document import DocumentSchema
from ..problems import Problem

KINDS: dict[str, DocumentSchema] = {}


def register(schema_class: type[DocumentSchema]) -> type[DocumentSchema]:
    KINDS[schema_class.kind_name] = schema_class()
    return schema_class


def schema_for(data) -> DocumentSchema | Problem:
    """The schema of the kind ``data`` names, or the problem with its ``kind``."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind is None:  # left out (a plan), or null: the plan's schema says so
        return KINDS[conventions.DEFAULT_KIND]
    if isinstance(kind, str) and kind in KINDS:
        return KINDS[kind]
    return Problem("invalid_choice", choices=", ".join(KINDS))


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
# In the order clerks meet them (nd30.kinds): /schema and the form list them so.
_ordered = sorted(KINDS.items(), key=lambda item: list(conventions.KINDS).index(item[0]))
KINDS.clear()
KINDS.update(_ordered)
