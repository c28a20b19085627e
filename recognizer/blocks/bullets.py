"""``bullets``: "-" items and their "+" sub-items, typed or from Word's
bullet button (its first level a dash, deeper levels a plus)."""

from __future__ import annotations

from typing import Iterator

from nd30.styles import BULLET, SUB_BULLET

from .. import labels as L
from ..lines import BULLET as BULLET_ROLE
from ..lines import SUB_BULLET as SUB_BULLET_ROLE
from ..lines import Line
from . import BlockReader, Role, register


def add_bullet(builder, line: Line) -> None:
    _add(builder, line, sub=False)


def add_sub_bullet(builder, line: Line) -> None:
    _add(builder, line, sub=True)


def _add(builder, line: Line, sub: bool) -> None:
    text = builder.markup(line)
    if not text:
        return
    container = builder.container
    if not (container and container[-1]["type"] == "bullets"):
        container.append({"type": "bullets", "items": [{"text": text}]})  # a "+" with no "-" above it
    elif sub:
        container[-1]["items"][-1].setdefault("sub_items", []).append(text)
    else:
        container[-1]["items"].append({"text": text})


def shown(block: dict) -> Iterator[str]:
    for item in block["items"]:
        yield from (item["text"], *item["sub_items"])


register(BlockReader("bullets", shown=shown, roles=(
    Role(BULLET_ROLE, add_bullet, styles={BULLET.style_id: 0}, labels=(L.DASH,)),
    Role(SUB_BULLET_ROLE, add_sub_bullet, styles={SUB_BULLET.style_id: 0}, labels=(L.PLUS,)),
)))
