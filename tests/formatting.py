"""Effective formatting of produced paragraphs: direct, else from the style chain."""

from __future__ import annotations


def _style_chain(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def style_value(paragraph, getter):
    for style in _style_chain(paragraph):
        value = getter(style)
        if value is not None:
            return value
    return None


def run_font(paragraph, run, attribute: str):
    value = getattr(run.font, attribute)
    if value is not None:
        return value
    return style_value(paragraph, lambda style: getattr(style.font, attribute))


def size_pt(paragraph, run=None) -> float | None:
    value = run_font(paragraph, run, "size") if run is not None else style_value(paragraph, lambda s: s.font.size)
    return value.pt if value is not None else None


def alignment(paragraph):
    if paragraph.alignment is not None:
        return paragraph.alignment
    return style_value(paragraph, lambda s: s.paragraph_format.alignment)


def text_runs(paragraph):
    return [run for run in paragraph.runs if run.text.strip()]


def all_runs(paragraph, attribute: str) -> set:
    """The effective values of ``attribute`` over the paragraph's text runs."""
    return {bool(run_font(paragraph, run, attribute)) for run in text_runs(paragraph)}
