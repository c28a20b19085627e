"""Regression tests for bugs the fuzzers found (each was a 500 or altered
text before its fix)."""

from __future__ import annotations

import json

import pytest

from .checks import document_text, reopen
from .strategies import example_plans


def post(client, data):
    # ensure_ascii: a lone surrogate travels as the JSON escape "\ud800",
    # as another system would send it (raw, it is not UTF-8 at all: 400).
    return client.post("/render", data=json.dumps(data), content_type="application/json")


def test_lone_surrogate_is_refused_with_422(docx_client):
    plan = {**example_plans()["minimal"], "summary": "Kế hoạch \ud800 năm"}
    response = post(docx_client, plan)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["path"] == "summary"


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"])
def test_xml_forbidden_noncharacter_is_refused_with_422(docx_client, character):
    plan = {**example_plans()["minimal"], "summary": f"Kế hoạch {character} năm"}
    response = post(docx_client, plan)
    assert response.status_code == 422


@pytest.mark.parametrize("text", ["a {_{ b }_} c", "x {_% y %_} z"])
def test_docxtpl_escape_sequences_stay_literal(docx_client, text):
    plan = {**example_plans()["minimal"], "summary": text}
    response = post(docx_client, plan)
    assert response.status_code == 200
    assert text in document_text(reopen(response.data))


@pytest.mark.parametrize("raw", [b"[" * 100_000, b"[" * 5000 + b"]" * 5000, b'{"a":' * 5000 + b"1" + b"}" * 5000])
def test_deeply_nested_json_gets_400(docx_client, raw):
    response = docx_client.post("/render", data=raw, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("values", ["x", 0, [], True])
def test_wrong_type_for_table_values_gets_422(docx_client, values):
    plan = {**example_plans()["minimal"], "appendices": [{"title": "Phụ lục", "table": {
        "columns": [{"key": "a", "header": "A"}], "rows": [{"label": "Dòng", "values": values}]}}]}
    response = post(docx_client, plan)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["path"] == "appendices.0.table.rows.0.values"
