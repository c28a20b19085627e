"""The rendering every document kind shares: its Word template filled by
docxtpl with the kind's fields, the body spliced in, footnotes written and
the file's properties set from the document (not the template's).

A kind (``generators.kinds``) subclasses ``DocumentKind``: it names its
template and gives the template's fields, composes what docxtpl does not
write (body, appendices, measured layout) and the file's properties.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE

from .body import BodyWriter
from .template_engine import JINJA, Placeholder, PlanTemplate
from .wordml import Footnotes

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates_docx"
PROPERTY_LENGTH = 255


@dataclass(frozen=True)
class Properties:
    """What Word shows in File → Info: the document's, not the template's."""

    title: str
    subject: str
    author: str
    keywords: str = ""
    category: str = ""


class DocumentKind:
    """Renders documents of one kind with one template, read from disk once."""

    name = ""
    template_name = ""

    def __init__(self, template: Path | None = None):
        self.template_path = template or TEMPLATES_DIR / self.template_name
        self.template_bytes = self.template_path.read_bytes()

    def render(self, document: dict) -> bytes:
        """The .docx bytes of a document already validated by ``schemas``."""
        template = PlanTemplate(io.BytesIO(self.template_bytes))
        word = template.get_docx()
        footnotes = Footnotes()
        context = self.context(document, footnotes)
        body = Placeholder()
        context["body"] = body.value
        template.render(context, jinja_env=JINJA, autoescape=True)
        body_xml = self.compose(word, document, BodyWriter(footnotes))
        # Last, so that python-docx's walks in compose only see the front matter.
        body.splice(word.element.body, body_xml)
        footnotes.write_to(word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES))
        _set_properties(word, self.properties(document))
        output = io.BytesIO()
        template.save(output)
        return output.getvalue()

    def context(self, document: dict, footnotes: Footnotes) -> dict:
        """The template's fields but the body."""
        raise NotImplementedError

    def compose(self, word, document: dict, writer: BodyWriter) -> str:
        """Lays out the rendered template (``word``, python-docx) where it
        must be measured, appends what follows the body, and returns the
        body's XML (written with ``writer``, whose footnotes number in order)."""
        raise NotImplementedError

    def properties(self, document: dict) -> Properties:
        raise NotImplementedError


def _set_properties(word, properties: Properties) -> None:
    core = word.core_properties
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    core.title = _fit(properties.title)
    core.subject = _fit(properties.subject)
    core.author = core.last_modified_by = _fit(properties.author)
    core.keywords = _fit(properties.keywords)
    core.category = _fit(properties.category)
    core.comments = ""
    core.created = core.modified = now
    core.revision = 1


def _fit(text: str) -> str:
    """Word keeps a property to 255 characters; the document keeps it whole."""
    return text if len(text) <= PROPERTY_LENGTH else text[: PROPERTY_LENGTH - 1] + "…"
