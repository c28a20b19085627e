"""Regression tests for bugs the fuzzers found (each was a 500 or altered
text before its fix)."""

from __future__ import annotations

import io
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


@pytest.mark.parametrize("digits", [101, 4301, 100_000])
@pytest.mark.parametrize("where", ["unknown", "number"])
def test_integer_literal_too_long_is_400_anywhere(docx_client, digits, where):
    plan = json.dumps({**example_plans()["minimal"], where: 0}).replace(f'"{where}": 0', f'"{where}": {"9" * digits}')
    for endpoint in ("/validate", "/render"):
        response = docx_client.post(endpoint, data=plan, content_type="application/json")
        assert response.status_code == 400
        assert response.get_json()["code"] == "number_too_long"


def test_long_integer_within_the_parse_limit_is_422(docx_client):
    response = post(docx_client, {**example_plans()["minimal"], "number": 10**99})
    assert response.status_code == 422
    assert codes(response) == [("number", "out_of_range")]


@pytest.mark.parametrize("build", [
    lambda node: {"type": "section", "heading": "Mục", "content": [node]},
    lambda node: {"type": "assignments", "agencies": [{"name": "Phòng", "duties": [node]}]},
], ids=["sections", "agencies"])
@pytest.mark.parametrize("levels", [60, 107, 200])
def test_deep_nesting_is_422_not_a_recursion_error(docx_client, build, levels):
    node = {"type": "paragraph", "text": "Nội dung"}
    for _ in range(levels):
        node = build(node)
    plan = {**example_plans()["minimal"], "body": [node]}
    for endpoint in ("/validate", "/render"):
        response = docx_client.post(endpoint, data=json.dumps(plan), content_type="application/json")
        assert response.status_code == 422
        assert {code for _, code in codes(response)} == {"too_deeply_nested"}


@pytest.mark.parametrize("code", ["UB\u061cND", "UB\u180eND", "UB\u1680ND", "UB×ND", "УБНД", "UB\u200bND"])
@pytest.mark.parametrize("field", ["abbreviation", "symbol"])
def test_symbols_and_abbreviations_admit_only_vietnamese_letters_digits_and_hyphens(docx_client, code, field):
    plan = example_plans()["minimal"]
    if field == "abbreviation":
        plan = {**plan, "issuer": {**plan["issuer"], "abbreviation": code}}
        path = "issuer.abbreviation"
    else:
        plan = {**plan, "symbol": code}
        path = "symbol"
    response = post(docx_client, plan)
    assert response.status_code == 422
    assert codes(response) == [(path, "invalid_pattern")]


@pytest.mark.parametrize("code", ["UBND", "HĐND", "KH-UBND", "QĐ-ỦY", "PLĐ-2"])
def test_vietnamese_symbols_are_accepted(docx_client, code):
    response = post(docx_client, {**example_plans()["minimal"], "symbol": code})
    assert response.status_code == 200


def chunked(client, body: bytes, content_type: str):
    # As gunicorn hands over a chunked request: no Content-Length, the server terminates the stream.
    return client.post("/render", input_stream=io.BytesIO(body), content_type=content_type,
                       headers={"Transfer-Encoding": "chunked"}, environ_base={"wsgi.input_terminated": True})


def test_chunked_body_over_the_limit_is_413(docx_client):
    body = b'{"summary": "' + b"x" * 3_000_000 + b'"}'
    response = chunked(docx_client, body, "application/json")
    assert response.status_code == 413
    assert response.get_json()["code"] == "too_large"


def test_chunked_body_under_the_limit_renders(docx_client):
    response = chunked(docx_client, json.dumps(example_plans()["minimal"]).encode(), "application/json")
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/examples//minimal", "/docs//assets/swagger-ui.css"])
def test_double_slash_is_a_json_404_not_a_redirect_built_from_host(docx_client, path):
    response = docx_client.get("/", environ_overrides={"PATH_INFO": path}, headers={"Host": "evil.example"})
    assert response.status_code == 404
    assert "Location" not in response.headers
    assert response.get_json()["code"] == "not_found"


@pytest.mark.parametrize("text, count, code", [
    ("*a" * 3000, 300, "too_many_runs"),          # 1.8 MB that blocked the only worker for 120 s
    ("^[a]" * 1500, 262, "too_many_footnotes"),   # 392,000 footnotes that took 2 GB
])
def test_plans_that_stalled_the_service_are_refused_at_validation(docx_client, text, count, code):
    plan = {**example_plans()["minimal"], "body": [
        {"type": "section", "heading": "Mục", "content": [{"type": "paragraph", "text": text}] * min(count, 250)},
        {"type": "section", "heading": "Mục", "content": [{"type": "paragraph", "text": text}] * max(0, count - 250)},
    ]}
    for endpoint in ("/validate", "/render"):
        response = docx_client.post(endpoint, data=json.dumps(plan), content_type="application/json")
        assert response.status_code == 422
        assert code in {error["code"] for error in response.get_json()["errors"]}
