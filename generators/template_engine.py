"""docxtpl, with the work that is the same for every plan done once.

docxtpl re-cleans the template's XML with regexes and recompiles it with
Jinja on every render. The template does not change between plans, so both
results are cached per source text (docxtpl 0.20, pinned in requirements).
"""

from __future__ import annotations

from functools import lru_cache

from docxtpl import DocxTemplate
from jinja2 import Environment


class CachingEnvironment(Environment):
    @lru_cache(maxsize=32)
    def from_string(self, source, *args, **kwargs):
        return super().from_string(source, *args, **kwargs)


@lru_cache(maxsize=32)
def _patched_xml(source: str) -> str:
    return DocxTemplate.patch_xml(None, source)  # a pure function of its input


class PlanTemplate(DocxTemplate):
    def patch_xml(self, src_xml):
        return _patched_xml(src_xml)

    def resolve_listing(self, xml):
        # docxtpl turns \t \n \a \f in values into Word breaks; the schema
        # refuses those characters, so there is nothing to resolve.
        return xml


JINJA = CachingEnvironment(autoescape=True)
