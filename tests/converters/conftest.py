from __future__ import annotations

import io

import pytest
from converter_checks import SAMPLE_TEXT


@pytest.fixture(scope="session")
def sample_docx() -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    run = document.add_paragraph().add_run(SAMPLE_TEXT)
    run.font.name = "Times New Roman"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
