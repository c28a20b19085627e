"""The examples of every kind but the plan (examples/<kind>/*.json), and
small documents of each kind built in tests."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx

from generators import render_docx
from nd30.kinds import DEFAULT_KIND, KINDS
from schemas import load_plan

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"
KIND_EXAMPLES = {f"{path.parent.name}/{path.stem}": path for path in sorted(EXAMPLES_DIR.glob("*/*.json"))}
DECISION_ISSUING_A_PLAN = "quyet_dinh/ban-hanh-ke-hoach-giam-ngheo-tam-duong-2025"
DECISION = "quyet_dinh/phe-duyet-ho-ngheo-tam-duong-2024"
LETTER = "cong_van/don-doc-bao-cao-giam-ngheo-2025"
INVITATION = "giay_moi/hoi-nghi-trien-khai-giam-ngheo-2025"
SUBMISSION = "to_trinh/ban-hanh-ke-hoach-giam-ngheo-tam-duong-2025"
REPORT = "bao_cao/ket-qua-giam-ngheo-tam-duong-2024"
NOTICE = "thong_bao/ket-luan-ban-chi-dao-giam-ngheo-2025"
PROPOSER = {
    "issuer": {"parent": "UBND huyện Tam Đường", "name": "Phòng Lao động - Thương binh và Xã hội", "abbreviation": "LĐTBXH"},
    "signatory": {"title": "Trưởng phòng", "name": "Lò Văn Minh"},
}


def kind_example(name: str) -> dict:
    return json.loads(KIND_EXAMPLES[name].read_text(encoding="utf-8"))


def changed(name: str, **changes) -> dict:
    """A copy of an example with top-level fields replaced."""
    document = copy.deepcopy(kind_example(name))
    document.update(copy.deepcopy(changes))
    return document


def render(document: dict):
    """Validate, render and reopen a document, as a user would open the file."""
    return docx.Document(io.BytesIO(render_docx(load_plan(document))))


def test_every_kind_but_the_plan_has_an_example():
    assert {name.split("/")[0] for name in KIND_EXAMPLES} == set(KINDS) - {DEFAULT_KIND}
