"""Inline markup inside any text of a plan, parsed with markdown-it-py.

Only these constructs mean something; everything else is literal text:

- ``**bold**``, ``*italic*``, ``***bold italic***`` (underscores are plain
  text: they appear in file names and blanks far more than as emphasis);
- ``^[text of a footnote]``: a real Word footnote at that point;
- a backslash before a markup character keeps it literal: ``\\*``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

_PARSER = (
    MarkdownIt("zero")
    .enable(["emphasis", "escape"])
    .use(footnote_plugin, inline=True, move_to_end=False, always_match_refs=False)
)
_PARSER.disable(["footnote_ref"])  # "[^1]" references need definitions: keep them literal


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Footnote:
    runs: tuple[Run, ...]


Inline = Run | Footnote


@lru_cache(maxsize=8192)
def parse(text: str) -> tuple[Inline, ...]:
    """The runs and footnotes of ``text``, in order."""
    env: dict = {}
    tokens = _PARSER.parseInline(text.replace("_", "\\_"), env)
    children = tokens[0].children or [] if tokens else []
    notes = env.get("footnotes", {}).get("list", {})
    return tuple(_runs(children, notes))


def _runs(tokens, notes) -> list[Inline]:
    bold = italic = 0
    result: list[Inline] = []
    for token in tokens:
        if token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type == "em_open":
            italic += 1
        elif token.type == "em_close":
            italic -= 1
        elif token.type == "footnote_ref":
            note = notes[token.meta["id"]]
            result.append(Footnote(tuple(r for r in _runs(note.get("tokens") or [], {}) if isinstance(r, Run))))
        elif token.content:
            result.append(Run(token.content, bold > 0, italic > 0))
    return result


def plain(text: str) -> str:
    """The visible text without markup or footnotes."""
    return "".join(item.text for item in parse(text) if isinstance(item, Run))
