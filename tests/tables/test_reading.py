"""Tables read back from Word: every table the generator writes (tables of
text with header rows, merges, groups and an STT column; task matrices with
groups and subgroups) comes back as the block it was, and tables typed the
way offices type them are read as what they are."""

from __future__ import annotations

from hypothesis import given

from generators import render_docx
from recognizer.notes import Notes
from recognizer.reading import Table, read
from recognizer.tables import read_table, read_task_matrix, task_matrix_score
from schemas import load_plan
from tests.plans import plan
from tests.robustness.profiles import fuzz_settings

from . import strategies as T
from .printed import effective, printed


def word_tables(block: dict) -> list[Table]:
    """The Word tables a block renders to, in a plan of its own (the header
    and signature tables left out)."""
    document = read(render_docx(load_plan(plan(body=[{"type": "section", "heading": "Bảng", "content": [block]}]))))
    tables = [item for item in document.items if isinstance(item, Table)]
    return tables[1:-1]


@fuzz_settings("heavy")
@given(T.tables())
def test_tables_come_back_as_written(block):
    (table,) = word_tables(block)
    read_back = read_table(table, Notes())
    assert effective(read_back) == effective(block)


@fuzz_settings("heavy")
@given(T.task_matrices())
def test_task_matrices_come_back_as_written(matrix):
    (table,) = word_tables(matrix)
    assert task_matrix_score(table) > 0.5
    notes = Notes()
    read_back = read_task_matrix(table, notes)
    assert printed(read_back) == printed(matrix)
    assert not notes.warnings
