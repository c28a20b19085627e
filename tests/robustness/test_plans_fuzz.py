"""Property-based tests of POST /render through the Flask test client:

- a valid plan, however nasty its text, gives a .docx that reopens and
  shows that text verbatim;
- a plan broken in one known place gets 422 naming that field;
- nothing, valid or not, JSON or not, gets a 5xx.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from schemas import PlanInvalid, limits, load_plan

from . import strategies as S
from .checks import missing_texts, reopen
from .profiles import fuzz_settings

MAX_BODY = 2 * 1024 * 1024  # the app's MAX_CONTENT_LENGTH
ERROR_KEYS = {"status", "code", "message", "errors"}


def post(client, data, output_format: str | None = None):
    body = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")
    query = f"?format={output_format}" if output_format else ""
    return client.post(f"/render{query}", data=body, content_type="application/json")


def _deep_plan():
    """Every heading level the schema allows, each with text at the limits."""
    node = {"type": "paragraph", "text": "đ" * limits.PARAGRAPH}
    for level in range(limits.HEADING_DEPTH, 0, -1):
        node = {"type": "section", "heading": f"{level} <&>\"' {{{{ x }}}} {{% if %}}" + "ệ" * (limits.NAME - 40),
                "content": [node, {"type": "bullets", "items": [{"text": "😀" * 50, "sub_items": ["שלום"]}]}]}
    return {**S.example_plans()["minimal"], "body": [node], "summary": "S" * limits.SUMMARY}


def _wide_plan():
    """The largest lists that still fit in one request."""
    items = [{"text": f"Mục {i} <&> {{{{ i }}}} 👨‍👩‍👧", "sub_items": ["+"]} for i in range(limits.BLOCKS_PER_LIST)]
    return {**S.example_plans()["minimal"], "body": [{"type": "section", "heading": "Danh sách", "content": [
        {"type": "bullets", "items": items}]}],
        "recipients": [{"name": f"Nơi nhận {i}"} for i in range(limits.RECIPIENTS)],
        "legal_bases": [f"Căn cứ {i} & <{i}>" for i in range(limits.LEGAL_BASES)]}


@fuzz_settings("heavy")
@given(data=S.plans())
@example(data=_deep_plan())
@example(data=_wide_plan())
def test_valid_plan_gives_a_docx_showing_its_text(docx_client, data):
    try:
        plan = load_plan(data)
    except PlanInvalid as invalid:  # the strategy must only make valid plans
        pytest.fail(f"strategy made an invalid plan: {invalid.errors[:3]}")
    response = post(docx_client, data)
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    assert response.mimetype.endswith("wordprocessingml.document")
    document = reopen(response.data)
    assert missing_texts(plan, document) == []


@fuzz_settings("light")
@given(case=S.invalid_plans())
def test_invalid_plan_gets_422_naming_the_field(docx_client, case):
    data, path = case
    response = post(docx_client, data)
    assert response.status_code == 422, (path, response.status_code, response.get_data(as_text=True)[:500])
    body = response.get_json()
    assert set(body) == ERROR_KEYS and body["code"] == "invalid_plan" and body["status"] == 422
    for error in body["errors"]:
        assert set(error) == {"path", "code", "message"}
        assert all(isinstance(error[key], str) and error[key] for key in ("code", "message"))
    paths = [error["path"] for error in body["errors"]]
    assert path in paths, f"expected an error at {path!r}, got {paths}"


@fuzz_settings("light")
@given(value=S.json_values(), output_format=st.sampled_from([None, "docx", "pdf"]))
@example(value=[], output_format=None)
@example(value="plan", output_format=None)
@example(value={"schema_version": 1e308}, output_format=None)
@example(value={"schema_version": 10**400}, output_format=None)
def test_any_json_is_answered_without_a_server_error(docx_client, value, output_format):
    response = post(docx_client, value, output_format)
    assert response.status_code in (200, 400, 422, 503), response.get_data(as_text=True)[:500]
    if response.status_code != 200:
        assert set(response.get_json()) == ERROR_KEYS


@fuzz_settings("light")
@given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
@example(raw=b"\xef\xbb\xbf{}")
@example(raw=b'{"a": NaN}')
def test_any_body_is_answered_without_a_server_error(docx_client, raw):
    response = post(docx_client, raw)
    assert response.status_code in (400, 422), (response.status_code, response.get_data(as_text=True)[:300])
    assert set(response.get_json()) == ERROR_KEYS


def test_oversized_body_gets_413(docx_client):
    response = post(docx_client, b'{"summary": "' + b"a" * MAX_BODY + b'"}')
    assert response.status_code == 413
    assert response.get_json()["code"] == "too_large"


_ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included: JSON escapes carry them
_ANY_TEXT = st.text(_ANY_CHARACTER, max_size=12)


@fuzz_settings("light")
@given(value=st.recursive(st.one_of(_ANY_TEXT, st.integers(), st.none()), lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(_ANY_TEXT, children, max_size=4)), max_leaves=12),
    path=st.sampled_from(["/render", "/validate", "/import/clipboard"]))
@example(value={"schema_version": 1, "\ud800": 1}, path="/render")
@example(value={"schema_version": 1, "\ud800": 1}, path="/validate")
@example(value={"html": "<p>\udfff</p>", "text": None}, path="/import/clipboard")
def test_no_key_or_string_json_can_carry_gives_a_server_error(docx_client, value, path):
    body = json.dumps({"schema_version": 1, "x": value} if path != "/import/clipboard" else value).encode("ascii")
    response = docx_client.post(path, data=body, content_type="application/json")
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    if response.status_code >= 400:
        assert set(response.get_json()) == ERROR_KEYS
