"""python -m generators import FILE.docx -o plan.json"""

from __future__ import annotations

import json

from generators import render_docx
from generators.__main__ import main
from schemas import load_plan
from tests.plans import example

from .clerk_documents import clerk_docx


def test_import_writes_the_plan_and_prints_warnings_and_fixes(tmp_path, capsys):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(clerk_docx(example("minimal")))
    output = tmp_path / "plan.json"
    assert main(["import", str(source), "-o", str(output)]) == 0
    plan = load_plan(json.loads(output.read_text(encoding="utf-8")))
    assert plan["summary"] == example("minimal")["summary"]
    printed = capsys.readouterr().out
    assert "Cảnh báo [no_closing]" in printed
    assert "Đã sửa theo Nghị định 30 [margin]" in printed and "Lề phải 31,7 mm → 15 mm" in printed


def test_import_of_our_own_document_prints_no_fix(tmp_path, capsys):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(render_docx(load_plan(example("tam-duong-2021"))))
    assert main(["import", str(source)]) == 0
    assert (tmp_path / "ke-hoach.json").exists()
    assert "Đã sửa" not in capsys.readouterr().out


def test_import_of_a_non_word_file_exits_2(tmp_path, capsys):
    source = tmp_path / "x.docx"
    source.write_bytes(b"not a word file")
    assert main(["import", str(source)]) == 2
    assert "[unsupported_file]" in capsys.readouterr().err
