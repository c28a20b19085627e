"""Inline markup inside any text of a plan, parsed with markdown-it-py.

Only these constructs mean something; everything else is literal text:

- ``**bold**``, ``*italic*``, ``***bold italic***`` (underscores are plain
  text: they appear in file names and blanks far more than as emphasis);
- ``^[text of a footnote]``: a real Word footnote at that point; a
  footnote cannot hold another, so inside a footnote ``^[…]`` is kept as
  typed (``x^[a^[b]]`` is one footnote reading ``a^[b]``);
- a backslash before ``*``, ``^``, ``[``, ``]`` or another backslash keeps
  that character literal (``\\*``, ``\\\\``); every other backslash is
  itself literal text (``C:\\Dữ liệu``, ``\\_``).
"""

from __future__ import annotations

import re
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


# markdown-it escapes any ASCII punctuation; the format escapes only its own
# markup characters. Other backslashes are doubled (literal for markdown-it),
# and underscores escaped (never emphasis).
_ESCAPABLE = "*^[]\\"
_TO_MARKDOWN = re.compile(r"\\[" + re.escape(_ESCAPABLE) + r"]|\\|_")


def _markdown_source(text: str) -> str:
    return _TO_MARKDOWN.sub(lambda match: match.group() if len(match.group()) == 2 else "\\" + match.group(), text)


@lru_cache(maxsize=8192)
def parse(text: str) -> tuple[Inline, ...]:
    """The runs and footnotes of ``text``, in order."""
    env: dict = {}
    tokens = _PARSER.parseInline(_markdown_source(text), env)
    children = tokens[0].children or [] if tokens else []
    notes = env.get("footnotes", {}).get("list", {})
    return tuple(_runs(children, notes))


def _runs(tokens, notes, *, in_note: bool = False, bold: int = 0, italic: int = 0) -> list[Inline]:
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
            note_tokens = notes[token.meta["id"]].get("tokens") or []
            if in_note:
                # Word has no footnote inside a footnote: the marks stay as typed.
                result.append(Run("^[", bold > 0, italic > 0))
                result += _runs(note_tokens, notes, in_note=True, bold=bold, italic=italic)
                result.append(Run("]", bold > 0, italic > 0))
            else:
                result.append(Footnote(tuple(_runs(note_tokens, notes, in_note=True))))
        elif token.content:
            result.append(Run(token.content, bold > 0, italic > 0))
    return result


def plain(text: str) -> str:
    """The visible text without markup or footnotes."""
    return "".join(item.text for item in parse(text) if isinstance(item, Run))
