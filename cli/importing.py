"""``python -m cli import FILE -o PLAN.json``: the same import as ``POST
/import`` — the same files taken, the same refusals with the same codes and
messages — with its warnings, fixes and coverage figure printed.

A .doc, .odt or .rtf needs LibreOffice: the command starts one sandboxed
instance, with the service's deadline for an upload's conversion (settings
from the ``PLANS_*`` environment, as the service reads them), on the first
file that needs it, and closes it when done."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from converters import (
    ConversionError,
    ConversionFailed,
    ConversionTimeout,
    ConversionUnavailable,
    UploadLane,
    converter_from_config,
)
from recognizer import FileRefused, recognize

SETTINGS_PREFIX = "PLANS_"
# One document: one instance (no lane of its own for uploads), an upload's
# deadline, and time for LibreOffice to start before it converts.
DEFAULTS = {"PDF_BACKEND": "pool", "PDF_POOL_SIZE": "1", "IMPORT_CONVERT_INSTANCES": "0",
            "PDF_TIMEOUT": str(UploadLane().timeout), "PDF_QUEUE_WAIT": "90"}


def conversion_code(error: ConversionError) -> str:
    """The API's code for a conversion that did not happen."""
    if isinstance(error, ConversionTimeout):
        return "conversion_timeout"
    if isinstance(error, ConversionUnavailable):
        return "conversion_unavailable"
    return "conversion_failed"


class LazyConverter:
    """LibreOffice started on the first file that needs converting."""

    def __init__(self):
        self.converter = None

    def __call__(self, data: bytes) -> bytes:
        if self.converter is None:
            settings = dict(DEFAULTS)
            settings.update({key[len(SETTINGS_PREFIX):]: value for key, value in os.environ.items()
                             if key.startswith(SETTINGS_PREFIX)})
            self.converter = converter_from_config(settings)
        try:
            return self.converter.convert(data, to="docx")
        except ConversionTimeout:
            raise
        except ConversionFailed:  # LibreOffice could not read it: the file's fault, as the API says
            raise FileRefused("corrupt_file", "unconvertible") from None

    def close(self) -> None:
        if self.converter is not None:
            self.converter.close()


def import_document(source: Path, output: Path) -> int:
    convert = LazyConverter()
    try:
        result = recognize(source.read_bytes(), convert)
    except OSError as error:
        print(f"Không đọc được {source}: {error}", file=sys.stderr)
        return 2
    except FileRefused as refused:
        print(f"{source}: {refused.message} [{refused.code}]", file=sys.stderr)
        return 2
    except ConversionError as error:
        print(f"{source}: {error.message} [{conversion_code(error)}]", file=sys.stderr)
        return 2
    finally:
        convert.close()
    for title, items in (("Cảnh báo", result["warnings"]), ("Đã sửa theo Nghị định 30", result["fixes"])):
        for item in items:
            where = f"đoạn {item['paragraph']}" if item["paragraph"] else item["path"] or "-"
            excerpt = f" «{item['excerpt']}»" if item["excerpt"] else ""
            print(f"{title} [{item['code']}] {where}{excerpt}: {item['message']}")
    coverage = result["coverage"]
    print(coverage["message"])
    for place in coverage["places"]:
        print(f"Cần xem lại: đoạn {place['paragraph']} «{place['excerpt']}»")
    output.write_text(json.dumps(result["plan"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Đã tạo {output}")
    return 0
