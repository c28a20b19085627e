"""Writers of the body's blocks: one module per block type, each
registering under the type's name a function ``(writer, block, depth)``
that yields the block's WordprocessingML paragraphs (and tables).
``generators.body.BodyWriter`` dispatches on a block's ``type`` through
``WRITERS``; it gives writers the primitives they share (a styled
paragraph of inline markup, the document's footnotes, the blocks inside a
block). Adding a block type means adding one module here (docs/architecture.md).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Callable, Iterator

Writer = Callable[..., Iterator[str]]
WRITERS: dict[str, Writer] = {}


def writes(*type_names: str) -> Callable[[Writer], Writer]:
    """Function decorator: the writer of the block types ``type_names``."""

    def register(function: Writer) -> Writer:
        for name in type_names:
            WRITERS[name] = function
        return function

    return register


# How many columns a block that prints a table has: an appendix holding a
# wide one is laid out in landscape.
COLUMNS: dict[str, Callable[[dict], int]] = {}


def printed_columns(type_name: str) -> Callable[[Callable[[dict], int]], Callable[[dict], int]]:
    def register(function: Callable[[dict], int]) -> Callable[[dict], int]:
        COLUMNS[type_name] = function
        return function

    return register


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
