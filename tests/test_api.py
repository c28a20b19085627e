"""The HTTP API: files, errors in one shape, schema, examples, health, docs."""

from __future__ import annotations

import io
import json

import docx
import jsonschema
import pytest

from converters import ConversionFailed, ConversionTimeout, ConversionUnavailable
from schemas import load_plan
from tests.docx_reading import visible_lines
from tests.plans import EXAMPLE_NAMES, example, plan

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def assert_error(response, status: int, code: str):
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"status", "code", "message", "errors"}
    assert body["status"] == status and body["code"] == code
    assert body["message"]
    return body


def test_render_docx_from_json(client):
    response = client.post("/render", json=plan(number=5, date={"year": 2021, "month": 3, "day": 5}))
    assert response.status_code == 200
    assert response.mimetype == DOCX_TYPE
    assert response.headers["Content-Disposition"] == "attachment; filename=KH-05-UBND-2021.docx"
    assert "Số: 05/KH-UBND" in visible_lines(docx.Document(io.BytesIO(response.data)))


def test_render_from_an_uploaded_file(client):
    upload = io.BytesIO(json.dumps(example("tam-duong-2021"), ensure_ascii=False).encode("utf-8"))
    response = client.post("/render", data={"plan": (upload, "ke-hoach.json")}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=KH-UBND-2021.docx"


def test_vietnamese_file_name_is_encoded(client):
    response = client.post("/render", json=plan(number=3, document_type="Đề án"))
    disposition = response.headers["Content-Disposition"]
    assert "filename*=UTF-8''%C4%90A-03-UBND-2024.docx" in disposition
    assert "filename=DA-03-UBND-2024.docx" in disposition


def test_invalid_plan_lists_every_field_error(client):
    body = assert_error(client.post("/render", json=plan(place="", summary="a\x01b")), 422, "invalid_plan")
    assert {(e["path"], e["code"]) for e in body["errors"]} == {("place", "blank"), ("summary", "control_character")}
    assert all(e["message"] for e in body["errors"])


def test_malformed_json(client):
    response = client.post("/render", data=b'{"schema_version": 1,', content_type="application/json")
    assert "dòng 1" in assert_error(response, 400, "malformed_json")["message"]


def test_upload_that_is_not_json(client):
    upload = (io.BytesIO(b"\xff\xfe not utf-8"), "plan.json")
    response = client.post("/render", data={"plan": upload}, content_type="multipart/form-data")
    assert_error(response, 400, "malformed_json")


def test_upload_without_file(client):
    response = client.post("/render", data={"format": "docx"}, content_type="multipart/form-data")
    assert_error(response, 400, "missing_file")


def test_unknown_format(client):
    assert_error(client.post("/render?format=odt", json=plan()), 400, "invalid_format")


def test_too_large(client):
    huge = b'{"x": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    assert_error(client.post("/render", data=huge, content_type="application/json"), 413, "too_large")


def test_wrong_content_type(client):
    response = client.post("/render", data="schema_version=1", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")


def test_pdf_without_libreoffice_is_503_with_retry_after(client):
    response = client.post("/render", json=plan(), headers={"Accept": "application/pdf"})
    body = assert_error(response, 503, "conversion_unavailable")
    assert int(response.headers["Retry-After"]) > 0
    assert "DOCX" in body["message"]


def test_docx_still_works_without_libreoffice(client):
    assert client.post("/render?format=docx", json=plan()).status_code == 200


def test_not_found_and_method_not_allowed(client):
    assert_error(client.get("/nowhere"), 404, "not_found")
    response = client.get("/render")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


def test_json_schema_is_generated_and_accepts_the_examples(client):
    schema = client.get("/schema").get_json()
    # A document without "kind" is a plan: the union's first branch (tests/kinds check the others).
    assert schema["$ref"] == "#/$defs/Document"
    assert schema["$defs"]["Document"]["allOf"][0] == {"if": {"properties": {"kind": {"const": "ke_hoach"}}},
                                                       "then": {"$ref": "#/$defs/Plan"}}
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in EXAMPLE_NAMES:
        assert not list(validator.iter_errors(example(name))), name
    assert list(validator.iter_errors(plan(unknown_field=1)))
    assert schema["$defs"]["Part"]["properties"]["content"]["items"] == {"$ref": "#/$defs/Block"}
    # each section kind is Part plus its own type (and default heading), closed to unknown fields
    tasks = schema["$defs"]["Tasks"]
    assert tasks["$ref"] == "#/$defs/Part" and tasks["unevaluatedProperties"] is False
    assert set(tasks["properties"]) == {"type", "heading"} and tasks["properties"]["type"]["const"] == "tasks"
    assert tasks["properties"]["heading"]["default"] == "Nhiệm vụ và giải pháp"
    for block in ({"type": "tasks", "colour": 1}, {"type": "section", "heading": "x", "extra": 1},
                  {"type": "targets", "general": {"heading": "x", "colour": 1}}):
        assert list(validator.iter_errors(plan(body=[block]))), block
    assert not list(validator.iter_errors(plan(body=[{"type": "tasks", "run_in": True, "content": []}])))
    point_content = schema["$defs"]["PointItem"]["properties"]["content"]["items"]
    assert point_content == {"$ref": "#/$defs/Block", "properties": {"type": {"enum": ["paragraph", "bullets", "table"]}}}
    block = schema["$defs"]["Block"]
    assert {"if": {"properties": {"type": {"const": "paragraph"}}}, "then": {"$ref": "#/$defs/Paragraph"}} in block["allOf"]
    assert list(validator.iter_errors(plan(body=[{"type": "points", "items": [{"text": "a", "content": [
        {"type": "section", "heading": "x"}]}]}])))  # a section inside a point is refused


def test_json_schema_is_small_and_documented_in_vietnamese(client):
    response = client.get("/schema")
    # The plan with its tables and task matrices took 27 kB; six more kinds on
    # one shared core (each only its own fields) and articles make about 37.5 kB.
    assert len(response.data) <= 40_000
    definitions = response.get_json()["$defs"]
    undocumented = [
        f"{name}.{key}"
        for name, definition in definitions.items()
        for key, prop in definition.get("properties", {}).items()
        if name != "Block" and not (prop.get("title") and prop.get("description"))
    ]
    assert undocumented == []
    # each object type once: no definition is repeated inline; the unions of
    # blocks (on "type") and of document kinds (on "kind") are the only allOf
    text = response.data.decode()
    assert text.count('"allOf"') == 2


def test_examples(client):
    listed = client.get("/examples").get_json()
    assert sorted(item["name"] for item in listed) == EXAMPLE_NAMES
    first = listed[0]
    assert client.get(first["url"]).get_json() == example(first["name"])
    assert_error(client.get("/examples/khong-co"), 404, "not_found")


def test_conventions_are_the_documents_own(client):
    """The form draws point letters and default headings from here: the
    same rules the generator prints with (đ after d, no f/j/w/z)."""
    from generators import render_docx
    from nd30.parts import DEFAULT_HEADINGS

    conventions = client.get("/conventions").get_json()
    assert conventions["point_letters"][:6] == ["a", "b", "c", "d", "đ", "e"]
    assert not {"f", "j", "w", "z"} & set(conventions["point_letters"])
    assert conventions["default_headings"] == DEFAULT_HEADINGS
    items = [{"text": f"Điểm {index}"} for index in range(len(conventions["point_letters"]))]
    document = docx.Document(io.BytesIO(render_docx(load_plan(plan(body=[{"type": "points", "items": items}])))))
    printed = [line.split(")")[0] for line in visible_lines(document) if line.endswith(tuple(f"Điểm {i}" for i in range(30)))]
    assert printed == conventions["point_letters"]


def test_healthz(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    # Tests render and read uploads in-process by default.
    assert {lane["isolation"] for lane in body["workers"]["lanes"].values()} == {"inline"}
    assert "converter" in body


class PoolStatus:
    """A converter that only reports how many of its instances are ready."""

    def __init__(self, ready):
        self.ready = ready

    def status(self):
        return {"backend": "pool", "size": 2, "ready": self.ready}

    def close(self):
        pass


def test_readyz_waits_for_a_libreoffice_instance():
    from app import create_app

    starting = create_app({"TESTING": True, "CONVERTER": PoolStatus(ready=0)}).test_client()
    body = assert_error(starting.get("/readyz"), 503, "not_ready")
    assert "LibreOffice" in body["message"]
    assert starting.get("/readyz").headers["Retry-After"] == "5"
    assert starting.get("/healthz").status_code == 200  # alive all the same: liveness is not readiness
    ready = create_app({"TESTING": True, "CONVERTER": PoolStatus(ready=1)}).test_client()
    assert ready.get("/readyz").get_json() == {"status": "ready", "pdf_ready": 1}


def test_readyz_without_pdf_is_ready(client):
    assert client.get("/readyz").get_json() == {"status": "ready", "pdf_ready": 0}  # PDF_BACKEND=none: DOCX only


def test_openapi_and_local_docs(client):
    spec = client.get("/openapi.json").get_json()
    assert "/render" in spec["paths"]
    assert set(spec["paths"]["/render"]["post"]["responses"]) >= {"200", "400", "413", "415", "422", "503"}
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in html
    assert "http" not in html.split("<script")[1].split(">")[0]  # no CDN script
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("payload", [[], "text", 5, None])
def test_plan_that_is_not_an_object(client, payload):
    response = client.post("/render", data=json.dumps(payload), content_type="application/json")
    assert_error(response, 422, "invalid_plan")


class FailingConverter:
    """Stands in for LibreOffice to check how each failure is reported."""

    def __init__(self, error):
        self.error = error

    def convert(self, docx, *, timeout=None, to="pdf"):
        raise self.error

    def status(self):
        return {"backend": "failing"}

    def close(self):
        pass


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (ConversionTimeout("Quá thời gian.", seconds=30), 504, "conversion_timeout"),
        (ConversionFailed("Không thể chuyển."), 502, "conversion_failed"),
        (ConversionUnavailable("Đang bận.", retry_after=7), 503, "conversion_unavailable"),
    ],
)
def test_conversion_failures_are_reported(error, status, code):
    from app import create_app

    client = create_app({"TESTING": True, "CONVERTER": FailingConverter(error)}).test_client()
    body = assert_error(client.post("/render?format=pdf", json=plan()), status, code)
    assert body["message"] == str(error)


def test_validate_only(client):
    assert client.post("/validate", json=plan()).get_json() == {"valid": True}
    body = assert_error(client.post("/validate", json=plan(place="")), 422, "invalid_plan")
    assert body["errors"][0]["path"] == "place"


def test_schema_keeps_the_field_order(client):
    definitions = client.get("/schema").get_json()["$defs"]
    # The fields every kind shares, the plan's own after them.
    assert list(definitions["DocumentCore"]["properties"])[:3] == ["schema_version", "draft_mark", "issuer"]
    assert list(definitions["Plan"]["properties"])[:3] == ["kind", "document_type", "legal_bases"]


def test_json_schema_agrees_with_validation_on_nulls(client):
    validator = jsonschema.Draft202012Validator(client.get("/schema").get_json())
    data = plan(signatory={"collective": None, "authority": None, "principal_title": None, "title": "Chủ tịch", "name": "A"})
    assert not list(validator.iter_errors(data))
    assert load_plan(data)


def test_json_answers_carry_vietnamese_as_utf8_not_escapes(client):
    response = client.post("/render", json={"schema_version": 1})
    assert response.status_code == 422
    assert "Kế hoạch có".encode() in response.data and b"\\u" not in response.data


@pytest.mark.parametrize("path", ["/render", "/validate"])
def test_a_lone_surrogate_key_or_string_is_a_422_naming_it(client, path):
    """JSON escapes carry lone surrogates, UTF-8 answers cannot: the path names one escaped."""
    for body, problem in ((b'{"schema_version": 1, "\\ud800": 1}', {"path": "\\ud800", "code": "unknown_field"}),
                          (b'{"schema_version": 1, "summary": "a\\udc00b"}', {"path": "summary"})):
        response = client.post(path, data=body, content_type="application/json")
        assert response.status_code == 422, response.get_data(as_text=True)
        answer = response.get_json()
        assert answer["code"] == "invalid_plan"
        assert any(problem.items() <= error.items() for error in answer["errors"]), answer["errors"]


def test_a_lone_surrogate_in_a_paste_is_a_400_naming_it(client):
    response = client.post("/import/clipboard", data=b'{"html": "<p>\\udfff</p>"}', content_type="application/json")
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["code"] == "malformed_json" and "surrogate" in answer["message"]
    assert answer["errors"] == [{"path": "html", "code": "invalid_character", "message": answer["message"]}]
