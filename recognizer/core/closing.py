"""The closing paragraph ("Trên đây là Kế hoạch …./."): the body's last
paragraph when it has our closing style, or, in a paragraph not of our
styles, when it starts with "Trên đây" or ends with "./.". In our other
styles a final "./." is the end of the text our generator puts on the
body's last paragraph when there is no closing: it is not the text's own."""

from __future__ import annotations

import dataclasses

from nd30.styles import CLOSING
from nd30.vietnamese import END_OF_TEXT, drop_ending

from ..lines import PARAGRAPH
from ..markup import to_markup
from ..notes import Notes
from ..outline import classify, is_own_style
from ..reading import Para, Table
from ..text import clean, words_of


def read_closing(body_items: list, notes: Notes, expected: bool = True) -> tuple[str | None, list]:
    """(the closing's text, the body items before it); a kind that has no
    closing of its own (a decision, an invitation) is not warned of its absence."""
    for index in range(len(body_items) - 1, -1, -1):
        item = body_items[index]
        if isinstance(item, Table) or not item.text.strip():
            continue
        text = clean(item.text)
        if is_own_style(item) and item.style_id != CLOSING.style_id:
            if expected:
                notes.warn("no_closing")
            if text == END_OF_TEXT and index and isinstance(body_items[index - 1], Table):
                return None, body_items[:index] + body_items[index + 1:]  # our mark on its line after a table
            return None, body_items[:index] + [_without_end_mark(item)] + body_items[index + 1:]
        closing_like = item.style_id == CLOSING.style_id or (
            classify(item).role == PARAGRAPH and (words_of(text).startswith("tren day") or text.endswith(END_OF_TEXT)))
        if not closing_like:
            break
        markup = clean(to_markup(item.segments, item.base_bold, item.base_italic)[0])
        if not markup.endswith(END_OF_TEXT):
            notes.fix("closing_ending", item.index, text, "closing")
        closing = drop_ending(markup, END_OF_TEXT) if markup.endswith(END_OF_TEXT) else markup.rstrip(".;,:").rstrip() or markup
        # What follows the closing (empty lines, a table) stays in the body: nothing is left out.
        return closing, body_items[:index] + body_items[index + 1:]
    if expected:
        notes.warn("no_closing")
    return None, body_items


def _without_end_mark(para: Para) -> Para:
    """``para`` without the "./." the generator ended its last run with (or
    added as a run of its own after a footnote), when the text did not."""
    segments = list(para.segments)
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        if segment.note is not None or not segment.text.strip():
            continue
        shown = segment.text.rstrip()
        if shown == END_OF_TEXT:
            if not any(s.note is not None or s.text.strip() for s in segments[:index]):
                return para  # the whole text, as typed
            del segments[index]
        else:
            kept = drop_ending(shown, END_OF_TEXT)
            if kept == shown:
                return para  # no mark, or one typed as part of the text
            segments[index] = dataclasses.replace(segment, text=kept)
        return dataclasses.replace(para, segments=segments)
    return para
