"""Validation problems: a stable machine code plus a Vietnamese message.

marshmallow stores error messages as given, so a ``Problem`` (a ``str`` that
also carries its code) travels through marshmallow's error dictionaries
untouched; ``flatten`` then turns those dictionaries into the flat list
``[{"path", "code", "message"}]`` that the CLI, the API and the form show.
"""

from __future__ import annotations

from typing import Any, Iterator

MESSAGES: dict[str, str] = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống (null).",
    "unknown_field": "Trường này không có trong định dạng của loại văn bản này; hãy kiểm tra lại tên trường.",
    "invalid_type": "Dữ liệu phải là {expected}.",
    "blank": "Không được để trống.",
    "too_long": "Dài quá {max} ký tự.",
    "too_short": "Cần ít nhất {min} ký tự.",
    "too_many": "Tối đa {max} mục.",
    "too_few": "Cần ít nhất {min} mục.",
    "control_character": "Chứa ký tự điều khiển không hợp lệ (U+{codepoint}); hãy xoá ký tự này.",
    "invalid_character": "Chứa ký tự không hợp lệ trong văn bản (U+{codepoint}); hãy xoá hoặc gõ lại ký tự này.",
    "line_break": "Không được xuống dòng trong ô này; mỗi đoạn văn hãy nhập thành một mục riêng.",
    "out_of_range": "Phải nằm trong khoảng từ {min} đến {max}.",
    "invalid_choice": "Giá trị không hợp lệ; hãy chọn một trong: {choices}.",
    "invalid_pattern": "Không đúng dạng: {hint}.",
    "invalid_date": "Ngày {day}/{month}/{year} không có trên lịch.",
    "day_without_month": "Đã nhập ngày thì phải nhập cả tháng.",
    "unsupported_version": "Phiên bản định dạng {input} chưa được hỗ trợ; phiên bản hiện hành là {max}.",
    "unknown_block_type": "Loại mục nội dung không hợp lệ; hãy chọn một trong: {choices}.",
    "too_deep": "Đề mục lồng quá {max} cấp (I. → 1. → 1.1. → 1.1.1.); hãy chuyển phần sâu hơn thành điểm a), b) hoặc gạch đầu dòng.",
    "too_deeply_nested": "Dữ liệu lồng nhau quá {max} cấp; kế hoạch chỉ có đề mục 4 cấp (I. → 1. → 1.1. → 1.1.1.), rồi đến điểm a), b) và gạch đầu dòng.",
    "too_many_blocks": "Kế hoạch có quá nhiều đoạn và đề mục (tối đa {max}).",
    "authority_needs_principal": "Ký thay (KT.), thừa lệnh (TL.) hay thừa ủy quyền (TUQ.) thì phải nhập chức vụ của người đứng đầu (ví dụ: Chủ tịch).",
    "principal_without_authority": "Chỉ nhập chức vụ người đứng đầu khi ký KT., TL. hoặc TUQ.",
    "too_many_cells": "Bảng quá lớn: {rows} dòng × {columns} cột vượt quá {max} ô; hãy tách thành nhiều bảng.",
    "too_much_text": "Kế hoạch quá dài: {count} ký tự, tối đa {max}; hãy tách thành nhiều văn bản.",
    "too_many_runs": "Kế hoạch có quá nhiều đoạn định dạng (in đậm, in nghiêng, chú thích): {count} đoạn, tối đa {max}.",
    "too_many_footnotes": "Kế hoạch có quá nhiều chú thích: {count} chú thích, tối đa {max}.",
    "too_many_cells_in_plan": "Các bảng phụ lục có tổng cộng {count} ô số liệu, vượt quá {max} ô; hãy rút gọn hoặc chuyển bớt sang văn bản khác.",
    "row_kind": "Mỗi dòng của bảng hoặc là dòng các ô (cells), hoặc là dòng nhóm (group), không phải cả hai.",
    "row_width": "Dòng này có {count} ô (tính cả ô gộp từ dòng trên) trong khi bảng có {columns} cột; hãy thêm, bớt ô hoặc sửa ô gộp.",
    "merge_across_group": "Ô gộp dòng không được kéo qua dòng nhóm; hãy giảm số dòng gộp (rowspan) của ô phía trên.",
    "merge_past_end": "Ô gộp dòng kéo quá dòng cuối của bảng; hãy giảm số dòng gộp (rowspan).",
    "content_column": "Bảng phân công nhiệm vụ phải có cột nội dung nhiệm vụ (content).",
    "headers_count": "Có {count} tiêu đề cột trong khi bảng in {columns} cột; hãy ghi đủ tiêu đề cho từng cột hoặc bỏ trống để dùng tên thường dùng.",
    "duplicate_column": "Mã cột '{key}' bị trùng.",
    "unknown_column": "Không có cột nào mang mã '{key}' trong bảng.",
    "not_an_input_column": "Cột '{key}' là cột tính toán, không phải cột nhập số liệu.",
    "computed_column_order": "Cột '{key}' chỉ được tính từ các cột đứng trước nó.",
    "value_contradicts": "Giá trị đã nhập {given} không khớp với số liệu: {formula} = {computed}.",
    "total_contradicts": "Tổng đã nhập {given} không khớp với tổng các dòng: {computed}.",
    "missing_value": "Thiếu số liệu cho cột '{key}'.",
    "negative_value": "Số liệu không được âm.",
    "number_too_large": "Số quá lớn: giá trị tuyệt đối tối đa là {max}.",
    "computed_too_large": "Giá trị tính ra {formula} quá lớn ({computed}); hãy kiểm tra số liệu của dòng này.",
    "automatic_recipient": "Dòng “- {line} …;” được in tự động ở đầu Nơi nhận; hãy xoá dòng này khỏi danh sách nơi nhận.",
    "automatic_prefix": "Chữ “{prefix}” được in tự động trước trích yếu; hãy xoá chữ này ở đầu trích yếu.",
    "no_such_article": "Quyết định chỉ có {count} điều; không có Điều {number}.",
    "time_order": "Giờ kết thúc phải sau giờ bắt đầu.",
    "proposer_required": "Tờ trình cần cơ quan trình (proposer): cơ quan soạn thảo kế hoạch và người ký tờ trình.",
    "archive_in_recipients": "Dòng “Lưu: …” không phải là nơi nhận: hãy ghi các đơn vị lưu vào trường “Lưu” (archive), ví dụ [\"VT\", \"PLĐ\"]; dòng “- Lưu: VT, PLĐ.” được tạo tự động.",
}


class Problem(str):
    """A message that remembers its machine code through marshmallow."""

    code: str

    def __new__(cls, code: str, **params: Any) -> "Problem":
        text = MESSAGES[code].format(**params) if params else MESSAGES[code]
        problem = super().__new__(cls, text)
        problem.code = code
        return problem

    def format(self, *args: Any, **kwargs: Any) -> "Problem":  # noqa: A003 - str API
        # marshmallow formats field messages with the field's parameters;
        # keep the code instead of degrading to a plain str. A message that
        # was complete already (its values filled in) is kept as it is.
        try:
            text = str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError):
            return self
        problem = str.__new__(Problem, text)
        problem.code = self.code
        return problem


def flatten(messages: Any, path: tuple = ()) -> Iterator[dict]:
    """Yield ``{"path", "code", "message"}`` for every leaf of marshmallow's errors."""
    if isinstance(messages, dict):
        for key, nested in messages.items():
            # "_schema" holds errors of the object itself, not of a field.
            yield from flatten(nested, path if key == "_schema" else path + (key,))
    elif isinstance(messages, list):
        for item in messages:
            yield from flatten(item, path)
    else:
        yield {
            "path": ".".join(str(part) for part in path),
            "code": getattr(messages, "code", "invalid"),
            "message": str(messages),
        }


def nest(path: tuple, problem: Problem) -> dict:
    """The marshmallow error dictionary that places ``problem`` at ``path``."""
    messages: Any = [problem]
    for part in reversed(path):
        messages = {part: messages}
    return messages
