"""Arithmetic of appendix tables: computed columns and the total row.

Kept apart from validation and rendering because both need it: the schema
checks figures the author gave against it, the generator prints its results.
Decimal arithmetic with half-up rounding, as clerks round by hand.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

COMPUTED_KINDS = ("rate", "difference", "sum")
# Inputs are at most TABLE_VALUE but may be as small as a float goes (5e-324),
# and a rate may divide by a difference of nearly equal figures: results and
# the precision a typed figure asks can reach hundreds of digits. Python's
# default 28 digits would raise InvalidOperation; this context never does.
# The schema then refuses computed figures beyond COMPUTED_VALUE.
WIDE = Context(prec=1000, rounding=ROUND_HALF_UP)
# A thousand rows of TABLE_VALUE, in a sum; anything larger is a typing error.
COMPUTED_VALUE = Decimal("1e15")


def decimal(value) -> Decimal:
    return Decimal(str(value))


def compute(column: dict, row: dict[str, Decimal | None]) -> Decimal | None:
    """The value of a computed column in one row, or None when undefined."""
    operands = [row.get(key) for key in column["of"]]
    if any(operand is None for operand in operands):
        return None
    if column["kind"] == "sum":
        return sum(operands, Decimal(0))
    first, second = operands
    if column["kind"] == "difference":
        return first - second
    if second == 0:
        return None
    return round_to(first / second * 100, column["decimals"])


def round_to(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=WIDE)


def places_of(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def agrees(given, computed: Decimal | None) -> bool:
    """Whether a figure the author typed matches the computed one at the
    precision the author typed it (0,7 agrees with 0,70 and with 0,704)."""
    if computed is None:
        return False
    try:
        given_value = decimal(given)
    except InvalidOperation:
        return False
    return round_to(computed, places_of(given_value)) == given_value


def complete_row(columns: list[dict], inputs: dict) -> dict[str, Decimal | None]:
    """All values of a row: the author's inputs plus every computed column,
    in column order (a computed column only refers to columns before it)."""
    row: dict[str, Decimal | None] = {}
    for column in columns:
        if column["kind"] == "input":
            raw = inputs.get(column["key"])
            row[column["key"]] = None if raw is None else decimal(raw)
        else:
            row[column["key"]] = compute(column, row)
    return row


def total_inputs(columns: list[dict], rows: list[dict]) -> dict[str, Decimal]:
    """Column sums of the input columns over the rows' inputs."""
    return {
        column["key"]: sum((decimal(row["values"].get(column["key"]) or 0) for row in rows), Decimal(0))
        for column in columns
        if column["kind"] == "input"
    }


def computed_table(table: dict) -> tuple[list[dict], dict | None]:
    """The completed rows and the completed total row (None if not shown)."""
    columns = table["columns"]
    with localcontext(WIDE):
        rows = [complete_row(columns, row["values"]) for row in table["rows"]]
        total = complete_row(columns, total_inputs(columns, table["rows"])) if table["show_total"] else None
    return rows, total


def too_large(value: Decimal | None) -> bool:
    return value is not None and abs(value) > COMPUTED_VALUE
