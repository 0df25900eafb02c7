"""What Dispatch requests are checked against: the tenant's technicians and business units
(Settings), time spans, and the field errors of one request gathered into one 400."""

from __future__ import annotations

from collections.abc import Sequence

from mockst.api.operation import TenantContext
from mockst.dispatch.schedule import timespan_seconds, timespan_text
from mockst.errors import validation_error
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.settings.technicians import TECHNICIANS

INTEGRATION_USER = 0  # createdById/createdBy of rows written through the API (README)


class Problems:
    """Field errors of one request, so that a 400 names every bad field at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def required_text(self, field: str, value: str | None) -> str:
        if value is None or not value.strip():
            self.add(field, f"The {field} field is required.")
            return ""
        return value.strip()

    def check(self) -> None:
        if self.errors:
            raise validation_error(self.errors)


def technician_is_active(ctx: TenantContext, ident: int) -> bool:
    row = ctx.table(TECHNICIANS.table).get(ident)
    return row is not None and row.active


def technicians(ctx: TenantContext, problems: Problems, field: str,
                ids: Sequence[int] | None) -> list[int]:  # fmt: skip
    """Active technicians of the tenant, de-duplicated in order; each other id is an error."""
    result: list[int] = []
    for index, ident in enumerate(ids or []):
        if not technician_is_active(ctx, ident):
            problems.add(f"{field}[{index}]", f"Technician {ident} was not found.")
        elif ident not in result:
            result.append(ident)
    return result


def technician(ctx: TenantContext, problems: Problems, field: str, ident: int) -> int:
    if not technician_is_active(ctx, ident):
        problems.add(field, f"Technician {ident} was not found.")
    return ident


def business_units(ctx: TenantContext, problems: Problems, field: str,
                   ids: Sequence[int] | None) -> list[int]:  # fmt: skip
    result: list[int] = []
    for index, ident in enumerate(ids or []):
        if ctx.table(BUSINESS_UNITS.table).get(ident) is None:
            problems.add(f"{field}[{index}]", f"Business unit {ident} does not exist.")
        elif ident not in result:
            result.append(ident)
    return result


def timespan(problems: Problems, field: str, text: str, *, low: int = 0,
             high: int | None = None) -> int:  # fmt: skip
    """Seconds of a TimeSpan in [low, high]; a field error otherwise (then ``low``)."""
    try:
        seconds = timespan_seconds(text)
    except ValueError as error:
        problems.add(field, str(error))
        return low
    if seconds < low or (high is not None and seconds > high):
        top = f" and {timespan_text(high)}" if high is not None else ""
        problems.add(field, f"The {field} must be between {timespan_text(low)}{top}.")
        return low
    return seconds
