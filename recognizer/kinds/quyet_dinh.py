"""Quyết định (models 1.2, 1.3): detected by its type line, else by
"QUYẾT ĐỊNH:" and its articles or its symbol "QĐ-…" (a guess). Read on the
core: the enacting authority, the legal bases and the proposal ending them,
"QUYẾT ĐỊNH:", the articles with their clauses, recipients starting "- Như
Điều 3;"; a decision that issues a plan (a regulation …) printed with it in
one file has that document read as its ``attachment``, with its own type,
summary, body, closing and appendices."""

from __future__ import annotations

from typing import Iterator

from nd30.kinds import citation
from nd30.vietnamese import upper
from nd30.wording import DECIDES, ISSUED_WITH, PROPOSED_BY
from schemas.blocks.article import ARTICLE_CONTENT

from .. import blocks
from ..core.appendix import appendix_texts
from ..core.body import only
from ..core.decision import (
    authority_text,
    decision_regions,
    split_proposal,
    without_issued_with,
)
from ..core.detection import Signals
from ..core.document import foot, head, read_parts
from ..core.fields import PLACEHOLDERS, foot_texts, head_texts
from ..core.regions import find_regions
from ..coverage import Literal
from ..notes import Notes
from ..reading import Document
from . import Kind, Reading, fitted, register, type_score

NAME = "quyet_dinh"
BY_ARTICLES = 0.7
AUTHORITY_PLACEHOLDER = "[Thẩm quyền ban hành]"


def detect(signals: Signals) -> float:
    score = type_score(NAME, signals)
    if signals.type_name is None and signals.articles:
        score = max(score, BY_ARTICLES)
    return score


def build(document: Document) -> Reading:
    notes = Notes()
    regions, authority, attached = decision_regions(document.items)
    parts = read_parts(document, notes, regions=regions, bases=True, articles=True, closing=False)
    decision = head(parts, notes, NAME)
    if authority is None:
        notes.warn("no_authority", path="authority")
    decision["authority"] = authority_text(authority) if authority is not None else AUTHORITY_PLACEHOLDER
    bases, proposed_by = split_proposal(decision.pop("legal_bases", []))
    if bases:
        decision["legal_bases"] = bases
    if proposed_by:
        decision["proposed_by"] = proposed_by
    extra = [{"type": "paragraph", "text": parts.front.lead_in}] if parts.front.lead_in else []
    decision["body"] = _articles(extra + parts.body, parts.closing, notes)
    foot_fields, article = foot(parts, notes, NAME)
    decision.update(foot_fields)
    if article is not None and article != len(decision["body"]) and article <= len(decision["body"]):
        decision["executing_article"] = article
    if attached:
        decision["attachment"] = _attachment(document, attached, notes)
    if parts.appendices:
        _place_appendices(decision, parts.appendices, notes)
    return fitted(decision, notes)


def _articles(found: list[dict], closing: str | None, notes: Notes) -> list[dict]:
    """Articles only: what stands before the first (or a closing a decision
    does not have) joins the article next to it; an article without content
    keeps its title as its text; no article at all: everything is Điều 1."""
    articles, waiting = [], []
    for block in found:
        if block["type"] == "article":
            block["content"] = waiting + only(ARTICLE_CONTENT, block["content"])
            waiting = []
            articles.append(block)
        else:
            waiting.extend(only(ARTICLE_CONTENT, [block]))
    if closing:
        waiting.append({"type": "paragraph", "text": closing})
    if not articles:
        if found:
            notes.warn("no_articles", path="body")
        articles.append({"type": "article", "content": []})
    articles[-1]["content"].extend(waiting)
    for article in articles:
        if not article["content"]:
            heading = article.pop("heading", None)
            article["content"] = [{"type": "paragraph", "text": heading or PLACEHOLDERS["summary"]}]
    return articles


def _place_appendices(decision: dict, appendices: list[dict], notes: Notes) -> None:
    """A decision holds no appendices of its own (model 1.2): they are its
    attachment's, or, without one, their texts close its last article."""
    if "attachment" in decision:
        decision["attachment"]["appendices"] = appendices + decision["attachment"].get("appendices", [])
        return
    notes.warn("moved_to_body", path="appendices")
    for appendix in appendices:
        texts = [appendix.get("label"), appendix["title"]]
        found = [{"type": "paragraph", "text": text} for text in texts if text]
        found += only(ARTICLE_CONTENT, appendix.get("content", []) + appendix.get("notes", []))
        decision["body"][-1]["content"].extend(found)


def _attachment(document: Document, items: list, notes: Notes) -> dict:
    """The document the decision issues, read as the plan it is (model 1.3):
    no number, date nor signatory of its own (the decision's)."""
    regions, _ = without_issued_with(find_regions(items))
    parts = read_parts(document, notes, regions=regions, bases=True, named_parts=True, attached=True)
    attachment: dict = {"document_type": parts.front.document_type or "Kế hoạch",
                        "summary": " ".join(parts.front.summary_lines) or PLACEHOLDERS["summary"]}
    if parts.front.lead_in:
        attachment["lead_in"] = parts.front.lead_in
    bases = [{"type": "paragraph", "text": basis} for basis in parts.front.legal_bases]
    attachment["body"] = bases + parts.body
    if parts.closing:
        attachment["closing"] = parts.closing
    if parts.appendices:
        attachment["appendices"] = parts.appendices
    return attachment


def shown(decision: dict) -> Iterator[str]:
    yield from head_texts(decision)
    yield Literal(upper(decision["authority"]))
    if decision["proposed_by"]:
        yield from (PROPOSED_BY, decision["proposed_by"])
    yield DECIDES
    yield from blocks.shown_texts(decision["body"])
    yield from foot_texts(decision)
    attachment = decision["attachment"]
    if attachment:
        yield from _attachment_texts(decision, attachment)


def _attachment_texts(decision: dict, attachment: dict) -> Iterator[str]:
    issued_by = citation(decision)
    yield from head_texts({**decision, "summary": attachment["summary"], "legal_bases": [], "draft_mark": None})
    yield from (attachment["document_type"], ISSUED_WITH, Literal(issued_by), attachment["lead_in"] or "")
    yield from blocks.shown_texts(attachment["body"])
    yield attachment["closing"] or ""
    yield from foot_texts({**decision, "recipients": [], "archive": [], "kind": None})
    yield from appendix_texts(attachment, f"{attachment['document_type']} {ISSUED_WITH.lower()} {issued_by}")


register(Kind(NAME, detect, build, shown))
