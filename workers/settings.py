"""Numeric settings read from a flat mapping (Flask config, the environment),
where values may be strings."""

from __future__ import annotations

from collections.abc import Callable, Mapping


def setting(config: Mapping, key: str, kind: Callable, default, *, allow_zero: bool = True):
    """``config[key]`` as ``kind`` (``default`` when unset or empty); ValueError if invalid or negative."""
    value = config.get(key)
    if value is None or value == "":
        return default
    try:
        parsed = kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key} must be a number ({kind.__name__}), got {value!r}") from None
    if parsed < 0 or (parsed == 0 and not allow_zero):
        limit = "zero or more" if allow_zero else "more than zero"
        raise ValueError(f"{key} must be {limit}, got {value!r}")
    return parsed
