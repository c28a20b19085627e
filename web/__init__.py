"""The clerks' form (placeholder until the form lands)."""

from flask import Flask


def init_app(app: Flask) -> None:
    pass
