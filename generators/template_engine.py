"""docxtpl, with the work that is the same for every plan done once, and
only for the template's small fields.

docxtpl re-cleans the template's XML with regexes and recompiles it with
Jinja on every render. The template does not change between plans, so both
results are cached per source text (docxtpl 0.20, pinned in requirements).

docxtpl also re-parses and re-walks everything it rendered, in time that
grows faster than linearly with the document (a plan of 240,000 runs took
10 s). So large parts — the body, the appendices — never pass through it:
docxtpl renders a placeholder paragraph carrying a fresh token in their
place, and ``splice`` replaces that paragraph by the parsed content in one
linear pass.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docxtpl import DocxTemplate
from jinja2 import Environment

from .wordml import Markup, paragraph_xml, run_xml


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


class Placeholder:
    """A value for a template field that stands for block content spliced
    in after rendering. It is a whole paragraph, which suits a ``{{p x }}``
    field; in a ``{{ x }}`` or ``{{r x }}`` field it nests inside the
    field's paragraph, and ``splice`` replaces that outer paragraph."""

    def __init__(self):
        # A fresh token: no text a user typed can be mistaken for it.
        self.token = f"placeholder-{uuid.uuid4().hex}"
        self.value = Markup(paragraph_xml("Normal", run_xml(self.token)))

    def splice(self, body, fragments: str) -> None:
        """Replace the paragraph that holds the token, in the rendered
        ``body`` element, by the block elements (w:p, w:tbl) of ``fragments``."""
        target = self._paragraph(body)
        holder = parse_xml(f'<w:body {nsdecls("w")}>{fragments}</w:body>')
        parent = target.getparent()
        index = parent.index(target)
        parent[index:index + 1] = list(holder)

    def _paragraph(self, body):
        paragraph = qn("w:p")
        for text in body.iter(qn("w:t")):
            if text.text == self.token:
                outermost = None
                node = text
                while node is not None and node is not body:
                    if node.tag == paragraph:
                        outermost = node
                    node = node.getparent()
                return outermost
        raise LookupError(f"the template lost the field of a placeholder ({self.token})")
