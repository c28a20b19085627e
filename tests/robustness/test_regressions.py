"""Regression tests for bugs the fuzzers found (each was a 500 or altered
text before its fix)."""

from __future__ import annotations

import json

import pytest

from tests.docx_reading import footnote_texts

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


# --- issue 11: inputs that gave a 500 -------------------------------------

def with_rate_table(values: dict, **table) -> dict:
    columns = [{"key": "a", "header": "A"}, {"key": "b", "header": "B"},
               {"key": "r", "header": "Tỷ lệ", "kind": "rate", "of": ["a", "b"]}]
    return {**example_plans()["minimal"], "appendices": [{"title": "Phụ lục", "table": {
        "columns": columns, "rows": [{"label": "Dòng", "values": values}], **table}}]}


def codes(response) -> list[tuple[str, str]]:
    return [(error["path"], error["code"]) for error in response.get_json()["errors"]]


@pytest.mark.parametrize("value", [1e22, "1e30", 1e300, 10**30])
def test_table_value_beyond_the_limit_is_422_on_validate_and_render(docx_client, value):
    plan = with_rate_table({"a": value, "b": 1})
    for endpoint in ("/validate", "/render"):
        response = docx_client.post(endpoint, data=json.dumps(plan), content_type="application/json")
        assert response.status_code == 422
        assert codes(response) == [("appendices.0.table.rows.0.values.a.value", "number_too_large")]


@pytest.mark.parametrize("values", [{"a": 1, "b": 1e-30}, {"a": 1e12, "b": 1e-6}])
def test_rate_over_a_tiny_denominator_is_422(docx_client, values):
    response = post(docx_client, with_rate_table(values))
    assert response.status_code == 422
    assert ("appendices.0.table.rows.0.values.r", "computed_too_large") in codes(response)


def test_rate_typed_with_hundreds_of_decimals_is_compared_not_a_500(docx_client):
    response = post(docx_client, with_rate_table({"a": 1, "b": 3, "r": 1e-300}))
    assert response.status_code == 422
    assert codes(response) == [("appendices.0.table.rows.0.values.r", "value_contradicts")]


def test_target_value_beyond_the_limit_is_422(docx_client):
    plan = {**example_plans()["minimal"], "body": [
        {"type": "targets", "specific": {"items": [{"text": "Tăng thu nhập", "value": 1e30}]}}]}
    response = post(docx_client, plan)
    assert response.status_code == 422
    assert codes(response) == [("body.0.specific.items.0.value", "number_too_large")]


def test_footnote_inside_a_footnote_stays_literal(docx_client):
    plan = {**example_plans()["minimal"], "body": [{"type": "paragraph", "text": "Văn bản^[Nguồn ^[trích dẫn] gốc] tiếp."}]}
    response = post(docx_client, plan)
    assert response.status_code == 200
    document = reopen(response.data)
    assert any("Nguồn ^[trích dẫn] gốc" in text for text in footnote_texts(document))
    assert "Văn bản tiếp." in document_text(document)


@pytest.mark.parametrize("typed, shown", [
    (r"Thư mục C:\Dữ liệu\2024", r"Thư mục C:\Dữ liệu\2024"),
    (r"a \. b \# c \_ d \- e", r"a \. b \# c \_ d \- e"),
    (r"giá \*5\* đồng, \\ và \[1\]", r"giá *5* đồng, \ và [1]"),
    ("kết thúc bằng \\", "kết thúc bằng \\"),
])
def test_backslash_escapes_only_markup_characters(docx_client, typed, shown):
    plan = {**example_plans()["minimal"], "body": [{"type": "paragraph", "text": typed}]}
    response = post(docx_client, plan)
    assert response.status_code == 200
    assert shown in document_text(reopen(response.data))
