"""Decree 30/2020/NĐ-CP conventions that every stage shares: the schemas
that validate, the generators that write Word, the recognizer that reads
Word back, and the form (through ``GET /conventions``).

The lowest layer: it imports nothing else of the project, and one rule
lives here once — how numbers, dates and capitals are written
(``vietnamese``), how sections and points are labelled (``numbering``), the
inline markup of plan texts (``markup``), the names of the template's styles
(``styles``), the parts of a plan and their default headings (``parts``),
the document types and their abbreviations (``document_types``), the kinds
of the family and how they are cited (``kinds``), the fixed words of the
decree's models (``wording``), and the arithmetic of tables of figures
(``table_math``).
"""

from . import document_types, kinds, parts, vietnamese


def conventions() -> dict:
    """The rules the form draws with, as the documents apply them: one source."""
    return {
        "point_letters": list(vietnamese.POINT_LETTERS),
        "end_of_text": vietnamese.END_OF_TEXT,
        "default_headings": dict(parts.DEFAULT_HEADINGS),
        "sub_parts": {part: list(keys) for part, keys in parts.SUB_PARTS.items()},
        "labels": dict(parts.LABELS),
        "document_types": dict(document_types.DOCUMENT_TYPES),
        "task_columns": [{"key": key, "header": header, "default": key in parts.DEFAULT_TASK_COLUMNS}
                         for key, header in parts.TASK_COLUMNS.items()],
        "kinds": {name: {"label": kind.label, "type_name": kind.type_name, "model": kind.model}
                  for name, kind in kinds.KINDS.items()},
    }
