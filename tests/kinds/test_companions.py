"""The documents that travel with a plan, drafted from every example plan
(and the plan with targets and a task matrix): valid as their kind and
under /schema, rendered, linked to the plan; the report's rates computed
right once its figures are written in."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import jsonschema
import pytest

from companions import COMPANIONS
from schemas import load_plan
from tests.docx_reading import visible_lines
from tests.plans import EXAMPLE_NAMES, example

from .documents import PROPOSER, render


def plans() -> dict[str, dict]:
    return {name: example(name) for name in EXAMPLE_NAMES}


def drafted(kind: str, plan_json: dict, proposer: dict | None = PROPOSER) -> dict:
    """A companion as the API returns it: through JSON, proposer validated."""
    return json.loads(json.dumps(COMPANIONS[kind].draft(load_plan(plan_json), _proposer(proposer))))


def _proposer(proposer: dict | None) -> dict | None:
    from schemas.companions import ProposerSchema

    return ProposerSchema().load(proposer) if proposer else None


@pytest.fixture(scope="module")
def validator(app):
    schema = app.test_client().get("/schema").get_json()
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def app():
    from app import create_app

    app = create_app({"TESTING": True, "PDF_BACKEND": "none"})
    yield app
    app.extensions["converter"].close()


@pytest.mark.parametrize("kind", sorted(COMPANIONS))
@pytest.mark.parametrize("name", sorted(plans()))
def test_every_companion_of_every_plan_is_valid_and_renders(validator, name, kind):
    document = drafted(kind, plans()[name])
    assert not list(validator.iter_errors(document))
    assert load_plan(document)["kind"] == kind
    lines = visible_lines(render(document))
    assert "./." in "\n".join(lines)


def test_the_submission_asks_the_issuer_to_issue_the_plan():
    plan_json = example("tam-duong-2021")
    document = drafted("to_trinh", plan_json)
    lines = visible_lines(render(document))
    assert lines[:2] == ["UBND HUYỆN TAM ĐƯỜNG", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert "Số:      /TTr-LĐTBXH" in lines
    # The summary continues the sentence: "Thực hiện …" becomes "… Kế hoạch thực hiện …".
    assert document["summary"] == ("Về việc ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền "
                                   "vững huyện Tam Đường năm 2021")
    assert "Kính gửi: Ủy ban nhân dân huyện Tam Đường" in lines
    assert "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH" in lines
    first_basis = load_plan(plan_json)["legal_bases"][0]
    assert any(line.startswith("- " + first_basis[:40]) for line in lines)
    assert "- Mục đích, yêu cầu;" in lines and "- Tổ chức thực hiện." in lines
    assert lines[-6].startswith("Phòng Lao động - Thương binh và Xã hội kính trình Ủy ban nhân dân huyện Tam Đường xem xét")
    assert lines[-1] == "Lò Văn Minh"


def test_the_decision_issues_the_plan_attached():
    plan_json = example("dai-lanh-2024")
    plan = load_plan(plan_json)
    document = drafted("quyet_dinh", plan_json)
    assert document["authority"] == "Chủ tịch Ủy ban nhân dân xã Đại Lãnh"
    assert document["proposed_by"] == "Trưởng phòng Lao động - Thương binh và Xã hội"  # "phòng" not repeated
    assert document["signatory"]["collective"] is None  # the chairman decides; a deputy signs for him
    attached = load_plan(document)["attachment"]
    assert attached["body"] == plan["body"] and attached["appendices"] == plan["appendices"]
    lines = visible_lines(render(document))
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐẠI LÃNH" in lines
    assert "Theo đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội." in lines
    assert lines[lines.index("QUYẾT ĐỊNH:") + 1].startswith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai")
    assert any(line.startswith("Điều 3. Chánh Văn phòng Ủy ban nhân dân xã Đại Lãnh; Thủ trưởng các cơ quan, đơn vị:")
               for line in lines)
    assert "- Như Điều 3;" in lines
    assert lines.count("KT. CHỦ TỊCH") == 2  # the decision's signature and the attached plan's
    assert any(line.startswith("(Ban hành kèm theo Quyết định số      /QĐ-UBND") for line in lines)


def test_without_a_proposer_the_decision_has_no_proposal_line():
    document = drafted("quyet_dinh", example("minimal"), proposer=None)
    assert document["proposed_by"] is None
    assert not any(line.startswith("Theo đề nghị") for line in visible_lines(render(document)))


def test_companions_cite_the_plan_by_number_and_date_when_known():
    numbered = example("cai-cach-hanh-chinh-2026")
    reference = "Kế hoạch số 42/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Khánh Hòa"
    report = drafted("bao_cao", numbered)
    assert report["summary"] == f"Kết quả thực hiện {reference}"
    assert report["closing"] == f"Trên đây là báo cáo kết quả thực hiện {reference}"
    unnumbered = drafted("bao_cao", example("minimal"))
    assert unnumbered["summary"] == "Kết quả thực hiện Kế hoạch ra quân tổng vệ sinh môi trường trên địa bàn xã năm 2025"


def test_the_report_goes_to_those_the_plan_reported_to():
    report = drafted("bao_cao", example("tam-duong-2021"))
    assert report["addressees"] == ["Sở Lao động - TB&XH", "TT. Huyện ủy", "TT. HĐND huyện"]  # noted "B/c"
    assert all(not (r["note"] or "").lower().endswith("b/c") for r in report["recipients"])
    lines = visible_lines(render(report))
    assert lines[lines.index("Kính gửi:") + 1] == "- Sở Lao động - TB&XH;"
    assert "- Như trên;" in lines
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "1. Tồn tại, hạn chế", "2. Nguyên nhân",
                    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert heading in lines


def rate(achieved: float, planned: float) -> str:
    value = (Decimal(str(achieved)) / Decimal(str(planned)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(value).replace(".", ",")


def test_the_report_table_of_targets_computes_the_rates():
    plan_json = example("cai-cach-hanh-chinh-2026")
    report = drafted("bao_cao", plan_json)
    table = report["appendices"][0]["table"]
    targets = [item for block in plan_json["body"] if block["type"] == "targets" for item in block["specific"]["items"]]
    assert [row["values"]["planned"] for row in table["rows"]] == [target["value"] for target in targets]
    assert [row["label"] for row in table["rows"]][0] == "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt trên (%)"
    achieved = [97.35, 100, 92.25]
    for row, figure in zip(table["rows"], achieved):
        row["values"]["achieved"] = figure
    document = render(report)
    rows = [[cell.text for cell in row.cells] for row in document.tables[-2].rows]
    assert rows[0][2:] == ["Kế hoạch", "Thực hiện", "Tỷ lệ đạt (%)"] and rows[1][2:] == ["1", "2", "3=2/1"]
    figures = [row[2:] for row in rows[2:]]
    assert figures == [["98", "97,35", rate(97.35, 98)], ["100", "100", "100,0"], ["90", "92,25", rate(92.25, 90)]]
    assert figures[0][2] == "99,3" and figures[2][2] == "102,5"
    # Before the figures are written in: blank cells, and no rate.
    blank = [[cell.text for cell in row.cells][2:] for row in render(drafted("bao_cao", plan_json)).tables[-2].rows[2:]]
    assert blank[0] == ["98", "", "-"]


def test_the_report_lists_each_task_with_its_lead_and_a_result_column():
    plan_json = example("cai-cach-hanh-chinh-2026")
    report = drafted("bao_cao", plan_json)
    (matrix,) = report["appendices"][1]["content"]
    assert matrix["columns"] == ["content", "lead", "deadline", "result"]
    source = plan_json["appendices"][0]["content"][0]
    assert [group["title"] for group in matrix["groups"]] == [group["title"] for group in source["groups"]]
    for group, original in zip(matrix["groups"], source["groups"]):
        assert [(task["content"], task["lead"]) for task in group["tasks"]] == [
            (task["content"], task.get("lead", [])) for task in original["tasks"]]
    lines = visible_lines(render(report))
    assert "Chi tiết tại Phụ lục II kèm theo." in lines and "Kết quả thực hiện" in lines
    header = [cell.text for cell in render(report).tables[-1].rows[0].cells]
    assert header == ["STT", "Nhiệm vụ", "Chủ trì thực hiện", "Thời gian hoàn thành", "Kết quả thực hiện"]


# --- through the API -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(COMPANIONS))
def test_companions_api_returns_a_document_that_renders(client, kind):
    response = client.post(f"/companions/{kind}", json={"plan": example("tam-duong-2021"), "proposer": PROPOSER})
    assert response.status_code == 200, response.get_json()
    document = response.get_json()
    assert document["kind"] == kind
    rendered = client.post("/render", json=document)
    assert rendered.status_code == 200 and rendered.mimetype.endswith("wordprocessingml.document")


def test_companions_api_reports_problems_at_their_paths(client):
    def errors(body) -> list[tuple[str, str]]:
        response = client.post("/companions/to_trinh", json=body)
        assert response.status_code == 422
        return [(error["path"], error["code"]) for error in response.get_json()["errors"]]

    assert errors({"plan": {**example("minimal"), "summary": ""}, "proposer": PROPOSER}) == [("plan.summary", "blank")]
    assert errors({"plan": example("minimal")}) == [("proposer", "proposer_required")]
    assert errors({"plan": {**example("minimal"), "kind": "quyet_dinh"}, "proposer": PROPOSER}) == [
        ("plan.kind", "invalid_choice")]
    assert errors({"plan": example("minimal"), "proposer": {"issuer": {"name": "Phòng"}, "signatory": PROPOSER["signatory"]},
                   "extra": 1}) == [("proposer.issuer.abbreviation", "required"), ("extra", "unknown_field")]
    assert client.post("/companions/cong_van", json={"plan": example("minimal")}).status_code == 404
