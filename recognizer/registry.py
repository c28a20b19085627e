"""What the recognizer's registries share (block readers, document kinds):
a unit registered once by its name, and a package whose every module is
imported (discovered) so that each registers itself — adding a unit means
adding a module."""

from __future__ import annotations

import importlib
import pkgutil


def add(registry: dict, name: str, unit, what: str):
    if name in registry:
        raise ValueError(f"{what} {name!r} registered twice")
    registry[name] = unit
    return unit


def discover(package: str, path) -> None:
    """Import every module of ``package`` but the private ones (``_name``)."""
    for module in pkgutil.iter_modules(path):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package}.{module.name}")
