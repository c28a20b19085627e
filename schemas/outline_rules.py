"""Rules on the body's shape as a whole: how deep headings nest and how many
blocks it holds. Each numbered heading (a section, a named part, an agency,
a numbered target) sits one level below the heading that contains it; each
block type says which headings it prints (``schemas.blocks``)."""

from __future__ import annotations

from . import limits
from .blocks import headings
from .problems import Problem


def first_too_deep(data, max_depth: int) -> tuple | None:
    """The path of the first JSON object or array nested more than
    ``max_depth`` levels deep, or None. Iterative, and run before marshmallow,
    whose recursion (about 20 Python frames a level) would otherwise hit
    Python's limit before any depth rule is checked."""
    stack = [(data, (), 1)]
    while stack:
        value, path, depth = stack.pop()
        if not isinstance(value, (dict, list)):
            continue
        if depth > max_depth:
            return path
        children = value.items() if isinstance(value, dict) else enumerate(value)
        stack.extend((child, path + (key,), depth + 1) for key, child in reversed(list(children)))
    return None


def count_blocks(value) -> int:
    if isinstance(value, dict):
        return 1 + sum(count_blocks(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_blocks(item) for item in value)
    return 0


def depth_problems(body: list[dict]) -> dict:
    errors: dict = {}
    if count_blocks(body) > limits.BLOCKS_TOTAL:
        return {"body": [Problem("too_many_blocks", max=limits.BLOCKS_TOTAL)]}
    for depth, path in headings(body):
        if depth > limits.HEADING_DEPTH:
            node = errors.setdefault("body", {})
            for part in path:
                node = node.setdefault(part, {})
            node.setdefault("heading", []).append(Problem("too_deep", max=limits.HEADING_DEPTH))
    return errors
