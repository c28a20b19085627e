"""Every example renders to the same paragraphs, styles, numbering, runs and
sections as the saved output (tests/golden/*.txt): restructuring the
generators must not change a document. After a deliberate change of the
output, regenerate with ``GOLDEN_UPDATE=1 pytest tests/test_golden.py`` and
review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generators import render_docx
from schemas import load_plan
from tests.golden.snapshot import snapshot
from tests.plans import EXAMPLE_NAMES, example

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_renders_as_saved(name):
    lines = snapshot(render_docx(load_plan(example(name))))
    saved = GOLDEN / f"{name}.txt"
    if os.environ.get("GOLDEN_UPDATE") or not saved.exists():
        saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pytest.skip(f"saved {saved.name}")
    assert lines == saved.read_text(encoding="utf-8").splitlines()
