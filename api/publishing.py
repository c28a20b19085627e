"""What the records office needs to issue a document electronically:
POST /render/appendices/<n>: one appendix as a file of its own (DOCX, or
PDF/A with the organisation's signature field at the top right);
POST /metadata: the e-office metadata of Appendix VI and where the signature
fields are, for the document-management system and the signing tool. Both
take any kind of document, as /render does."""

from __future__ import annotations

from flask import current_app, request
from marshmallow import Schema, fields

from generators.appendix_file import appendix_docx, printed_appendices
from generators.naming import download_name
from nd30.kinds import name_of
from publishing import document_metadata, issue_appendix, issue_document, page_count
from schemas.docs import doc

from .arguments import Blueprint
from .errors import ApiError, documented
from .pdf_options import pdf_of, wanted_pdf
from .plan_request import wanted_format
from .render import (
    DOCUMENT_ERRORS,
    PLAN_ERRORS,
    FormatQuery,
    document_answer,
    file_response,
    plan_body,
)

blp = Blueprint("publishing", __name__, description="Ban hành văn bản điện tử: phụ lục thành tệp riêng, dữ liệu văn bản")
# /metadata hands out no document: no format to refuse.
CONVERSION_ERRORS = tuple(code for code in DOCUMENT_ERRORS if not code.startswith("invalid_"))


def nullable_string(title: str, description: str) -> fields.String:
    return fields.String(allow_none=True, metadata=doc(title, description))


class SignerInfoSchema(Schema):
    Position = fields.String(metadata=doc("Chức vụ của người ký", "Trường 12.1"))
    FullName = fields.String(metadata=doc("Họ và tên người ký", "Trường 12.2"))


class RecipientInfoSchema(Schema):
    OrganName = fields.String(metadata=doc("Tên cơ quan, tổ chức nhận", "Trường 13.2"))


class PrioritySchema(Schema):
    Urgency = nullable_string("Mức độ khẩn", "Khẩn, Thượng khẩn, Hỏa tốc; null khi không đặt")
    Confidentiality = nullable_string("Độ mật", "Mật, Tối mật, Tuyệt mật; null khi không đặt")


class DocumentMetadataSchema(Schema):
    TypeName = fields.String(metadata=doc("Tên loại văn bản", "Trường 3"))
    CodeNumber = nullable_string("Số của văn bản", "Trường 4, như in: 05; null khi văn thư chưa cấp số")
    CodeNotation = fields.String(metadata=doc("Ký hiệu của văn bản", "Trường 5: KH-UBND"))
    IssuedDate = nullable_string("Ngày, tháng, năm văn bản", "Trường 6, ISO 8601 (2021-03-05); null khi chưa đủ ngày")
    OrganName = fields.String(metadata=doc("Cơ quan ban hành", "Trường 7"))
    Subject = fields.String(metadata=doc("Trích yếu nội dung", "Trường 8"))
    Language = fields.String(metadata=doc("Ngôn ngữ", "Trường 9"))
    PageAmount = fields.Integer(metadata=doc("Số trang của văn bản", "Trường 10: số trang của bản PDF ban hành"))
    SignerInfo = fields.Nested(SignerInfoSchema, metadata=doc("Chức vụ, họ tên người ký", "Trường 12"))
    To = fields.List(fields.Nested(RecipientInfoSchema), metadata=doc("Nơi nhận", "Trường 13, không gồm dòng Lưu"))
    Priority = fields.Nested(PrioritySchema, metadata=doc("Mức độ khẩn, độ mật", "Trường 14"))


class SignatureFieldSchema(Schema):
    name = fields.String(metadata=doc("Tên ô chữ ký", "ND30_Signer hoặc ND30_Organization"))
    description = fields.String(metadata=doc("Mô tả", "Như công cụ ký số hiển thị"))
    page = fields.Integer(metadata=doc("Trang", "Số thứ tự trang trong tệp PDF, từ 1"))
    rect = fields.List(fields.Float(), metadata=doc("Vị trí", "[trái, dưới, phải, trên] theo point, gốc ở góc dưới trái trang"))


class MetadataResponseSchema(Schema):
    metadata = fields.Nested(DocumentMetadataSchema, metadata=doc(
        "Dữ liệu văn bản", "Các trường thông tin đầu vào của văn bản đi (Phụ lục VI Nghị định 30)"))
    signature_fields = fields.List(fields.Nested(SignatureFieldSchema), metadata=doc(
        "Ô chữ ký số", "Trong bản PDF/A mà POST /render?format=pdf trả về"))


@blp.route("/render/appendices/<int:number>", methods=["POST"])
@blp.doc(
    summary="Tạo riêng một phụ lục (DOCX hoặc PDF) để ban hành thành tệp riêng",
    description="number: số thứ tự phụ lục, từ 1 (Phụ lục I là 1); với quyết định có văn bản ban hành kèm theo "
                "cùng tệp: phụ lục của văn bản đó. PDF/A có ô chữ ký số của cơ quan ở góc trên, bên phải trang đầu "
                "(Phụ lục I Nghị định 30).",
)
@blp.arguments(FormatQuery, location="query", as_kwargs=True)
@plan_body
@document_answer
@documented(blp, *PLAN_ERRORS, *DOCUMENT_ERRORS, "appendix_not_found")
def render_appendix(plan: dict, number: int, output: str | None = None, pdf_kind: str | None = None):
    output_format, pdf_choice = wanted_format(request, output), wanted_pdf(request, pdf_kind)
    index = appendix_index(plan, number)
    docx = appendix_docx(current_app.extensions["workers"].run("render", plan), plan, index)
    stem, _, extension = download_name(plan, output_format).rpartition(".")
    name = f"{stem}-PL{number}.{extension}"
    if output_format == "pdf":
        issued, headers = pdf_of(docx, pdf_choice, lambda made: issue_appendix(plan, index, docx, made))
        return file_response(issued, name, output_format, headers)
    return file_response(docx, name, output_format, {})


def appendix_index(plan: dict, number: int) -> int:
    count = len(printed_appendices(plan))
    if not 1 <= number <= count:
        has = f"có {count} phụ lục" if count else "không có phụ lục nào"
        raise ApiError(404, "appendix_not_found", f"{name_of(plan)} {has}; không có phụ lục số {number}.")
    return number - 1


@blp.route("/metadata", methods=["POST"])
@blp.doc(
    summary="Dữ liệu văn bản điện tử (Phụ lục VI Nghị định 30) và vị trí các ô chữ ký số của bản PDF/A",
    description="Tạo bản PDF/A như POST /render?format=pdf để đếm số trang và đặt ô chữ ký.",
)
@plan_body
@blp.response(200, MetadataResponseSchema)
@documented(blp, *PLAN_ERRORS, *CONVERSION_ERRORS)
def metadata(plan: dict):
    document = current_app.extensions["workers"].run("render", plan)
    issued = issue_document(plan, document, current_app.extensions["converter"].convert(document, to="pdfa"))
    return {
        "metadata": document_metadata(plan, page_count(issued.content)),
        "signature_fields": [
            {"name": item.name, "description": item.description, "page": item.place.page + 1,
             "rect": [round(value, 2) for value in (item.place.box.left, item.place.box.bottom,
                                                    item.place.box.right, item.place.box.top)]}
            for item in issued.signature_fields
        ],
    }
