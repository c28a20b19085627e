"""Plans typed the way clerks type them (tests/recognizer/clerk_documents.py),
built from the three seed plans: importing gives back the plan, with the
same headings at each level, and re-rendering reproduces the seed's text,
read from the PDF that real LibreOffice makes (the .doc copy too)."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from recognizer import recognize
from schemas import load_plan
from schemas.blocks import headings
from tests.converters.converter_checks import pdf_text
from tests.plans import SEEDS, example

from .canonical import canonical
from .clerk_documents import clerk_docx
from .word_parts import saved_as

# ../shared/seeds next to the repository (a worktree sits one level deeper).
SEEDS_DIR = next((parent / "shared" / "seeds" for parent in Path(__file__).resolve().parents
                  if (parent / "shared" / "seeds").is_dir()), Path("../shared/seeds"))
VARIANTS = {"tabs-word-bullets": {"tab": True, "word_bullets": True},
            "spaces-typed-bullets": {"tab": False, "word_bullets": False}}


def heading_levels(plan: dict) -> Counter:
    return Counter(depth for depth, _ in headings(load_plan(plan)["body"]))


def without_footnotes(plan: dict) -> dict:
    """The clerk documents carry no footnotes (python-docx cannot write them)."""
    return json.loads(re.sub(r"\^\[[^\]]*\]", "", json.dumps(plan, ensure_ascii=False)))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_clerk_document_gives_back_the_plan(name, variant):
    result = recognize(clerk_docx(example(name), **VARIANTS[variant]))
    assert result["warnings"] == []
    assert canonical(result["plan"]) == canonical(without_footnotes(example(name)))
    assert heading_levels(result["plan"]) == heading_levels(example(name))
    codes = {fix["code"] for fix in result["fixes"]}
    # python-docx's blank document: Letter paper, 1" margins, 11 pt, "Nơi nhận:" not 12 pt
    assert codes == {"page_size", "margin", "body_size", "recipients_title_format"}


def words(text: str) -> list[str]:
    """Fold case, whitespace and markdown markers, as the seeds were extracted."""
    return re.sub(r"[*#]", " ", text).lower().split()


def recall_precision(seed_name: str, produced_text: str) -> tuple[float, float]:
    return recall_precision_of(next(SEEDS_DIR.glob(f"{SEEDS[seed_name]}_*.txt")).read_text(encoding="utf-8"), produced_text)


def recall_precision_of(original_text: str, produced_text: str) -> tuple[float, float]:
    """The share of the original's words found in order in what was produced, and the share of those among it."""
    seed = words(original_text)
    produced = words(produced_text)
    matcher = difflib.SequenceMatcher(None, seed, produced, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(seed), matched / len(produced)


def import_pdf(client, data: bytes, content_type: str) -> bytes:
    response = client.post("/import?format=pdf", data=data, content_type=content_type)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/pdf"
    return response.data


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_reimported_clerk_document_reproduces_the_seed(pdf_client, name):
    pdf = import_pdf(pdf_client, clerk_docx(example(name)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    recall, precision = recall_precision(name, pdf_text(pdf))
    assert recall >= 0.97, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_doc_copy_is_converted_and_imported(pdf_client, tmp_path):
    doc = saved_as(clerk_docx(example("tam-duong-2021")), tmp_path).read_bytes()
    assert doc.startswith(b"\xd0\xcf\x11\xe0")
    response = pdf_client.post("/import", data=doc, content_type="application/msword")
    assert response.status_code == 200, response.get_json()
    plan = response.get_json()["plan"]
    assert heading_levels(plan) == heading_levels(example("tam-duong-2021"))
    recall, precision = recall_precision("tam-duong-2021", pdf_text(import_pdf(pdf_client, doc, "application/msword")))
    assert recall >= 0.97 and precision >= 0.95, (recall, precision)


def test_header_typed_on_lines_with_tabs_and_headings_numbered_by_word():
    """No header table: both columns on one line with tabs; the sections
    numbered by a Word multilevel list (I., 1., 1.1.) instead of typed labels."""
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def numbered(text: str, level: int, bold: bool = True):
        paragraph = document.add_paragraph()
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
        paragraph.add_run(text).bold = bold

    for line in ("UBND HUYỆN VẠN NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "ỦY BAN NHÂN DÂN\t\tĐộc lập - Tự do - Hạnh phúc", "XÃ ĐẠI LÃNH",
                 "Số: 15/KH-UBND\t\tĐại Lãnh, ngày 19 tháng 02 năm 2024", "KẾ HOẠCH"):
        document.add_paragraph(line)
    document.add_paragraph().add_run("Triển khai công tác giảm nghèo năm 2024").bold = True
    document.add_paragraph("Căn cứ Quyết định số 3709/QĐ-UBND ngày 22/12/2023 của UBND huyện Vạn Ninh.")
    document.add_paragraph("Ủy ban nhân dân xã xây dựng Kế hoạch như sau:")
    numbered("MỤC ĐÍCH, YÊU CẦU", 0)
    numbered("Mục đích", 1)
    document.add_paragraph("Giảm nghèo bền vững.")
    numbered("Yêu cầu", 1)
    numbered("Đúng đối tượng", 2)
    numbered("TỔ CHỨC THỰC HIỆN", 0)
    numbered("Công chức Văn hóa - Xã hội (chủ trì)", 1)
    document.add_paragraph("- Tham mưu thực hiện;")
    numbered("Đề nghị Ủy ban MTTQ Việt Nam xã", 1)
    document.add_paragraph("Phối hợp tuyên truyền.")
    document.add_paragraph("Trên đây là Kế hoạch giảm nghèo năm 2024 của xã./.")
    for line in ("Nơi nhận:", "- UBND huyện Vạn Ninh (b/c);", "- Lưu: VT, VH-XH.", "TM. ỦY BAN NHÂN DÂN",
                 "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(line)
    output = io.BytesIO()
    document.save(output)
    result = recognize(output.getvalue())
    plan = load_plan(result["plan"])
    assert plan["issuer"] == {"parent": "UBND huyện Vạn Ninh", "name": "Ủy ban nhân dân xã Đại Lãnh", "abbreviation": "UBND"}
    assert (plan["number"], plan["place"], plan["date"]) == (15, "Đại Lãnh", {"year": 2024, "month": 2, "day": 19})
    purposes, assignments = plan["body"]
    assert purposes["type"] == "purposes_requirements"
    assert purposes["purposes"]["content"] == [{"type": "paragraph", "text": "Giảm nghèo bền vững."}]
    assert purposes["requirements"]["content"][0]["heading"] == "Đúng đối tượng"
    lead, request = assignments["agencies"]
    assert (lead["name"], lead["lead"], request["name"], request["request"]) == (
        "Công chức Văn hóa - Xã hội", True, "Ủy ban MTTQ Việt Nam xã", True)
    assert plan["recipients"] == [{"name": "UBND huyện Vạn Ninh", "note": "b/c"}] and plan["archive"] == ["VH-XH"]
    assert plan["signatory"]["collective"] == "Ủy ban nhân dân" and plan["signatory"]["name"] == "Nguyễn Văn An"
    assert plan["closing"] == "Trên đây là Kế hoạch giảm nghèo năm 2024 của xã"
