"""Documents of every kind typed the way offices type them, on the plans'
clerk documents (``clerk_documents.ClerkDocument``: header and signature
in tables or typed columns, labels typed as text, direct formatting): the
type line (none in a công văn, whose "V/v …" stands under the number in the
header's left cell), "Kính gửi:" on one line or as a list, a decision's
authority in capitals, "QUYẾT ĐỊNH:", "Điều 1." with its label bold and
clauses typed "1.", an invitation's lines, and "- Như trên;" ("- Như
Điều 3;") typed first under "Nơi nhận:"."""

from __future__ import annotations

from generators import front_matter
from generators.kinds import renderer
from nd30.kinds import kind_of, type_name
from nd30.vietnamese import upper
from nd30.wording import DECIDES, LETTER_SUMMARY
from schemas import load_plan

from .clerk_documents import MOTTO, NATIONAL_TITLE, ClerkDocument, Shape


class ClerkKindDocument(ClerkDocument):
    def build(self, document_json: dict) -> bytes:
        return self.write(typed_body(load_plan(document_json)))

    def front(self, plan: dict) -> None:
        name = type_name(plan)
        if name:
            self.line(name.upper(), bold=True, center=True)
            self.line(plan["summary"], bold=True, center=True)
        if kind_of(plan) == "quyet_dinh":
            self.line(upper(plan["authority"]), bold=True, center=True)
            for text in front_matter.legal_bases(front_matter.legal_basis_texts(plan)):
                self.line(text, italic=True)
            self.line(DECIDES, bold=True, center=True)
        names = plan.get("addressees") or []
        if len(names) == 1:
            self.line(f"Kính gửi: {names[0]}", center=True)
        elif names:
            self.line("Kính gửi:", center=True)
            for line in front_matter.addressee_lines(names):
                self.line(f"- {line}")

    def block(self, block: dict, depth: int) -> None:
        if block["type"] == "article":
            self.article(block)
        elif block["type"] == "clauses":
            for number, item in enumerate(block["items"], start=1):
                self.line(item["text"], label=f"{number}.")
                self.children(item["content"], depth)
        else:
            super().block(block, depth)

    def article(self, block: dict) -> None:
        self.number_of_articles = getattr(self, "number_of_articles", 0) + 1
        label = f"Điều {self.number_of_articles}."
        content = block["content"]
        if block["heading"]:
            self.line(block["heading"], bold=True, label=label)
        else:
            paragraph = self.document.add_paragraph()
            paragraph.add_run(label + " ").bold = True
            self.runs(paragraph, content[0]["text"])
            content = content[1:]
        self.children(content, 1)

    def header(self, plan: dict) -> None:
        if kind_of(plan) != "cong_van" or self.shape.header != "table":
            super().header(plan)
            return
        # "V/v …" in the left cell of a row of its own under the number, as many offices type it.
        issuer = [(line, True) for line in front_matter.issuer_lines(plan["issuer"]["name"])]
        number = f"Số: {plan['number']:02d}/{front_matter.symbol(plan)}"
        self.table([(issuer, [(NATIONAL_TITLE, True), (MOTTO, True)]),
                    ([(number, False)], [(front_matter.place_date(plan), False)]),
                    (self.under_number(plan), [])])

    def under_number(self, plan: dict) -> list[tuple[str, bool]]:
        return [(f"{LETTER_SUMMARY} {plan['summary']}", False)] if kind_of(plan) == "cong_van" else []

    def first_recipients(self, plan: dict) -> list[dict]:
        first = renderer(kind_of(plan)).first_recipient(plan)
        return [{"name": first}] if first else []


def typed_body(plan: dict) -> dict:
    """What a kind's document shows as its body: an invitation's lines and notes."""
    if kind_of(plan) == "giay_moi":
        return {**plan, "body": renderer("giay_moi").body_blocks(plan), "closing": None, "appendices": []}
    if kind_of(plan) == "quyet_dinh":
        return {**plan, "closing": None, "appendices": []}
    return plan


def clerk_kind_document(document_json: dict, shape: Shape = Shape()) -> ClerkKindDocument:
    document = ClerkKindDocument(shape)
    document.data = document.build(document_json)
    return document
