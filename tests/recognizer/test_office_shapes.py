"""Plans typed in every shape offices use (tests/recognizer/clerk_documents.py)
come back with the right fields — the signatory's lines, the archive, the
summary, the draft mark — the same outline, and at least 99 % of their words
(the coverage figure, which here reaches 100 %)."""

from __future__ import annotations

import json
import re

import pytest

from recognizer import recognize
from schemas import load_plan
from tests.plans import SEEDS, example

from .canonical import canonical
from .clerk_documents import HEADERS, SIGNATURES, STYLES, Shape, clerk_document

FIELDS = ("draft_mark", "issuer", "document_type", "number", "symbol", "place", "date", "summary", "legal_bases",
          "lead_in", "closing", "recipients", "archive", "signatory")
SHAPES = ([Shape(header=header) for header in HEADERS] + [Shape(signature=signature) for signature in SIGNATURES]
          + [Shape(styles=styles) for styles in STYLES]
          + [Shape(draft_box=True), Shape(footnotes=True), Shape(word_numbering=True), Shape(tab=False, word_bullets=False)])


def without_footnotes(plan: dict) -> dict:
    return json.loads(re.sub(r"\^\[[^\]]*\]", "", json.dumps(plan, ensure_ascii=False)))


def shape_id(shape: Shape) -> str:
    changed = {key: value for key, value in vars(shape).items() if value != getattr(Shape(), key)}
    return "-".join(f"{key}={value}" for key, value in changed.items()) or "default"


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_shape_comes_back_with_its_fields_and_words(name, shape):
    plan = example(name)
    if shape.draft_box:
        plan = {**plan, "draft_mark": "Dự thảo"}
    expected = plan if shape.footnotes else without_footnotes(plan)
    result = recognize(clerk_document(plan, shape).data)
    coverage = result["coverage"]
    assert coverage["share"] >= 0.99 and coverage["places"] == [], coverage["places"]
    imported, wanted = load_plan(result["plan"]), load_plan(expected)
    assert {field: imported[field] for field in FIELDS} == {field: wanted[field] for field in FIELDS}
    assert canonical(result["plan"])["body"] == canonical(expected)["body"]
    assert [w["code"] for w in result["warnings"]] == []
