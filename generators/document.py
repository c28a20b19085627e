"""The rendering every document kind shares: its Word template filled by
docxtpl with the kind's fields, the body spliced in, footnotes written and
the file's properties set from the document (not the template's).

A kind (``generators.kinds``) subclasses ``DocumentKind`` and names its
template; by default the template gets the fields every kind shares
(``front_matter.context``), the body is the document's ``body`` and
``closing``, measured layout is applied to the header, and the appendices
follow, each in its own section. A kind overrides what differs: the first
line under "Nơi nhận:", the blocks of its body, fields of its own, what
follows the body.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE

from nd30.kinds import citation
from nd30.markup import plain
from nd30.vietnamese import issuer_lines
from nd30.wording import AS_ABOVE, names_its_addressees

from . import front_matter
from .appendix import AppendixWriter, text_width
from .body import BodyWriter
from .front_matter import Properties
from .header_fit import fit_header
from .rules import draw_rules
from .template_engine import JINJA, Placeholder, PlanTemplate
from .wordml import Footnotes

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates_docx"
PROPERTY_LENGTH = 255


class DocumentKind:
    """Renders documents of one kind with one template, read from disk once."""

    name = ""
    template_name = ""

    def __init__(self, template: Path | None = None):
        self.template_path = template or TEMPLATES_DIR / self.template_name
        self.template_bytes = self.template_path.read_bytes()

    def render(self, document: dict) -> bytes:
        """The .docx bytes of a document already validated by ``schemas``."""
        footnotes = Footnotes()
        template = self.fill(document, footnotes)
        word = template.docx  # not get_docx(): after rendering it reloads the template
        footnotes.write_to(word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES))
        _set_properties(word, self.properties(document))
        output = io.BytesIO()
        template.save(output)
        return output.getvalue()

    def fill(self, document: dict, footnotes: Footnotes) -> PlanTemplate:
        """The template filled with the document, its footnotes collected in
        ``footnotes`` (written by whoever saves the file: a document may be
        filled into another one, as the plan a decision issues)."""
        template = PlanTemplate(io.BytesIO(self.template_bytes))
        word = template.get_docx()
        context = self.context(document, footnotes)
        body = Placeholder()
        context["body"] = body.value
        template.render(context, jinja_env=JINJA, autoescape=True)
        body_xml = self.compose(word, document, BodyWriter(footnotes))
        # Last, so that python-docx's walks in compose only see the front matter.
        body.splice(word.element.body, body_xml)
        return template

    def context(self, document: dict, footnotes: Footnotes) -> dict:
        """The template's fields but the body."""
        return front_matter.context(document, footnotes, self.first_recipient(document))

    def first_recipient(self, document: dict) -> str | None:
        """The line printed first under "Nơi nhận:", if any: "Như trên" under
        a document that names its addressees above (a decision's differs)."""
        return AS_ABOVE if names_its_addressees(document) else None

    def body_blocks(self, document: dict) -> list[dict]:
        return document["body"]

    def compose(self, word, document: dict, writer: BodyWriter) -> str:
        """Lays out the rendered template (``word``, python-docx) where it
        must be measured, appends what follows the body, and returns the
        body's XML (written with ``writer``, whose footnotes number in order)."""
        fit_header(word)
        writer.text_width = text_width(word.sections[0])
        # Before what follows it: footnotes number in order.
        body_xml = writer.body(self.body_blocks(document), document.get("closing"))
        draw_rules(word, issuer_lines(document["issuer"]["name"]), plain(document["summary"]))
        self.append(word, document, writer)
        return body_xml

    def append(self, word, document: dict, writer: BodyWriter) -> None:
        """What follows the signature block: the appendices."""
        appendices = document.get("appendices")
        if appendices:
            AppendixWriter(word, writer, self.appendix_reference(document)).write(appendices)

    def signature_blocks(self, document: dict) -> int:
        """How many signature blocks the file prints (the main document's first)."""
        return 1

    def printed_appendices(self, document: dict) -> list[dict]:
        """The appendices ``append`` prints, in order: the file's last sections."""
        return document.get("appendices") or []

    def appendix_reference(self, document: dict) -> str:
        """The document as its appendices name it: "(Kèm theo …)"."""
        return citation(document)

    def properties(self, document: dict) -> Properties:
        return front_matter.properties(document)


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
