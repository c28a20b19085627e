"""Document conversion through LibreOffice (unoserver), behind one interface.

    converter = converter_from_config(app.config)
    pdf = converter.convert(docx_bytes)   # ConversionUnavailable -> HTTP 503
    docx = converter.convert(doc_or_odt_bytes, to="docx")
    converter.status(); converter.close()

See docs/converters.md.
"""

from .base import (
    ConversionError,
    ConversionFailed,
    ConversionTimeout,
    ConversionUnavailable,
    Converter,
)
from .disabled import DisabledConverter
from .factory import converter_from_config
from .lanes import UploadLane
from .local_pool import UnoserverPool
from .remote import RemoteUnoservers, parse_servers

__all__ = [
    "ConversionError",
    "ConversionFailed",
    "ConversionTimeout",
    "ConversionUnavailable",
    "Converter",
    "DisabledConverter",
    "RemoteUnoservers",
    "UnoserverPool",
    "UploadLane",
    "converter_from_config",
    "parse_servers",
]
