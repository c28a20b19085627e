"""Validation of every kind: dispatched on ``kind`` (a plan without it, as
every plan before kinds), each kind's own rules with their codes, and the
JSON Schema of /schema agreeing with the examples."""

from __future__ import annotations

import jsonschema
import pytest

from schemas import load_plan
from tests.plans import example, plan
from tests.test_schema import problems

from .documents import (
    DECISION,
    DECISION_ISSUING_A_PLAN,
    INVITATION,
    KIND_EXAMPLES,
    LETTER,
    REPORT,
    SUBMISSION,
    changed,
    kind_example,
)


@pytest.mark.parametrize("name", sorted(KIND_EXAMPLES))
def test_every_example_is_valid_as_its_kind(name):
    assert load_plan(kind_example(name))["kind"] == name.split("/")[0]


def test_a_plan_names_no_kind_and_is_still_a_plan():
    loaded = load_plan(plan())
    assert loaded["kind"] == "ke_hoach" and loaded["document_type"] == "Kế hoạch"
    assert load_plan(plan(kind="ke_hoach")) == loaded


def test_an_unknown_kind_is_the_only_problem_reported():
    assert problems(plan(kind="bien_ban")) == [("kind", "invalid_choice")]
    assert problems(plan(kind=7)) == [("kind", "invalid_choice")]
    assert problems(plan(kind=None)) == [("kind", "null")]


def test_a_field_of_another_kind_is_unknown():
    assert problems(changed(LETTER, legal_bases=["Căn cứ Luật"])) == [("legal_bases", "unknown_field")]
    assert problems(plan(addressees=["Sở Nội vụ"])) == [("addressees", "unknown_field")]
    assert ("document_type", "unknown_field") in problems(changed(DECISION, document_type="Kế hoạch"))


def test_a_decision_is_made_of_articles():
    assert problems(changed(DECISION, body=[{"type": "paragraph", "text": "Điều khoản"}])) == [
        ("body.0.type", "unknown_block_type")]
    assert problems(changed(DECISION, body=[])) == [("body", "too_few")]
    assert problems(changed(DECISION, body=[{"type": "article", "content": []}])) == [("body.0.content", "too_few")]
    clause_in_plan = {"type": "section", "heading": "Quy định", "content": [
        {"type": "article", "heading": "Phạm vi", "content": [{"type": "clauses", "items": [{"text": "Một"}]}]}]}
    assert load_plan(plan(body=[clause_in_plan]))  # a regulation laid out by articles may be a plan's type


def test_the_executing_article_must_exist():
    assert problems(changed(DECISION, executing_article=4)) == [("executing_article", "no_such_article")]
    assert load_plan(changed(DECISION, executing_article=2))["executing_article"] == 2


@pytest.mark.parametrize(("name", "line"), [
    (DECISION, "Như Điều 3"), (LETTER, "Như trên"), (SUBMISSION, "như trên"), (INVITATION, "Như trên")])
def test_the_automatic_first_recipient_is_not_typed_again(name, line):
    recipients = kind_example(name)["recipients"] + [{"name": line}]
    assert problems(changed(name, recipients=recipients)) == [(f"recipients.{len(recipients) - 1}.name", "automatic_recipient")]


def test_a_report_to_no_one_may_list_as_above_itself():
    """Without addressees nothing prints "Như trên" for it."""
    recipients = [{"name": "Như trên"}]
    assert problems(changed(REPORT, recipients=recipients)) == [("recipients.0.name", "automatic_recipient")]
    assert load_plan(changed(REPORT, addressees=[], recipients=recipients))


def test_addressees_are_required_where_the_decree_asks_them():
    submission = kind_example(SUBMISSION)
    del submission["addressees"]
    assert problems(submission) == [("addressees", "required")]
    assert problems(changed(LETTER, addressees=[])) == [("addressees", "too_few")]
    assert load_plan(changed(REPORT, addressees=[]))["addressees"] == []


def test_a_letter_summary_does_not_repeat_vv():
    assert problems(changed(LETTER, summary="V/v đôn đốc báo cáo")) == [("summary", "automatic_prefix")]


@pytest.mark.parametrize(("time", "path", "code"), [
    ({"year": 2025, "month": 2, "day": 30, "hour": 8}, "time.day", "invalid_date"),
    ({"year": 2025, "month": 2, "day": 21, "hour": 14, "end_hour": 8}, "time.end_hour", "time_order"),
    ({"year": 2025, "month": 2, "day": 21, "hour": 24}, "time.hour", "out_of_range"),
    ({"year": 2025, "month": 2, "hour": 8}, "time.day", "required"),
])
def test_meeting_time_is_a_real_time(time, path, code):
    assert problems(changed(INVITATION, time=time)) == [(path, code)]


def test_a_figure_left_null_is_blank_but_one_left_out_is_missing():
    report = kind_example(REPORT)
    rows = report["appendices"][0]["table"]["rows"]
    rows[0]["values"]["achieved"] = None
    assert load_plan(report)
    del rows[1]["values"]["achieved"]
    assert problems(report) == [("appendices.0.table.rows.1.values.achieved", "missing_value")]


def test_what_a_decision_issues_follows_the_plans_rules():
    decision = kind_example(DECISION_ISSUING_A_PLAN)
    deep = {"type": "section", "heading": "x", "content": []}
    for _ in range(4):
        deep = {"type": "section", "heading": "x", "content": [deep]}
    decision["attachment"]["body"] = [deep]
    found = problems(decision)
    assert found and all(path.startswith("attachment.body.0") and code == "too_deep" for path, code in found)


def test_json_schema_validates_every_kind(client):
    schema = client.get("/schema").get_json()
    validator = jsonschema.Draft202012Validator(schema)
    for name in KIND_EXAMPLES:
        assert not list(validator.iter_errors(kind_example(name))), name
    assert not list(validator.iter_errors(example("tam-duong-2021")))
    refused = [
        changed(DECISION, document_type="Kế hoạch"),   # a plan's field in a decision
        changed(LETTER, kind="xyz"),
        changed(INVITATION, time={"year": 2025, "month": 2, "day": 21}),
        plan(addressees=["Sở Nội vụ"]),                 # a Tờ trình's field in a plan
        {**kind_example(LETTER), "kind": "ke_hoach"},   # a letter's fields read as a plan
    ]
    for document in refused:
        assert list(validator.iter_errors(document)), document.get("kind")
    definitions = schema["$defs"]
    for name in ("Plan", "Decision", "Submission", "Report", "Notice", "Invitation", "OfficialLetter"):
        assert definitions[name]["$ref"] == "#/$defs/DocumentCore" and definitions[name]["unevaluatedProperties"] is False
    assert definitions["Decision"]["properties"]["kind"]["const"] == "quyet_dinh"
    assert {"if": {"properties": {"kind": {"const": "cong_van"}}, "required": ["kind"]},
            "then": {"$ref": "#/$defs/OfficialLetter"}} in definitions["Document"]["allOf"]
