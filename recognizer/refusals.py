"""Files the recognizer does not read: a stable code, the HTTP status the API
answers with, and a Vietnamese message saying why and what to do."""

from __future__ import annotations

MESSAGES = {
    "unsupported_file": "Tệp không phải văn bản Word (.docx, .doc), OpenDocument (.odt) hay RTF; tệp có macro (.docm) cũng không được nhận.",
    "not_word": "Tệp là một tệp Office nhưng không phải văn bản Word (có thể là bảng tính Excel hay bản trình chiếu); hãy gửi tệp Word (.docx, .doc).",
    "macro_file": "Tệp Word có macro (.docm) không được nhận; hãy lưu lại thành .docx (Word: Lưu thành… → Tài liệu Word).",
    "encrypted_file": "Tệp được đặt mật khẩu; hãy bỏ mật khẩu trong Word (Tệp → Thông tin → Bảo vệ tài liệu) rồi gửi lại.",
    "corrupt_file": "Tệp bị hỏng hoặc không đọc được; hãy mở bằng Word, lưu lại thành .docx rồi gửi lại.",
    "unconvertible": "Không đọc được tệp này (LibreOffice không mở được); hãy mở bằng Word, lưu lại thành .docx rồi gửi lại.",
    "odf_without_content": "Tệp mang dấu hiệu của văn bản OpenDocument (.odt) nhưng không có nội dung; hãy mở bằng Word hoặc LibreOffice, lưu lại thành .docx rồi gửi lại.",
    "rtf_binary": "Tệp RTF bị hỏng: một hình ảnh khai báo dài hơn cả tệp; hãy mở bằng Word, lưu lại thành .docx rồi gửi lại.",
    "zip_bomb": "Tệp giải nén ra quá lớn so với kích thước của nó; không đọc tệp này.",
    "part_too_large": "Tệp có phần nội dung {part} dài {count} MB, quá giới hạn {max} MB của một văn bản; hãy chia nhỏ văn bản.",
    "too_many_footnotes": "Văn bản có {count} chú thích cuối trang, quá giới hạn {max} của một kế hoạch; hãy bỏ bớt chú thích rồi gửi lại.",
    "too_much_text": "Văn bản có {count} ký tự, quá giới hạn {max} ký tự của một kế hoạch (khoảng 140 trang); hãy chia nhỏ văn bản.",
    "too_many_paragraphs": "Văn bản có {count} đoạn có chữ, quá giới hạn {max} của một kế hoạch; hãy chia nhỏ văn bản.",
    "too_many_runs": "Văn bản có {count} đoạn định dạng (chữ đậm, nghiêng…), quá giới hạn {max}; hãy bỏ bớt định dạng hoặc chia nhỏ văn bản.",
    "too_many_cells": "Các bảng của văn bản có {count} ô, quá giới hạn {max} của một kế hoạch; hãy chia nhỏ bảng.",
    "too_many_empty": "Văn bản có hơn {max} đoạn, đoạn định dạng hoặc dòng bảng trống; hãy xóa các dòng trống thừa rồi gửi lại.",
    "too_many_tables": "Văn bản có {count} bảng, quá giới hạn {max} của một kế hoạch; hãy chia nhỏ văn bản.",
}
STATUS = {"unsupported_file": 415, "encrypted_file": 422, "corrupt_file": 422, "too_large": 413}
# Refusals for what a document holds: the file is readable, a plan cannot hold it.
CONTENT_CODES = ("part_too_large", "too_many_footnotes", "too_much_text", "too_many_paragraphs", "too_many_runs",
                 "too_many_cells", "too_many_tables", "too_many_empty")  # fmt: skip
STATUS.update(dict.fromkeys(CONTENT_CODES, 422))


def figure(value: int) -> str:
    """A count the Vietnamese way: 1.000."""
    return f"{value:,}".replace(",", ".")


class FileRefused(Exception):
    """A file the recognizer does not read: ``code``, ``status`` and ``message``.

    ``message_key`` picks a more precise message than the code's own;
    ``values`` fill its blanks (counts, limits).
    """

    def __init__(self, code: str, message_key: str | None = None, **values):
        self.code = code
        self.message_key = message_key
        self.values = values
        self.status = STATUS[code]
        self.message = MESSAGES[message_key or code].format(**values)
        super().__init__(self.message)

    def __reduce__(self):
        # Raised in a worker process, answered by the service: it crosses as pickle.
        return _refused, (self.code, self.message_key, self.values)


def _refused(code: str, message_key: str | None, values: dict) -> FileRefused:
    return FileRefused(code, message_key, **values)
