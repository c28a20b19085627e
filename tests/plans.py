"""Small plans built in tests, independent of the shipped examples."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx

from generators import render_docx
from schemas import load_plan

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLES_DIR.glob("*.json"))
SEEDS = {"tam-duong-2021": "000", "tu-mo-rong-2022": "001", "dai-lanh-2024": "002"}


def example(name: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def render(plan_json: dict):
    """Validate, render and reopen a plan, as a user would open the file."""
    return docx.Document(io.BytesIO(render_docx(load_plan(plan_json))))

BASE = {
    "schema_version": 1,
    "issuer": {"name": "Ủy ban nhân dân xã Đại Lãnh", "abbreviation": "UBND"},
    "place": "Đại Lãnh",
    "date": {"year": 2024},
    "summary": "Triển khai công tác giảm nghèo năm 2024",
    "legal_bases": [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Quyết định số 3709/QĐ-UBND ngày 22/12/2023 của UBND huyện Vạn Ninh",
    ],
    "lead_in": "Ủy ban nhân dân xã xây dựng Kế hoạch như sau:",
    "body": [
        {
            "type": "purposes_requirements",
            "purposes": {"run_in": True, "content": [{"type": "paragraph", "text": "Giảm nghèo **bền vững**."}]},
            "requirements": {"content": [{"type": "bullets", "items": [{"text": "Đúng đối tượng", "sub_items": ["Công khai"]}]}]},
        },
        {
            "type": "section",
            "heading": "Nội dung",
            "content": [
                {"type": "section", "heading": "Hỗ trợ sản xuất", "content": [
                    {"type": "section", "heading": "Dự án 2", "content": [
                        {"type": "section", "heading": "Tiểu dự án 1", "content": [
                            {"type": "points", "items": [
                                {"text": "**Mục tiêu:** Hỗ trợ sinh kế", "content": []},
                                {"text": "Đối tượng", "content": [{"type": "bullets", "items": [{"text": "Hộ nghèo"}]}]},
                            ]},
                        ]},
                    ]},
                    {"type": "section", "heading": "Dự án 3", "content": [
                        {"type": "points", "items": [{"text": "Mục tiêu thứ hai", "content": []}]},
                    ]},
                ]},
            ],
        },
        {
            "type": "assignments",
            "agencies": [
                {"name": "Công chức Văn hóa - Xã hội", "lead": True, "run_in": True,
                 "duties": [{"type": "paragraph", "text": "Chủ trì tham mưu^[Theo Quyết định số 537/QĐ-UBND.]"}]},
                {"name": "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "request": True,
                 "duties": [{"type": "bullets", "items": [{"text": "Phối hợp tuyên truyền"}]}]},
            ],
        },
    ],
    "closing": "Trên đây là Kế hoạch giảm nghèo năm 2024 của xã.",
    "recipients": [{"name": "UBND huyện Vạn Ninh", "note": "b/c"}, {"name": "Các thôn"}],
    "archive": ["VH-XH"],
    "signatory": {"collective": "Ủy ban nhân dân", "authority": "KT", "principal_title": "Chủ tịch",
                  "title": "Phó Chủ tịch", "name": "Nguyễn Văn An"},
}


def plan(**changes) -> dict:
    """A copy of the base plan with top-level fields replaced."""
    result = copy.deepcopy(BASE)
    result.update(copy.deepcopy(changes))
    return result
