"""The kinds through HTTP: listed with their examples, rendered by the one
/render, the document a decision issues as a file of its own."""

from __future__ import annotations

import io
from urllib.parse import unquote

import docx

from nd30.kinds import KINDS
from tests.docx_reading import visible_lines
from tests.plans import EXAMPLE_NAMES

from .documents import DECISION, DECISION_ISSUING_A_PLAN, KIND_EXAMPLES, LETTER, changed, kind_example


def test_kinds_are_listed_with_their_examples(client):
    listed = client.get("/kinds").get_json()
    assert [kind["name"] for kind in listed] == list(KINDS)
    by_name = {kind["name"]: kind for kind in listed}
    assert by_name["cong_van"]["type_name"] is None and by_name["cong_van"]["model"] == "Mẫu 1.5"
    assert by_name["quyet_dinh"]["companion"] and not by_name["cong_van"]["companion"]
    assert sorted(example["name"] for example in by_name["ke_hoach"]["examples"]) == EXAMPLE_NAMES
    served = {f"{kind['name']}/{example['name']}": client.get(example["url"]).get_json()
              for kind in listed if kind["name"] != "ke_hoach" for example in kind["examples"]}
    assert served == {name: kind_example(name) for name in KIND_EXAMPLES}
    assert client.get("/kinds/quyet_dinh/examples/khong-co").status_code == 404
    assert client.get("/kinds/khong-co/examples/minimal").status_code == 404


def test_render_takes_every_kind(client):
    for name in KIND_EXAMPLES:
        response = client.post("/render", json=kind_example(name))
        assert response.status_code == 200, (name, response.get_json())
        lines = visible_lines(docx.Document(io.BytesIO(response.data)))
        assert kind_example(name)["signatory"]["name"] in lines
    response = client.post("/render", json=kind_example(LETTER))
    assert unquote(response.headers["Content-Disposition"]).endswith("CV-512-UBND-LĐTBXH-2025.docx")
    body = client.post("/validate", json=changed(DECISION, executing_article=9)).get_json()
    assert body["code"] == "invalid_plan" and body["errors"][0]["path"] == "executing_article"


def test_the_document_a_decision_issues_as_its_own_file(client):
    response = client.post("/render/attachment", json=changed(DECISION_ISSUING_A_PLAN, attachment_file="separate"))
    assert response.status_code == 200
    assert unquote(response.headers["Content-Disposition"]).endswith("QĐ-215-UBND-2025-kem-theo.docx")
    lines = visible_lines(docx.Document(io.BytesIO(response.data)))
    assert lines[4] == "KẾ HOẠCH" and lines[6].startswith("(Ban hành kèm theo Quyết định số 215/QĐ-UBND")
    refused = client.post("/render/attachment", json=kind_example(DECISION))
    assert refused.status_code == 422 and refused.get_json()["code"] == "no_attachment"
    invalid = client.post("/render/attachment", json=changed(DECISION_ISSUING_A_PLAN, authority=""))
    assert invalid.status_code == 422 and invalid.get_json()["errors"][0]["path"] == "authority"


def test_conventions_name_the_kinds(client):
    kinds = client.get("/conventions").get_json()["kinds"]
    assert kinds["giay_moi"] == {"label": "Giấy mời", "type_name": "Giấy mời", "model": "Mẫu 1.7"}


def test_an_invalid_document_is_called_by_its_kind(client):
    """The 422's message names the document as a clerk does."""
    for kind, called in (("quyet_dinh", "Quyết định"), ("cong_van", "Công văn"), (None, "Kế hoạch"), ("x", "Văn bản")):
        body = {"schema_version": 1} if kind is None else {"schema_version": 1, "kind": kind}
        response = client.post("/validate", json=body)
        assert response.status_code == 422
        assert response.get_json()["message"].startswith(f"{called} có "), (kind, response.get_json()["message"])
