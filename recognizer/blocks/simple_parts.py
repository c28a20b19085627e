"""The simple named parts, whose children are their ``content`` as read:
``tasks``, ``budget``, ``reporting``, declared from one table."""

from __future__ import annotations

from . import BlockReader, NamedPart, register
from ._named import part_texts, with_content

SIMPLE_PARTS = {
    "budget": NamedPart(with_content, exact=frozenset({"kinh phi"}), order=2,
                        prefixes=("kinh phi", "nguon kinh phi", "du toan kinh phi", "nguon luc thuc hien")),
    "reporting": NamedPart(with_content, order=3,
                           prefixes=("che do thong tin", "che do bao cao", "thong tin bao cao", "bao cao ket qua",
                                     "che do thong tin bao cao")),
    "tasks": NamedPart(with_content, order=4, contains=("nhiem vu",),
                       prefixes=("nhiem vu", "cac nhiem vu", "giai phap", "cac giai phap", "noi dung nhiem vu")),
}

for block_type, part in SIMPLE_PARTS.items():
    register(BlockReader(block_type, part=part, shown=part_texts))
