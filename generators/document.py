"""Plan → .docx: fills the Word template with a validated plan."""

from __future__ import annotations

import io
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE

from nd30.markup import plain

from . import front_matter
from .appendix import AppendixWriter
from .header_fit import fit_header
from .outline import BodyWriter
from .rules import draw_rules
from .template_engine import JINJA, Placeholder, PlanTemplate
from .wordml import Footnotes

TEMPLATE = Path(__file__).resolve().parent.parent / "templates_docx" / "ke-hoach.docx"


class PlanDocument:
    """Renders plans with one template, read from disk once."""

    def __init__(self, template: Path = TEMPLATE):
        self.template_path = template
        self.template_bytes = template.read_bytes()

    def render(self, plan: dict) -> bytes:
        """The .docx bytes of a plan already validated by ``schemas.load_plan``."""
        template = PlanTemplate(io.BytesIO(self.template_bytes))
        document = template.get_docx()
        footnotes = Footnotes()
        writer = BodyWriter(footnotes)
        context = front_matter.context(plan, footnotes)
        body = Placeholder()
        context["body"] = body.value
        template.render(context, jinja_env=JINJA, autoescape=True)
        fit_header(document)
        body_xml = writer.body(plan["body"], plan["closing"])  # before the appendices: footnotes number in order
        draw_rules(document, front_matter.issuer_lines(plan["issuer"]["name"]), plain(plan["summary"]))
        AppendixWriter(document, writer, front_matter.attached_to(plan)).write(plan["appendices"])
        # Last, so that python-docx's walks above only see the front matter.
        body.splice(document.element.body, body_xml)
        footnotes.write_to(document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES))
        output = io.BytesIO()
        template.save(output)
        return output.getvalue()

