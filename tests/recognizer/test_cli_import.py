"""python -m cli import FILE -o plan.json: the same import as POST /import
(the same files, refusals, codes and messages), with warnings, fixes and
the coverage figure printed; a .doc through the command's own LibreOffice."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from generators import render_docx
from schemas import load_plan
from tests.converters.converter_checks import processes_mentioning, wait_for
from tests.plans import example

from .clerk_documents import clerk_docx
from .test_clerk_documents import heading_levels
from .word_parts import saved_as

ROOT = Path(__file__).resolve().parents[2]
ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
WORD_97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "WordDocument".encode("utf-16-le") + b"\x00" * 512


def test_import_writes_the_plan_and_prints_warnings_fixes_and_coverage(tmp_path, capsys):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(clerk_docx(example("minimal")))
    output = tmp_path / "plan.json"
    assert main(["import", str(source), "-o", str(output)]) == 0
    plan = load_plan(json.loads(output.read_text(encoding="utf-8")))
    assert plan["summary"] == example("minimal")["summary"]
    printed = capsys.readouterr().out
    assert "Cảnh báo [no_closing]" in printed
    assert "Đã sửa theo Nghị định 30 [margin]" in printed and "Lề phải 31,7 mm → 15 mm" in printed
    assert "Đã giữ toàn bộ nội dung." in printed


def test_import_of_our_own_document_prints_no_fix(tmp_path, capsys):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(render_docx(load_plan(example("tam-duong-2021"))))
    assert main(["import", str(source)]) == 0
    assert (tmp_path / "ke-hoach.json").exists()
    assert "Đã sửa" not in capsys.readouterr().out


def test_words_that_did_not_reach_the_plan_are_listed(tmp_path, capsys):
    """An academic title before the signer's name is left out (Decree 30):
    the coverage line counts it and names where it stood."""
    import docx

    document = docx.Document(io.BytesIO(clerk_docx(example("minimal"))))
    signer = next(p for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text == example("minimal")["signatory"]["name"])
    signer.runs[0].text = "TS. " + signer.runs[0].text
    output = io.BytesIO()
    document.save(output)
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(output.getvalue())
    assert main(["import", str(source)]) == 0
    printed = capsys.readouterr().out
    assert "1 chỗ cần xem lại." in printed and "«TS»" in printed
    assert "Đã sửa theo Nghị định 30 [signer_title]" in printed


@pytest.mark.parametrize("data, name", [
    (b"not a word file", "x.docx"),
    (ENCRYPTED, "x.docx"),
    (b"PK\x03\x04broken", "x.docx"),
    (WORD_97, "x.doc"),   # converted first: no PDF backend here, so no conversion
], ids=["not-word", "encrypted", "broken-zip", "doc-without-libreoffice"])
def test_refusals_and_messages_are_the_api_s(client, tmp_path, capsys, monkeypatch, data, name):
    monkeypatch.setenv("PLANS_PDF_BACKEND", "none")  # as the test app: no LibreOffice
    source = tmp_path / name
    source.write_bytes(data)
    assert main(["import", str(source)]) == 2
    error = client.post("/import", data=data, content_type="application/octet-stream").get_json()
    assert capsys.readouterr().err.strip() == f"{source}: {error['message']} [{error['code']}]"
    assert not source.with_suffix(".json").exists()


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("extension", ["doc", "odt", "rtf"])
def test_older_formats_through_the_command_line(tmp_path, extension):
    """The command starts its own LibreOffice for the conversion and leaves
    nothing behind: no process, no folder in its temporary directory."""
    source = saved_as(clerk_docx(example("tam-duong-2021")), tmp_path, extension)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    output = tmp_path / "plan.json"
    result = subprocess.run([sys.executable, "-m", "cli", "import", str(source), "-o", str(output)], cwd=ROOT,
                            env={**os.environ, "TMPDIR": str(temporary)}, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    plan = load_plan(json.loads(output.read_text(encoding="utf-8")))
    assert heading_levels(plan) == heading_levels(example("tam-duong-2021"))
    assert plan["signatory"]["name"] == example("tam-duong-2021")["signatory"]["name"]
    assert "Đã giữ" in result.stdout and f"Đã tạo {output}" in result.stdout
    assert wait_for(lambda: not processes_mentioning(str(temporary)), 30), processes_mentioning(str(temporary))
    assert list(temporary.iterdir()) == []
