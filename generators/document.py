"""Plan → .docx: fills the Word template with a validated plan."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Num

from . import front_matter
from .appendix import AppendixWriter
from .inline import plain
from .outline import BodyWriter
from .rules import draw_rules
from .styles import NUM_POINTS
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
        writer = BodyWriter(footnotes, _points_lists(document))
        context = front_matter.context(plan, footnotes)
        body = Placeholder()
        context["body"] = body.value
        template.render(context, jinja_env=JINJA, autoescape=True)
        body_xml = "".join(writer.blocks(plan["body"]))  # before the appendices: footnotes number in order
        draw_rules(document, front_matter.issuer_lines(plan["issuer"]["name"]), plain(plan["summary"]))
        AppendixWriter(document, writer, front_matter.attached_to(plan)).write(plan["appendices"])
        # Last, so that python-docx's walks above only see the front matter.
        body.splice(document.element.body, body_xml)
        footnotes.write_to(document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES))
        output = io.BytesIO()
        template.save(output)
        return output.getvalue()


def _points_lists(document):
    """A factory of fresh "a), b)" lists in the document, each restarting at a)."""
    numbering = document.part.numbering_part.element
    # python-docx's add_num searches every numId for a free one at each call
    # (quadratic in the lists of a plan): number on from the template's last.
    num_ids = itertools.count(max((num.numId for num in numbering.num_lst), default=0) + 1)
    # w:num elements follow the abstract ones and precede this optional element.
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))

    def new_list() -> int:
        num = CT_Num.new(next(num_ids), NUM_POINTS)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        if cleanup is None:
            numbering.append(num)
        else:
            cleanup.addprevious(num)
        return num.numId

    return new_list
