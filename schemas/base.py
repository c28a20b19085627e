from marshmallow import RAISE, Schema

from .problems import Problem


class StrictSchema(Schema):
    """Rejects unknown fields and reports in Vietnamese."""

    class Meta:
        unknown = RAISE

    error_messages = {
        "unknown": Problem("unknown_field"),
        "type": Problem("invalid_type", expected="đối tượng JSON"),
    }
