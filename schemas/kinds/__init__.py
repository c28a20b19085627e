"""Document kinds: one module per kind, each registering the schema of the
whole document under the kind's name. "Kế hoạch" (``ke_hoach``) is the
first; adding a kind means adding a module here, a template in
``templates_docx/``, its generator in ``generators/kinds/`` and its reader
in ``recognizer/kinds/`` (docs/architecture.md)."""

from __future__ import annotations

import importlib
import pkgutil

from ..base import StrictSchema

KINDS: dict[str, "DocumentSchema"] = {}


class DocumentSchema(StrictSchema):
    """The schema of a whole document of one kind (``kind_name``)."""

    kind_name: str = ""


def register(schema_class: type[DocumentSchema]) -> type[DocumentSchema]:
    KINDS[schema_class.kind_name] = schema_class()
    return schema_class


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
