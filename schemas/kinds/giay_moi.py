"""Giấy mời (an invitation, Appendix III model 1.7): who invites whom to
what, who chairs it, when and where, what to bring."""

from __future__ import annotations

import datetime

from marshmallow import ValidationError, validates_schema

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..document import DocumentSchema, body_field, kind_field
from ..fields import Integer, List, Nested, heading_text, paragraph_text
from ..problems import Problem
from . import register


class MeetingTimeSchema(StrictSchema):
    """When the meeting starts (and ends): the weekday is computed. Its
    fields in the order the invitation prints them ("8 giờ 00 phút, ngày …")."""

    hour = Integer(minimum=0, maximum=23, required=True, metadata=doc("Giờ bắt đầu", "0–23"))
    minute = Integer(minimum=0, maximum=59, load_default=0, metadata=doc("Phút bắt đầu", "0–59"))
    day = Integer(minimum=1, maximum=31, required=True, metadata=doc("Ngày", "Bắt buộc; thứ trong tuần tự tính"))
    month = Integer(minimum=1, maximum=12, required=True, metadata=doc("Tháng", "Bắt buộc"))
    year = Integer(minimum=1945, maximum=2200, required=True, metadata=doc("Năm", "Bắt buộc"))
    end_hour = Integer(minimum=0, maximum=23, load_default=None, allow_none=True,
                       metadata=doc("Giờ kết thúc", "Không bắt buộc: in “từ … đến …”"))
    end_minute = Integer(minimum=0, maximum=59, load_default=0, metadata=doc("Phút kết thúc", "0–59"))

    @validates_schema
    def real_time(self, data, **kwargs):
        year, month, day = data["year"], data["month"], data["day"]
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(Problem("invalid_date", day=day, month=month, year=year), "day")
        end = data.get("end_hour")
        if end is not None and (end, data.get("end_minute", 0)) <= (data["hour"], data.get("minute", 0)):
            raise ValidationError(Problem("time_order"), "end_hour")


@register
class InvitationSchema(DocumentSchema):
    kind_name = "giay_moi"

    kind = kind_field(kind_name)
    inviter = heading_text(load_default=None, allow_none=True, metadata=doc(
        "Cơ quan, người mời", "Trước “trân trọng kính mời:”; mặc định: tên cơ quan ban hành"))
    invitees = List(heading_text(), min_items=1, max_items=limits.RECIPIENTS, required=True, metadata=doc(
        "Thành phần được mời", "Một nơi: cùng dòng; nhiều nơi: mỗi nơi một dòng"))
    event = paragraph_text(required=True, metadata=doc("Tới dự", "Tên cuộc họp, hội nghị, in sau “Tới dự”"))
    chair = heading_text(load_default=None, allow_none=True, metadata=doc("Chủ trì", "Người chủ trì và chức vụ"))
    time = Nested(MeetingTimeSchema, required=True, metadata=doc("Thời gian", "Giờ, ngày họp"))
    venue = heading_text(required=True, metadata=doc("Địa điểm", "Nơi họp"))
    bring = paragraph_text(load_default=None, allow_none=True, metadata=doc(
        "Mang theo", "In sau “Đề nghị đại biểu mang theo”"))
    notes = body_field("Lưu ý", "Đoạn văn, gạch đầu dòng in sau; đoạn cuối có ./.", ("paragraph", "bullets"))
