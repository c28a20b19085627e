"""POST /import and POST /import/clipboard: results, re-rendering, and a 4xx
in the API's error shape for every file it does not read."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from generators import render_docx
from schemas import load_plan
from tests.plans import example

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ERROR_KEYS = {"status", "code", "message", "errors"}


def rendered(name: str = "tam-duong-2021") -> bytes:
    return render_docx(load_plan(example(name)))


def post_file(client, data: bytes, name: str = "ke-hoach.docx", query: str = ""):
    return client.post(f"/import{query}", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def assert_error(response, status: int, code: str):
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert set(body) >= ERROR_KEYS and body["code"] == code and body["status"] == status
    assert body["message"]


def word_document(build) -> bytes:
    document = docx.Document()
    build(document)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def with_content_type(data: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(old.encode(), new.encode())
            target.writestr(item, content)
    return output.getvalue()


def test_multipart_upload_gives_plan_warnings_fixes_and_coverage(client):
    response = post_file(client, rendered())
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"plan", "warnings", "fixes", "coverage"}
    assert load_plan(body["plan"])["summary"] == example("tam-duong-2021")["summary"]
    coverage = body["coverage"]
    assert coverage["words"] > 3000 and coverage["kept"] == coverage["words"] and coverage["share"] == 1
    assert coverage["places"] == [] and coverage["message"] == "Đã giữ toàn bộ nội dung."


def test_raw_body_with_its_content_type(client):
    response = client.post("/import", data=rendered("minimal"), content_type=DOCX)
    assert response.status_code == 200
    assert response.get_json()["plan"]["issuer"]["name"] == "Ủy ban nhân dân xã Tân Phú"


def test_format_docx_re_renders_at_once(client):
    response = post_file(client, rendered(), query="?format=docx")
    assert response.status_code == 200 and response.mimetype == DOCX
    reopened = docx.Document(io.BytesIO(response.data))
    assert any("MỤC ĐÍCH, YÊU CẦU" in p.text for p in reopened.paragraphs)


def test_fixes_name_what_was_wrong(client):
    def build(document):
        document.add_paragraph("UBND HUYỆN TAM ĐƯỜNG").runs[0].bold = True
        document.add_paragraph("Số: 5/KH-UBND")
        document.add_paragraph("Tam Đường, ngày 5 tháng 03 năm 2021")
        document.add_paragraph("KẾ HOẠCH").runs[0].bold = True
        document.add_paragraph("Giảm nghèo năm 2021").runs[0].bold = True
        document.add_paragraph("Căn cứ Luật A")
        document.add_paragraph("Căn cứ Luật B")
        document.add_paragraph("Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:")
        document.add_paragraph("I. NỘI DUNG").runs[0].bold = True
        for letter in "abcde":
            document.add_paragraph(f"{letter}) Việc {letter}")
        document.add_paragraph("Trên đây là Kế hoạch của huyện.")
        document.add_paragraph("Nơi nhận:")
        document.add_paragraph("- Lưu: VT.")
        document.add_paragraph("KT. CHỦ TỊCH")
        document.add_paragraph("PHÓ CHỦ TỊCH")
        document.add_paragraph("Vũ Xuân Thịnh")
    body = post_file(client, word_document(build)).get_json()
    fixes = {fix["code"]: fix for fix in body["fixes"]}
    assert {"day_leading_zero", "month_leading_zero", "number_leading_zero", "legal_basis_ending",
            "last_legal_basis_ending", "point_letter", "closing_ending"} <= set(fixes)
    assert fixes["day_leading_zero"]["path"] == "date.day" and fixes["day_leading_zero"]["paragraph"] == 3
    assert fixes["point_letter"]["message"] == "Điểm e) sau d) → đ) (bảng chữ cái tiếng Việt)."
    plan = load_plan(body["plan"])
    assert plan["date"] == {"year": 2021, "month": 3, "day": 5} and plan["number"] == 5
    assert plan["signatory"]["authority"] == "KT" and plan["signatory"]["title"] == "Phó Chủ tịch"
    assert plan["closing"] == "Trên đây là Kế hoạch của huyện"
    assert len(plan["body"][0]["content"][0]["items"]) == 5


@pytest.mark.parametrize("build", [
    lambda d: d.add_paragraph("Kính gửi: Ông Nguyễn Văn A. Tôi xin trình bày một việc như sau."),
    lambda d: None,
    lambda d: d.add_table(rows=2, cols=3),
], ids=["letter", "empty", "table-only"])
def test_a_document_that_is_no_plan_imports_with_warnings(client, build):
    response = post_file(client, word_document(build))
    assert response.status_code == 200
    body = response.get_json()
    assert body["warnings"]
    load_plan(body["plan"])  # placeholders keep it valid
    assert post_file(client, word_document(build), query="?format=docx").status_code == 200


def test_table_of_figures_only_becomes_an_appendix(client):
    def build(document):
        table = document.add_table(rows=3, cols=3)
        for row, cells in zip(table.rows, [("TT", "Thôn", "Số hộ"), ("1", "Đông", "3.022"), ("", "Tổng cộng", "3.022")]):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    plan = load_plan(post_file(client, word_document(build)).get_json()["plan"])
    table = plan["appendices"][0]["table"]
    assert table["rows"] == [{"label": "Đông", "values": {table["columns"][0]["key"]: 3022}}]


def test_macro_enabled_word_file_is_refused(client):
    data = with_content_type(rendered("minimal"), "wordprocessingml.document.main+xml", "PLACEHOLDER")
    data = with_content_type(data, "application/vnd.openxmlformats-officedocument.PLACEHOLDER",
                             "application/vnd.ms-word.document.macroEnabled.main+xml")
    assert_error(post_file(client, data, "x.docm"), 415, "unsupported_file")


def test_password_protected_file_is_refused(client):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    assert_error(post_file(client, ole), 422, "encrypted_file")


def test_zip_bomb_is_refused_before_reading(client):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        bomb.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    assert_error(post_file(client, output.getvalue()), 422, "corrupt_file")


@pytest.mark.parametrize("data", [b"PK\x03\x04broken", rendered("minimal")[:2000], b"%PDF-1.7\n", b"{\"json\": 1}"],
                         ids=["broken-zip", "truncated-docx", "pdf", "json"])
def test_corrupt_or_other_files_get_a_4xx(client, data):
    response = post_file(client, data)
    assert response.status_code in (415, 422)
    assert response.get_json()["code"] in ("unsupported_file", "corrupt_file")


class NoConversion:
    """A converter that must not be asked: the refusal comes from the file's bytes."""

    def convert(self, document, *, timeout=None, to="pdf"):
        raise AssertionError("LibreOffice was asked to convert a file refused from its bytes")

    def close(self):
        pass


@pytest.mark.parametrize("stream", ["Workbook", "PowerPoint Document", "__substg1.0_0037001F"],
                         ids=["xls", "ppt", "msg"])
def test_an_ole2_file_that_is_no_word_document_is_a_415_before_libreoffice(app, client, stream):
    app.extensions["converter"] = NoConversion()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 1024
    assert_error(post_file(client, ole, "x.doc"), 415, "unsupported_file")


def test_a_docx_carrying_an_odf_mimetype_is_a_422_before_libreoffice(app, client):
    app.extensions["converter"] = NoConversion()
    source = zipfile.ZipFile(io.BytesIO(rendered("minimal")))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        target.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
    assert_error(post_file(client, output.getvalue(), "x.odt"), 422, "corrupt_file")


def test_a_file_libreoffice_cannot_read_is_a_422(app, client):
    from converters import ConversionFailed

    class Refusing(NoConversion):
        def convert(self, document, *, timeout=None, to="pdf"):
            raise ConversionFailed("không chuyển được", detail="LibreOffice could not load it")

    app.extensions["converter"] = Refusing()
    rtf = b"{\\rtf1 van ban\\par}"
    assert_error(post_file(client, rtf, "x.rtf"), 422, "corrupt_file")


def test_xlsx_is_not_a_word_document(client):
    data = with_content_type(rendered("minimal"), "wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml")
    assert_error(post_file(client, data, "x.xlsx"), 415, "unsupported_file")


def test_missing_file_and_too_large(app, client):
    assert_error(client.post("/import", data={}, content_type="multipart/form-data"), 400, "missing_file")
    assert_error(client.post("/import", data=b"", content_type=DOCX), 400, "missing_file")
    app.config["IMPORT_MAX_CONTENT_LENGTH"] = 1000
    assert_error(client.post("/import", data=rendered("minimal"), content_type=DOCX), 413, "too_large")


def test_doc_goes_through_the_converter(app, client):
    calls = []

    class FakeConverter:
        def convert(self, document, *, timeout=None, to="pdf"):
            calls.append(to)
            return rendered("minimal")

        def close(self):
            pass

    app.extensions["converter"] = FakeConverter()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 1024
    response = client.post("/import", data=ole, content_type="application/msword")
    assert response.status_code == 200 and calls == ["docx"]
    assert response.get_json()["plan"]["place"] == "Tân Phú"


def test_clipboard_html_from_word(client):
    html = (
        "<html><body>"
        "<p class=MsoNormal><b>1. Mục đích</b></p>"
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>-<span>&nbsp;</span></span>"
        "<b>Về y tế:</b> cấp thẻ <i>bảo hiểm</i></p>"
        "<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o</span>Người nghèo</p>"
        "<p class=MsoNormal>a) Điểm một</p>"
        "</body></html>"
    )
    response = client.post("/import/clipboard", json={"html": html, "text": None})
    assert response.status_code == 200
    blocks = response.get_json()["blocks"]
    section = blocks[0]
    assert section["heading"] == "Mục đích"
    bullets = section["content"][0]
    assert bullets == {"type": "bullets", "items": [{"text": "**Về y tế:** cấp thẻ *bảo hiểm*", "sub_items": ["Người nghèo"]}]}
    assert section["content"][1]["type"] == "points"


def test_clipboard_word_conditional_markers_are_not_text(client):
    """Word wraps each list label in <![if !supportLists]> … <![endif]>."""
    html = (
        "<html><body><!--StartFragment-->"
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1."
        "<span>&nbsp;&nbsp;</span></span><![endif]><b>Tuyên truyền</b></p>"
        "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>a)"
        "<span>&nbsp;</span></span><![endif]>Hội nghị <!--[if gte mso 9]><xml>x</xml><![endif]-->quán triệt</p>"
        "<!--EndFragment--></body></html>"
    )
    blocks = client.post("/import/clipboard", json={"html": html, "text": None}).get_json()["blocks"]
    assert blocks == [{"type": "section", "heading": "Tuyên truyền", "content": [
        {"type": "points", "items": [{"text": "Hội nghị quán triệt", "content": []}]}]}]


def test_clipboard_plain_text_lines(client):
    body = client.post("/import/clipboard", json={"text": "- Một\n+ Hai\nBa"}).get_json()
    assert body["blocks"] == [{"type": "bullets", "items": [{"text": "Một", "sub_items": ["Hai"]}]},
                              {"type": "paragraph", "text": "Ba"}]


def test_clipboard_bad_input(client):
    assert_error(client.post("/import/clipboard", json={"html": 5}), 400, "bad_request")
    assert_error(client.post("/import/clipboard", data="x", content_type="text/plain"), 415, "unsupported_media_type")
    assert client.post("/import/clipboard", json={}).get_json()["warnings"][0]["code"] == "clipboard_empty"


def test_openapi_documents_both_endpoints(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert "/import" in paths and "/import/clipboard" in paths


def test_a_recognized_plan_that_does_not_validate_is_a_422_that_keeps_it(client, monkeypatch):
    import recognizer

    broken = {"plan": {"schema_version": 1}, "warnings": [], "fixes": []}
    monkeypatch.setattr(recognizer, "recognize", lambda data, convert=None: broken)
    response = post_file(client, rendered("minimal"), query="?format=docx")
    assert_error(response, 422, "invalid_plan")
    body = response.get_json()
    assert body["plan"] == {"schema_version": 1} and body["errors"] and "warnings" in body


def test_the_import_result_is_documented_by_its_schema_and_answers_match_it(client):
    import jsonschema

    spec = client.get("/openapi.json").get_json()
    operation = spec["paths"]["/import"]["post"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ImportResult"}
    note = spec["components"]["schemas"]["Note"]
    assert set(note["properties"]) == {"code", "message", "paragraph", "excerpt", "path"}
    assert set(operation["requestBody"]["content"]) >= {"multipart/form-data", DOCX}
    answer = post_file(client, rendered()).get_json()
    assert answer["warnings"] or answer["fixes"] or answer["plan"]
    jsonschema.validate(answer, {"$ref": "#/components/schemas/ImportResult", "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)
