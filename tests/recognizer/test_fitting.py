"""A recognized plan made to fit the schema without losing a word
(recognizer/fitting.py): restructured where it breaks a limit, refused where
it truly holds more than a plan may."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from nd30.markup import Footnote, parse, plain
from recognizer.fitting import TooMuchContent, fit
from recognizer.notes import Notes
from schemas import limits, load_plan

SENTENCE = "Tăng cường công tác tuyên truyền, vận động người dân tham gia giảm nghèo bền vững. "


def plan(**fields) -> dict:
    return {"schema_version": 1, "issuer": {"name": "Ủy ban nhân dân xã Tân Phú", "abbreviation": "UBND"},
            "place": "Tân Phú", "date": {"year": 2024}, "summary": "Giảm nghèo năm 2024",
            "body": [{"type": "section", "heading": "Nhiệm vụ", "content": []}],
            "signatory": {"title": "Chủ tịch", "name": "Nguyễn Văn An"}, **fields}


def words(value) -> list[str]:
    """Every word of every text in ``value``, markup aside, in order."""
    if isinstance(value, str):
        return re.findall(r"\w+", plain(value))
    if isinstance(value, dict):
        return [w for key, child in value.items() if key not in ("type", "abbreviation") for w in words(child)]
    if isinstance(value, list):
        return [w for child in value for w in words(child)]
    return []


def formatted(text: str) -> list:
    """What ``text`` shows, character by character with its formatting, footnotes in place."""
    shown = []
    for item in parse(text):
        if isinstance(item, Footnote):
            shown.append(("note", formatted("".join(run.text for run in item.runs))))
        else:
            shown += [(char, item.bold, item.italic) for char in item.text if not char.isspace()]
    return shown


def fitted(data: dict) -> tuple[dict, Notes]:
    """The plan fitted, as the schema stores it (texts trimmed), and the notes."""
    notes = Notes()
    result, loaded = fit(copy.deepcopy(data), notes, load_plan)
    assert loaded == load_plan(result)
    return loaded, notes


def codes(notes: Notes) -> list[str]:
    return [warning["code"] for warning in notes.warnings]


def test_a_paragraph_longer_than_a_plan_s_paragraph_is_split_at_sentence_ends():
    text = SENTENCE * 160  # about 13,000 characters
    data = plan(body=[{"type": "section", "heading": "Nhiệm vụ", "content": [{"type": "paragraph", "text": text}]}])
    result, notes = fitted(data)
    paragraphs = result["body"][0]["content"]
    assert len(paragraphs) >= 3 and all(p["type"] == "paragraph" for p in paragraphs)
    assert all(len(p["text"]) <= limits.PARAGRAPH and p["text"].endswith(".") for p in paragraphs)
    assert words(paragraphs) == words(text)
    assert set(codes(notes)) == {"paragraph_split"}


def test_emphasis_and_footnotes_stay_with_their_words_when_split():
    text = "**" + (SENTENCE * 40).strip() + "** " + SENTENCE * 40 + "^[Theo Quyết định số 537/QĐ-UBND.]"
    data = plan(body=[{"type": "paragraph", "text": text}])
    result, _ = fitted(data)
    assert [p["type"] for p in result["body"]] == ["paragraph", "paragraph"]
    assert formatted(result["body"][0]["text"]) + formatted(result["body"][1]["text"]) == formatted(text)


def test_a_long_bullet_point_and_sub_item_keep_every_word():
    long = SENTENCE * 80
    data = plan(body=[
        {"type": "bullets", "items": [{"text": "Một"}, {"text": long, "sub_items": [long]}, {"text": "Ba"}]},
        {"type": "points", "items": [{"text": long, "content": [{"type": "paragraph", "text": "Sau điểm"}]}]},
    ])
    result, notes = fitted(data)
    first, middle, last, points = result["body"]
    assert [i["text"] for i in first["items"]][0] == "Một" and middle["type"] == "paragraph"
    assert [i["text"] for i in last["items"]] == ["Ba"] and len(first["items"][1]["sub_items"]) == 2
    assert points["items"][0]["content"][0]["type"] == "paragraph" and points["items"][0]["content"][-1]["text"] == "Sau điểm"
    assert sorted(words(result["body"])) == sorted(words(data["body"]))
    assert set(codes(notes)) == {"paragraph_split"}


def test_a_heading_too_long_is_kept_as_the_text_under_its_number():
    heading = SENTENCE * 5
    data = plan(body=[{"type": "section", "heading": heading, "run_in": True,
                       "content": [{"type": "paragraph", "text": "Nội dung."}]},
                      {"type": "assignments", "agencies": [{"name": heading, "duties": []}]}])
    result, notes = fitted(data)
    section, assignments = result["body"]
    assert "heading" not in section and not section["run_in"]
    assert section["content"] == [{"type": "paragraph", "text": heading.strip()}, {"type": "paragraph", "text": "Nội dung."}]
    agency = assignments["agencies"][0]
    assert agency["name"] == "[Tên cơ quan thực hiện]" and agency["duties"][0]["text"] == heading.strip()
    assert codes(notes) == ["heading_as_text", "heading_as_text"]


def test_fields_that_cannot_hold_their_text_move_it_near_where_it_stood():
    long_name = "Ủy ban nhân dân " + "xã miền núi " * 40
    data = plan(issuer={"name": long_name, "abbreviation": "UBND"},
                recipients=[{"name": "UBND huyện", "note": "để báo cáo kết quả thực hiện với Thường trực Huyện ủy"}],
                archive=["VT", "Phòng Lao động - Thương binh và Xã hội huyện"],
                appendices=[{"title": SENTENCE * 5}])
    result, notes = fitted(data)
    assert result["issuer"]["name"] == "[Tên cơ quan ban hành]"
    assert result["body"][0] == {"type": "paragraph", "text": long_name.strip()}
    assert result["recipients"] == [{"name": "UBND huyện (để báo cáo kết quả thực hiện với Thường trực Huyện ủy)", "note": None}]
    assert result["archive"] == ["VT"] and result["body"][-1]["text"] == "Phòng Lao động - Thương binh và Xã hội huyện"
    assert result["appendices"][0]["title"] == "Phụ lục" and result["appendices"][0]["notes"][0]["text"] == (SENTENCE * 5).strip()
    moved = {warning["path"] for warning in notes.warnings if warning["code"] == "moved_to_body"}
    assert moved == {"issuer.name", "archive.1", "appendices.0.title"}


def test_a_bullet_list_longer_than_a_list_becomes_two():
    items = [{"text": f"Việc {number}"} for number in range(limits.BLOCKS_PER_LIST * 2 + 50)]
    result, notes = fitted(plan(body=[{"type": "bullets", "items": items}]))
    assert all(block["type"] == "bullets" and len(block["items"]) <= limits.BLOCKS_PER_LIST for block in result["body"])
    assert [item["text"] for block in result["body"] for item in block["items"]] == [item["text"] for item in items]
    assert set(codes(notes)) == {"list_split"}


@pytest.mark.parametrize("fields, field", [
    ({"recipients": [{"name": f"Đơn vị {number}"} for number in range(limits.RECIPIENTS + 1)]}, "recipients"),
    ({"body": [{"type": "points", "items": [{"text": f"Việc {n}"} for n in range(limits.BLOCKS_PER_LIST + 1)]}]},
     "body.0.items"),
    ({"body": [{"type": "paragraph", "text": SENTENCE * 70}] * 60}, ""),
], ids=["recipients", "points", "whole-text"])
def test_what_truly_exceeds_a_plan_is_refused_with_a_clear_code(fields, field):
    with pytest.raises(TooMuchContent) as refused:
        fitted(plan(**fields))
    assert refused.value.code == "too_much_content" and refused.value.status == 422
    assert refused.value.errors[0]["path"] == field
    assert "hãy tách thành nhiều văn bản" in refused.value.message
    # Raised in an import worker, answered by the service: it crosses as pickle.
    crossed = pickle.loads(pickle.dumps(refused.value))
    assert (crossed.code, crossed.status, crossed.message) == (refused.value.code, 422, refused.value.message)
