"""Tổ chức thực hiện: each agency a numbered heading over its duties."""

from . import writes
from .section import heading, write_part

LEAD_AGENCY_NOTE = " (cơ quan chủ trì)"
REQUEST_PREFIX = "Đề nghị "


def agency_heading(agency: dict) -> str:
    name = agency["name"]
    # A name typed with its "Đề nghị" already is not asked twice.
    if agency["request"] and not name.casefold().startswith(REQUEST_PREFIX.casefold()):
        name = REQUEST_PREFIX + name
    if agency["lead"]:
        name += LEAD_AGENCY_NOTE
    return name


@writes("assignments")
def write_assignments(writer, block: dict, depth: int):
    yield from write_part(writer, block, block["type"], depth)
    for agency in block["agencies"]:
        yield from heading(writer, depth + 1, agency_heading(agency), agency["duties"], agency["run_in"])
    yield from writer.blocks(block["closing"], depth + 1)
