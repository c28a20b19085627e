"""What the recognizer tells the clerk: warnings (what it could not place)
and fixes (each Decree 30 deviation it corrected), one catalogue of codes
with their Vietnamese messages, in the shape of CONTRACTS.md #3:
``{"code", "message", "paragraph", "excerpt", "path"}``."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import excerpt as first_words

WARNINGS = {
    "no_header": "Không tìm thấy phần đầu văn bản (tên cơ quan, số ký hiệu, địa danh ngày tháng).",
    "no_issuer": "Không tìm thấy tên cơ quan ban hành; đã điền tạm, hãy nhập lại.",
    "no_document_type": "Không tìm thấy tên loại văn bản (ví dụ: KẾ HOẠCH); đã dùng mặc định \"Kế hoạch\".",
    "kind_unsure": "Văn bản không có tên loại (như TỜ TRÌNH, BÁO CÁO) ở đầu; đã đọc như {kind} theo ký hiệu, \"V/v\", \"Kính gửi\" hoặc các điều. Hãy kiểm tra lại loại văn bản.",
    "no_addressees": "Không tìm thấy \"Kính gửi:\"; đã điền tạm nơi nhận văn bản, hãy nhập lại.",
    "no_authority": "Không tìm thấy thẩm quyền ban hành (dòng in hoa dưới trích yếu, ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN …); đã điền tạm, hãy nhập lại.",
    "no_articles": "Không tìm thấy các điều (Điều 1., Điều 2. …); nội dung đã đặt vào Điều 1, hãy xem lại.",
    "no_meeting_line": "Không tìm thấy dòng \"{line}\" của giấy mời; đã điền tạm, hãy nhập lại.",
    "unreadable_meeting_time": "Không đọc được giờ, ngày họp \"{found}\"; đã điền tạm ngày ban hành lúc 0 giờ và giữ nguyên dòng này trong phần lưu ý, hãy nhập lại.",
    "no_summary": "Không tìm thấy trích yếu nội dung; đã điền tạm, hãy nhập lại.",
    "no_place_date": "Không tìm thấy địa danh và ngày tháng; đã điền tạm, hãy nhập lại.",
    "no_year": "Không đọc được năm ban hành; đã dùng năm {year}, hãy kiểm tra lại.",
    "invalid_date": "Ngày {day}/{month}/{year} không có trên lịch; đã để trống ngày.",
    "unreadable_number": "Không đọc được số văn bản \"{found}\"; đã để trống cho văn thư cấp số.",
    "unreadable_symbol": "Ký hiệu \"{found}\" không đúng dạng (chữ, số, dấu gạch nối); đã dùng ký hiệu mặc định.",
    "no_signatory": "Không tìm thấy người ký (chức vụ và họ tên); đã điền tạm, hãy nhập lại.",
    "no_signer_name": "Không tìm thấy họ tên người ký; đã điền tạm, hãy nhập lại.",
    "no_recipients": "Không tìm thấy phần \"Nơi nhận\".",
    "no_body": "Không tìm thấy nội dung kế hoạch (các đề mục I., II., 1., 2. …).",
    "no_closing": "Không tìm thấy đoạn kết thúc (\"Trên đây là Kế hoạch …\").",
    "table_in_body": "Bảng số liệu trong phần nội dung đã chuyển thành phụ lục.",
    "table_as_paragraphs": "Bảng này không phải bảng số liệu; mỗi dòng của bảng đã thành một đoạn văn (các ô cách nhau bằng dấu –).",
    "unreadable_cell": "Ô \"{found}\" không phải là số; đã để trống ô này và ghi nội dung của ô vào ghi chú dưới bảng.",
    "merged_task_cells": "Nhiệm vụ có ô gộp qua các cột {columns}; nội dung ô đã giữ ở cột đầu, hãy kiểm tra lại.",
    "task_renumbered": "Số thứ tự \"{found}\" của nhiệm vụ được đánh lại thành \"{fixed}\" (nhóm I, II…; nhiệm vụ 1, 2… trong từng nhóm).",
    "formatting_lost": "Không giữ được chữ đậm/nghiêng của đoạn này; đã giữ nguyên chữ.",
    "heading_too_deep": "Đề mục lồng quá 4 cấp; đã chuyển thành đoạn văn.",
    "paragraph_split": "Đoạn dài hơn một đoạn văn của kế hoạch; đã tách thành nhiều đoạn, không bỏ chữ nào.",
    "heading_as_text": "Đề mục quá dài; đã giữ nguyên làm đoạn văn đầu tiên dưới số thứ tự.",
    "list_split": "Danh sách gạch đầu dòng quá dài; đã tách thành hai danh sách liền nhau.",
    "moved_to_body": "Nội dung này không đặt được vào trường của nó (quá dài hoặc không đúng dạng); đã chuyển thành một đoạn văn trong phần nội dung, hãy xem lại.",
    "empty_document": "Tệp không có nội dung.",
    "clipboard_empty": "Không có nội dung để dán.",
    "clipboard_too_large": "Nội dung dán vào nhiều hơn phần nội dung của một kế hoạch có thể chứa; hãy dán từng phần.",
}

FIXES = {
    "day_leading_zero": "Ngày {found} → {fixed} (ngày dưới 10 phải có số 0 ở trước).",
    "month_leading_zero": "Tháng {found} → {fixed} (chỉ tháng 1 và 2 có số 0 ở trước).",
    "number_leading_zero": "Số {found} → {fixed} (số dưới 10 phải có số 0 ở trước).",
    "symbol_spaces": "Ký hiệu \"{found}\" → \"{fixed}\" (không có khoảng trắng).",
    "symbol_year": "Ký hiệu \"{found}\" → \"{fixed}\" (ký hiệu không ghi năm).",
    "legal_basis_ending": "Căn cứ phải kết thúc bằng dấu chấm phẩy \";\".",
    "last_legal_basis_ending": "Căn cứ cuối cần kết thúc bằng dấu chấm \".\".",
    "lead_in_split": "Câu dẫn được tách khỏi căn cứ cuối thành một đoạn riêng.",
    "point_letter": "Điểm {found} sau {previous} → {fixed} (bảng chữ cái tiếng Việt).",
    "closing_ending": "Thiếu \"./.\" ở cuối đoạn kết thúc; đã thêm.",
    "recipient_format": "Nơi nhận: mỗi dòng bắt đầu bằng \"- \" và kết thúc bằng \";\"; dòng Lưu kết thúc bằng \".\".",
    "archive_office": "Dòng Lưu phải có VT (văn thư) đứng đầu; đã thêm.",
    "recipients_title_format": "\"Nơi nhận:\" phải in nghiêng đậm, cỡ chữ 12.",
    "margin": "Lề {side} {found} mm → {fixed} mm.",
    "page_size": "Khổ giấy {found} → A4 (210 × 297 mm).",
    "body_size": "Cỡ chữ nội dung {found} → 14 (13–14 theo Nghị định 30).",
    "font": "Phông chữ \"{found}\" → Times New Roman.",
    "motto_hyphens": "Tiêu ngữ phải là \"Độc lập - Tự do - Hạnh phúc\" (gạch nối có khoảng trắng).",
    "national_title_case": "Quốc hiệu phải viết in hoa: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.",
    "issuer_case": "Tên cơ quan ban hành phải viết in hoa, đậm.",
    "heading_case": "Đề mục cấp I. phải viết in hoa.",
    "signer_title": "Bỏ học hàm, học vị trước tên người ký: \"{found}\" → \"{fixed}\".",
    "authority_dot": "Thẩm quyền ký \"{found}\" → \"{fixed}\".",
    "place_comma": "Thiếu dấu phẩy sau địa danh; đã thêm.",
}


@dataclass
class Notes:
    """Warnings and fixes of one import, in the order found."""

    warnings: list[dict] = field(default_factory=list)
    fixes: list[dict] = field(default_factory=list)

    def warn(self, code: str, paragraph: int | None = None, text: str | None = None, path: str | None = None, **params):
        self.warnings.append(_item(WARNINGS, code, paragraph, text, path, params))

    def fix(self, code: str, paragraph: int | None = None, text: str | None = None, path: str | None = None, **params):
        self.fixes.append(_item(FIXES, code, paragraph, text, path, params))


def _item(catalogue: dict, code: str, paragraph, text, path, params) -> dict:
    return {
        "code": code,
        "message": catalogue[code].format(**params),
        "paragraph": paragraph,
        "excerpt": first_words(text) if text else None,
        "path": path,
    }
