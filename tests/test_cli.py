import json
import subprocess
import sys
from pathlib import Path

import docx

from tests.plans import EXAMPLES_DIR, plan

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_renders_an_example(tmp_path):
    output = tmp_path / "out.docx"
    result = run_cli("render", str(EXAMPLES_DIR / "tam-duong-2021.json"), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "KẾ HOẠCH" in [p.text for p in docx.Document(str(output)).paragraphs]


def test_lists_every_error_and_fails(tmp_path):
    bad = plan(place="", summary="a\x01")
    del bad["signatory"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = run_cli("render", str(path), "-o", str(tmp_path / "bad.docx"))
    assert result.returncode == 1
    assert "place: Không được để trống. [blank]" in result.stderr
    assert "summary: Chứa ký tự điều khiển" in result.stderr
    assert "signatory: Trường này là bắt buộc. [required]" in result.stderr
    assert not (tmp_path / "bad.docx").exists()


def test_unreadable_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    result = run_cli("render", str(path))
    assert result.returncode == 2
    assert "Không đọc được" in result.stderr
