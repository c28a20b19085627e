"""Plans typed the way clerks type them (tests/recognizer/clerk_documents.py),
built from the three seed plans: importing gives back the plan, with the
same headings at each level, and re-rendering reproduces the seed's text,
read from the PDF that real LibreOffice makes (the .doc copy too)."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from app import create_app
from recognizer import recognize
from schemas import load_plan
from schemas.outline_rules import headings
from tests.converters.converter_checks import pdf_text
from tests.plans import SEEDS, example

from .canonical import canonical
from .clerk_documents import clerk_docx

# ../shared/seeds next to the repository (a worktree sits one level deeper).
SEEDS_DIR = next((parent / "shared" / "seeds" for parent in Path(__file__).resolve().parents
                  if (parent / "shared" / "seeds").is_dir()), Path("../shared/seeds"))
VARIANTS = {"tabs-word-bullets": {"tab": True, "word_bullets": True},
            "spaces-typed-bullets": {"tab": False, "word_bullets": False}}


def heading_levels(plan: dict) -> Counter:
    return Counter(depth for depth, _ in headings(load_plan(plan)["body"]))


def without_footnotes(plan: dict) -> dict:
    """The clerk documents carry no footnotes (python-docx cannot write them)."""
    return json.loads(re.sub(r"\^\[[^\]]*\]", "", json.dumps(plan, ensure_ascii=False)))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_clerk_document_gives_back_the_plan(name, variant):
    result = recognize(clerk_docx(example(name), **VARIANTS[variant]))
    assert result["warnings"] == []
    assert canonical(result["plan"]) == canonical(without_footnotes(example(name)))
    assert heading_levels(result["plan"]) == heading_levels(example(name))
    codes = {fix["code"] for fix in result["fixes"]}
    # python-docx's blank document: Letter paper, 1" margins, 11 pt, "Nơi nhận:" not 12 pt
    assert codes == {"page_size", "margin", "body_size", "recipients_title_format"}


def words(text: str) -> list[str]:
    """Fold case, whitespace and markdown markers, as the seeds were extracted."""
    return re.sub(r"[*#]", " ", text).lower().split()


def recall_precision(seed_name: str, produced_text: str) -> tuple[float, float]:
    seed = words(next(SEEDS_DIR.glob(f"{SEEDS[seed_name]}_*.txt")).read_text(encoding="utf-8"))
    produced = words(produced_text)
    matcher = difflib.SequenceMatcher(None, seed, produced, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(seed), matched / len(produced)


@pytest.fixture(scope="module")
def pdf_client():
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_TIMEOUT": 60})
    converter = app.extensions["converter"]
    assert converter.wait_ready(timeout=90, count=converter.status()["size"]), converter.status()
    yield app.test_client()
    converter.close()


def import_pdf(client, data: bytes, content_type: str) -> bytes:
    response = client.post("/import?format=pdf", data=data, content_type=content_type)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/pdf"
    return response.data


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_reimported_clerk_document_reproduces_the_seed(pdf_client, name):
    pdf = import_pdf(pdf_client, clerk_docx(example(name)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    recall, precision = recall_precision(name, pdf_text(pdf))
    assert recall >= 0.97, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_doc_copy_is_converted_and_imported(pdf_client, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(clerk_docx(example("tam-duong-2021")))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(source)], check=True, timeout=180, capture_output=True)
    doc = (tmp_path / "ke-hoach.doc").read_bytes()
    assert doc.startswith(b"\xd0\xcf\x11\xe0")
    response = pdf_client.post("/import", data=doc, content_type="application/msword")
    assert response.status_code == 200, response.get_json()
    plan = response.get_json()["plan"]
    assert heading_levels(plan) == heading_levels(example("tam-duong-2021"))
    recall, precision = recall_precision("tam-duong-2021", pdf_text(import_pdf(pdf_client, doc, "application/msword")))
    assert recall >= 0.97 and precision >= 0.95, (recall, precision)
