"""/validate accepts a plan exactly when /render makes a document of it.

Plans are fuzzed from the valid-plan strategy and the examples, then pushed
towards the edges where the two once disagreed (issue 11): figures near and
past the limits, rates over tiny or cancelling denominators, nested
footnotes, backslashes, deep nesting, whole-plan caps."""

from __future__ import annotations

import copy
import json

from hypothesis import given
from hypothesis import strategies as st

from schemas import limits

from . import strategies as S
from .profiles import fuzz_settings

FIGURES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1e-6),
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, 1, 1e12, 1e12 + 1, 1e15, 1e22, 1e300, 5e-324, 0.30000000000000004, "1e30", "12", "-1"]),
)
TEXTS = st.sampled_from([
    "x^[a^[b]]", "^[^[^[c]]]", "a\\", "\\\\*", "C:\\Dữ liệu\\a", "\\_\\.\\#", "*" * 3000, "^[" * 1000, "x^[a]" * 600,
    "*a" * 3000,
])


def _rate_table(values: list[dict]) -> dict:
    columns = [{"key": "a", "header": "A"}, {"key": "b", "header": "B"},
               {"key": "d", "header": "D", "kind": "difference", "of": ["a", "b"]},
               {"key": "r", "header": "R", "kind": "rate", "of": ["a", "d"]}]
    return {"title": "Bảng", "table": {"columns": columns, "rows": [
        {"label": f"Dòng {index}", "values": row} for index, row in enumerate(values)]}}


@st.composite
def edge_plans(draw):
    plan = copy.deepcopy(draw(st.one_of(S.plans(), st.sampled_from(list(S.example_plans().values())))))
    edge = draw(st.sampled_from(["figures", "text", "nesting", "many", "target"]))
    if edge == "figures":
        rows = draw(st.lists(st.fixed_dictionaries({"a": FIGURES, "b": FIGURES}), min_size=1, max_size=3))
        plan.setdefault("appendices", []).append(_rate_table(rows))
    elif edge == "text":
        plan.setdefault("body", []).extend({"type": "paragraph", "text": draw(TEXTS)} for _ in range(draw(st.integers(1, 8))))
    elif edge == "nesting":
        node = {"type": "paragraph", "text": "Nội dung"}
        for _ in range(draw(st.integers(1, 30))):
            node = {"type": "section", "heading": "Mục", "content": [node]}
        plan.setdefault("body", []).append(node)
    elif edge == "many":
        count = draw(st.sampled_from([limits.FOOTNOTES_TOTAL, limits.FOOTNOTES_TOTAL + 1]))
        plan.setdefault("body", []).extend({"type": "paragraph", "text": "x^[a]" * 100} for _ in range(count // 100))
        plan["body"].append({"type": "paragraph", "text": "x^[a]" * (count % 100) or "x"})
    else:
        plan["body"] = [{"type": "targets", "specific": {"items": [{"text": "Chỉ tiêu", "value": draw(FIGURES)}]}}]
    return plan


@fuzz_settings("heavy")
@given(plan=edge_plans())
def test_validate_accepts_exactly_what_render_renders(docx_client, plan):
    body = json.dumps(plan, ensure_ascii=False).encode("utf-8")
    validated = docx_client.post("/validate", data=body, content_type="application/json")
    rendered = docx_client.post("/render", data=body, content_type="application/json")
    assert rendered.status_code < 500, rendered.get_data(as_text=True)[:500]
    assert validated.status_code < 500, validated.get_data(as_text=True)[:500]
    assert (validated.status_code == 200) == (rendered.status_code == 200), (
        validated.status_code, rendered.status_code, validated.get_data(as_text=True)[:300],
        rendered.get_data(as_text=True)[:300])
    if validated.status_code != 200:
        assert validated.get_json() == rendered.get_json()
