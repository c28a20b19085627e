"""The whole-plan caps (schemas/workload.py): the heaviest plans they allow
validate, render and convert to PDF; one unit more is a 422 with its code."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from app import create_app
from bench.heavy import heavy_plans, worst_plan
from generators import render_docx
from schemas import PlanInvalid, limits, load_plan
from schemas.workload import table_cells, text_work

from .checks import reopen

HEAVY = heavy_plans()


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heaviest_allowed_plans_validate_and_render(name):
    plan = load_plan(HEAVY[name])
    reopen(render_docx(plan))


def test_worst_plan_is_at_every_cap():
    plan = load_plan(worst_plan())
    work = text_work(plan)
    assert work.footnotes == limits.FOOTNOTES_TOTAL
    assert limits.RUNS_TOTAL - 1_000 < work.runs <= limits.RUNS_TOTAL
    assert limits.CHARACTERS_TOTAL - 10_000 < work.characters <= limits.CHARACTERS_TOTAL
    assert limits.CELLS_TOTAL - limits.TABLE_COLUMNS < table_cells(plan) <= limits.CELLS_TOTAL


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "text": text}


def one_more(name: str) -> dict:
    """The heavy plan ``name`` with one unit more than its cap allows."""
    data = json.loads(json.dumps(HEAVY[name]))
    work = text_work(load_plan(HEAVY[name]))
    if name == "runs":
        data["body"].append(paragraph("x" + "*" * (limits.RUNS_TOTAL - work.runs)))  # a run for the text, one per "*"
    elif name == "footnotes":
        data["body"].append(paragraph("x^[a]"))
    elif name == "text":
        missing = limits.CHARACTERS_TOTAL - work.characters + 1
        data["body"] += [paragraph("x" * min(limits.PARAGRAPH, missing - start))
                         for start in range(0, missing, limits.PARAGRAPH)]
    elif name == "cells":
        missing = limits.CELLS_TOTAL - table_cells(load_plan(HEAVY[name])) + 1
        data["appendices"].append({"title": "Bảng thêm", "table": {
            "columns": [{"key": "a", "header": "A"}],
            "rows": [{"label": f"Dòng {i}", "values": {"a": i}} for i in range(missing)]}})
    return data


@pytest.mark.parametrize("name, code, path", [
    ("runs", "too_many_runs", ""),
    ("footnotes", "too_many_footnotes", ""),
    ("text", "too_much_text", ""),
    ("cells", "too_many_cells_in_plan", "appendices"),
])
def test_one_unit_over_a_cap_is_422_with_its_code(docx_client, name, code, path):
    with pytest.raises(PlanInvalid) as invalid:
        load_plan(one_more(name))
    assert [(error["path"], error["code"]) for error in invalid.value.errors] == [(path, code)]
    for endpoint in ("/validate", "/render"):
        response = docx_client.post(endpoint, data=json.dumps(one_more(name)), content_type="application/json")
        assert response.status_code == 422
        assert response.get_json()["errors"][0]["code"] == code


@pytest.fixture(scope="module")
def pdf_app():
    # The service's own timeout is 30 s; the worst plan converts in under 5 s on a quiet
    # 2-core machine (docs/performance.md). A busy CI machine may take many times that:
    # this test asserts that it converts, the benchmark reports how fast.
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_POOL_SIZE": 1, "PDF_TIMEOUT": 240})
    converter = app.extensions["converter"]
    assert converter.wait_ready(timeout=120), converter.status()
    yield app
    converter.close()


@pytest.mark.libreoffice
@pytest.mark.slow
def test_worst_allowed_plan_converts_to_pdf(pdf_app):
    response = pdf_app.test_client().post("/render?format=pdf", data=json.dumps(worst_plan()),
                                          content_type="application/json")
    assert response.status_code == 200, response.get_json()
    assert len(PdfReader(io.BytesIO(response.data)).pages) > 100
