"""Validation: every problem reported with its field path, a stable code and
a Vietnamese message."""

from __future__ import annotations

import pytest

from schemas import PlanInvalid, load_plan
from tests.plans import EXAMPLE_NAMES, example, plan


def problems(data) -> list[tuple[str, str]]:
    with pytest.raises(PlanInvalid) as invalid:
        load_plan(data)
    for error in invalid.value.errors:
        assert error["message"] and error["message"][0].isupper()
    return [(error["path"], error["code"]) for error in invalid.value.errors]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_are_valid(name):
    assert load_plan(example(name))["schema_version"] == 1


def test_defaults_are_filled_in():
    loaded = load_plan(plan())
    assert loaded["document_type"] == "Kế hoạch"
    assert loaded["number"] is None
    assert loaded["body"][0]["heading"] == "Mục đích, yêu cầu"
    assert loaded["body"][0]["purposes"]["heading"] == "Mục đích"


def test_every_error_is_listed_with_its_path():
    data = plan(place="", date={"year": 2024, "day": 3}, extra=1)
    data["issuer"]["abbreviation"] = "UB ND"
    data["body"][0]["purposes"]["content"][0]["text"] = 42
    assert sorted(problems(data)) == sorted([
        ("place", "blank"),
        ("date.day", "day_without_month"),
        ("extra", "unknown_field"),
        ("issuer.abbreviation", "invalid_pattern"),
        ("body.0.purposes.content.0.text", "invalid_type"),
    ])


@pytest.mark.parametrize(
    ("text", "code"),
    [("Dòng một\nDòng hai", "line_break"), ("Chuông\x07", "control_character"), ("Null\x00", "control_character")],
)
def test_control_characters_and_line_breaks(text, code):
    assert problems(plan(place=text)) == [("place", code)]


def test_text_is_normalised_to_nfc():
    decomposed = "Kế hoạch giảm nghèo"  # e + combining marks
    assert load_plan(plan(summary=decomposed))["summary"] == "Kế hoạch giảm nghèo"


def test_unsupported_schema_version():
    assert problems(plan(schema_version=2)) == [("schema_version", "unsupported_version")]


def test_impossible_date():
    assert problems(plan(date={"year": 2023, "month": 2, "day": 29})) == [("date.day", "invalid_date")]


def test_length_limits():
    assert problems(plan(summary="x" * 501)) == [("summary", "too_long")]
    assert problems(plan(legal_bases=["Căn cứ"] * 51)) == [("legal_bases", "too_many")]


def test_unknown_block_type():
    body = [{"type": "chapter", "heading": "x"}]
    assert problems(plan(body=body)) == [("body.0.type", "unknown_block_type")]


def test_headings_nest_at_most_four_levels():
    deepest = {"type": "section", "heading": "5"}
    for level in "4321":
        deepest = {"type": "section", "heading": level, "content": [deepest]}
    assert problems(plan(body=[deepest])) == [("body.0.content.0.content.0.content.0.content.0.heading", "too_deep")]


def test_sections_after_specific_targets_count_their_depth():
    """Blocks after the specific targets print two levels below the targets:
    a section three levels down there is a fifth level (it once passed
    validation and failed in the renderer)."""
    section = {"type": "section", "heading": "x", "content": []}
    for _ in range(2):
        section = {"type": "section", "heading": "x", "content": [section]}
    body = [{"type": "targets", "specific": {"notes": [section]}}]
    assert problems(plan(body=body)) == [("body.0.specific.notes.0.content.0.content.0.heading", "too_deep")]


def test_signatory_rules():
    signatory = {"authority": "KT", "title": "Phó Chủ tịch", "name": "A"}
    assert problems(plan(signatory=signatory)) == [("signatory.principal_title", "authority_needs_principal")]
    signatory = {"authority": "XX", "title": "Phó Chủ tịch", "name": "A"}
    assert problems(plan(signatory=signatory)) == [("signatory.authority", "invalid_choice")]


TABLE = {
    "label_header": "Thôn",
    "columns": [
        {"key": "households", "header": "Số hộ"},
        {"key": "poor", "header": "Hộ nghèo"},
        {"key": "poor_rate", "header": "Tỷ lệ", "kind": "rate", "of": ["poor", "households"]},
        {"key": "remaining", "header": "Còn lại", "kind": "difference", "of": ["households", "poor"]},
    ],
    "rows": [
        {"label": "Đông Nam", "values": {"households": 360, "poor": 3}},
        {"label": "Đông Bắc", "values": {"households": 426, "poor": 3, "poor_rate": 0.7}},
    ],
}


def with_table(**changes) -> dict:
    table = {**TABLE, **changes}
    return plan(appendices=[{"title": "Giao chỉ tiêu", "table": table}])


def test_figures_that_agree_are_accepted():
    load_plan(with_table())
    load_plan(with_table(total={"values": {"households": 786, "poor_rate": 0.76}}))


def test_contradicting_rate_and_total():
    rows = [TABLE["rows"][0], {"label": "Đông Bắc", "values": {"households": 426, "poor": 3, "poor_rate": 0.8}}]
    assert problems(with_table(rows=rows)) == [("appendices.0.table.rows.1.values.poor_rate", "value_contradicts")]
    total = {"values": {"households": 700}}
    assert problems(with_table(total=total)) == [("appendices.0.table.total.values.households", "total_contradicts")]


def test_table_structure_errors():
    columns = TABLE["columns"] + [{"key": "bad", "header": "x", "kind": "rate", "of": ["later", "poor"]},
                                  {"key": "later", "header": "y"}]
    found = problems(with_table(columns=columns))
    assert ("appendices.0.table.columns.4.of", "computed_column_order") in found
    rows = [{"label": "Đông Nam", "values": {"households": 360}}, {"label": "X", "values": {"households": 1, "poor": 0, "nope": 1}}]
    assert sorted(problems(with_table(rows=rows))) == [
        ("appendices.0.table.rows.0.values.poor", "missing_value"),
        ("appendices.0.table.rows.1.values.nope", "unknown_column"),
    ]


@pytest.mark.parametrize("character", ["\ud800", "\ufffe", "\uffff"])
def test_characters_xml_cannot_carry(character):
    assert problems(plan(summary=f"Kế hoạch {character} năm")) == [("summary", "invalid_character")]


def test_table_size_is_bounded():
    columns = [{"key": f"c{i}", "header": str(i)} for i in range(20)]
    rows = [{"label": str(r), "values": {f"c{i}": 1 for i in range(20)}} for r in range(501)]
    assert problems(with_table(columns=columns, rows=rows)) == [("appendices.0.table.rows", "too_many_cells")]


def test_code_pattern_admits_exactly_latin_digits_and_vietnamese_letters():
    """The character class is written with ranges; it must still be the same set."""
    import re
    import string

    from schemas.header import CODE_PATTERN, VIETNAMESE_LETTERS

    allowed = set(string.digits + string.ascii_letters + VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())
    pattern = re.compile(CODE_PATTERN)
    admitted = {chr(point) for point in range(0x10000) if pattern.match(chr(point))}
    assert admitted == allowed
    assert pattern.match("KH-UBND-PLĐ") and not pattern.match("KH×UBND")
