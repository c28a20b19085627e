"""Plans typed in every shape offices use (tests/recognizer/clerk_documents.py)
come back with the right fields — the signatory's lines, the archive, the
summary, the draft mark — the same outline, and at least 99 % of their words
(the coverage figure, which here reaches 100 %)."""

from __future__ import annotations

import io
import json
import re

import docx
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
          + [Shape(draft_box=True), Shape(footnotes=True), Shape(word_numbering=True), Shape(tab=False, word_bullets=False),
             Shape(decomposed=True)])


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


def _docx(document) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _typed_plan(build_body) -> bytes:
    """A short plan typed on plain lines, with ``build_body(document)`` as its body."""
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 12/KH-UBND", "Tân Phú, ngày 05 tháng 3 năm 2024", "KẾ HOẠCH",
                 "Giảm nghèo năm 2024"):
        document.add_paragraph(line)
    build_body(document)
    for line in ("Nơi nhận:", "- UBND huyện (b/c);", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(line)
    return _docx(document)


def test_a_long_numbered_paragraph_in_bold_is_running_text_not_a_cut_heading():
    """A label "4." and 600 characters of bold text: a numbered paragraph, every word kept, no capitals."""
    text = "Tăng cường công tác tuyên truyền, vận động người dân tham gia thực hiện các chính sách giảm nghèo. " * 6

    def body(document):
        document.add_paragraph().add_run("II.\t" + text.strip()).bold = True
        document.add_paragraph().add_run("4.\t" + text.strip()).bold = True

    result = recognize(_typed_plan(body))
    sections = [b for b in load_plan(result["plan"])["body"] if b["type"] == "section"]
    roman = sections[-1]
    assert "heading" not in roman or roman["heading"] is None
    numbered = roman["content"][-1]
    assert numbered["content"][0]["text"] == f"**{text.strip()}**"
    assert roman["content"][0]["text"] == f"**{text.strip()}**"  # not in capitals: it is no heading
    assert "heading_case" not in {fix["code"] for fix in result["fixes"]}
    assert result["coverage"]["places"] == []


def _table(document, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text


def test_a_table_of_text_in_the_body_is_a_table_block():
    rows = [("Nội dung", "Thời gian"), ("Rà soát hộ nghèo", "Tháng 10")]
    result = recognize(_typed_plan(lambda document: _table(document, rows)))
    (table,) = load_plan(result["plan"])["body"]
    assert table["type"] == "table"
    assert [[cell["text"] for cell in row["cells"]] for row in table["rows"]] == [list(row) for row in rows]
    assert result["coverage"]["places"] == []


def test_a_table_no_block_can_hold_keeps_its_words_as_paragraphs():
    """31 columns: more than a table of the plan holds (30); one paragraph per row."""
    rows = [tuple(f"Cột {n}" for n in range(31)), tuple(f"Ô {n}" for n in range(31))]
    result = recognize(_typed_plan(lambda document: _table(document, rows)))
    texts = [block["text"] for block in load_plan(result["plan"])["body"]]
    assert texts == [" – ".join(row) for row in rows]
    assert "table_as_paragraphs" in {w["code"] for w in result["warnings"]}
    assert result["coverage"]["places"] == []


def test_a_paragraph_longer_than_a_plan_s_is_split_not_cut():
    sentence = "Hỗ trợ người dân vay vốn ưu đãi để phát triển sản xuất, chăn nuôi, trồng trọt. "
    def body(document):
        document.add_paragraph("I. NỘI DUNG")
        document.add_paragraph(sentence * 100)

    result = recognize(_typed_plan(body))
    assert "paragraph_split" in {w["code"] for w in result["warnings"]}
    assert result["coverage"]["places"] == [] and result["coverage"]["share"] == 1


def test_the_archive_line_does_not_swallow_the_authority_line_after_its_line_break():
    """The reported case: "- Lưu: VT, PLĐ." then, after a line break in the same
    cell, "TM. ỦY BAN NHÂN DÂN": archive ["PLĐ"], the collective read."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("I. NỘI DUNG")
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.add_paragraph("- UBND huyện (b/c);")
    archive = left.add_paragraph("- Lưu: VT, PLĐ.")
    archive.add_run().add_break()
    archive.add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    right.paragraphs[0].add_run("CHỦ TỊCH").bold = True
    right.add_paragraph().add_run("Nguyễn Văn An").bold = True
    result = recognize(_docx(document))
    plan = load_plan(result["plan"])
    assert plan["archive"] == ["PLĐ"]
    assert plan["signatory"] == {"collective": "Ủy ban nhân dân", "authority": None, "principal_title": None,
                                 "title": "Chủ tịch", "name": "Nguyễn Văn An"}
    assert plan["recipients"] == [{"name": "UBND huyện", "note": "b/c"}]


def test_a_document_with_more_than_a_plan_holds_is_refused_by_the_api_and_the_command_line(client, tmp_path, capsys):
    from cli import main

    plan = {**example("minimal"), "recipients": [{"name": f"Đơn vị số {n}"} for n in range(100)]}
    document = docx.Document(io.BytesIO(clerk_document(plan, Shape()).data))
    recipients = document.tables[-1].rows[0].cells[0]
    for number in range(100, 120):  # more recipients than a plan may list
        recipients.paragraphs[-2].insert_paragraph_before(f"- Đơn vị số {number};")
    data = _docx(document)
    response = client.post("/import", data=data, content_type="application/octet-stream")
    body = response.get_json()
    assert response.status_code == 422 and body["code"] == "too_much_content" and "recipients" in body["message"]
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(data)
    assert main(["import", str(source)]) == 2
    assert capsys.readouterr().err.strip() == f"{source}: {body['message']} [too_much_content]"


def test_a_task_matrix_is_claimed_before_a_table_in_the_body_and_in_an_appendix():
    rows = [("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
            ("1", "Rà soát hộ nghèo, hộ cận nghèo", "Phòng Lao động - Thương binh và Xã hội", "UBND các xã", "Quý IV")]

    def body(document):
        document.add_paragraph("I. NỘI DUNG")
        _table(document, rows)

    data = _typed_plan(body)
    document = docx.Document(io.BytesIO(data))
    document.add_paragraph("Phụ lục")
    document.add_paragraph("PHÂN CÔNG THỰC HIỆN NHIỆM VỤ")
    _table(document, rows)
    result = recognize(_docx(document))
    plan = load_plan(result["plan"])
    in_body = plan["body"][0]["content"][0]
    in_appendix = plan["appendices"][0]["content"][0]
    for matrix in (in_body, in_appendix):
        assert matrix["type"] == "task_matrix"
        (task,) = matrix["tasks"]
        assert task["content"] == "Rà soát hộ nghèo, hộ cận nghèo" and task["lead"] == ["Phòng Lao động - Thương binh và Xã hội"]
    assert result["coverage"]["places"] == []


def test_a_summary_that_starts_like_a_legal_basis_is_the_summary_when_centred():
    """"Thực hiện Chương trình …" centred under the type line, without bold: the
    summary; the "Căn cứ …" under it, bold, still a legal basis."""
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 12/KH-UBND", "Tân Phú, ngày 05 tháng 3 năm 2024", "KẾ HOẠCH"):
        document.add_paragraph(line)
    document.add_paragraph("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024").alignment = 1
    document.add_paragraph().add_run("Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ;").bold = True
    for line in ("I. MỤC ĐÍCH, YÊU CẦU", "Giảm tỷ lệ hộ nghèo trên địa bàn xã.", "Nơi nhận:", "- UBND huyện (b/c);",
                 "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(line)
    result = recognize(_docx(document))
    plan = result["plan"]
    assert plan["summary"] == "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024"
    assert plan["legal_bases"] == ["**Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ;**"]
    assert "no_summary" not in {warning["code"] for warning in result["warnings"]}
