"""Repeating shifts and non-job appointments, expanded into one row per occurrence.

The days an event repeats on are counted on the tenant's wall clock (``schedule.tenant_zone``):
every ``interval`` days, weeks (on the days named, else the first one's weekday; weeks start on
Sunday, as ServiceTitan's calendar shows them), months (the same day of the month; a month without
it is skipped) or years. Each occurrence keeps the first one's wall-clock time. A repeat is bounded:
more than ``MAX_OCCURRENCES`` occurrences is refused, so a mistyped end date cannot fill the world.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from mockst.dispatch.schedule import local, utc

MAX_OCCURRENCES = 366
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class RepeatError(ValueError):
    """A repeat that cannot be expanded: its message names what is wrong."""


def weekdays(text: str | None) -> set[int] | None:
    """``"Monday, Wednesday"`` (any case, three-letter names too) as Python weekdays; None when
    nothing is named. RepeatError on a name that is not a day."""
    names = [part.strip().lower() for part in (text or "").replace(";", ",").split(",")]
    result: set[int] = set()
    for name in filter(None, names):
        found = [i for i, day in enumerate(DAYS) if day == name or day[:3] == name]
        if not found:
            raise RepeatError(f"'{name}' is not a day of the week.")
        result.add(found[0])
    return result or None


def _dates(first: date, frequency: str, interval: int, days: set[int] | None) -> Iterator[date]:
    if frequency == "Daily":
        step = 0
        while True:
            yield first + timedelta(days=step)
            step += interval
    elif frequency == "Weekly":
        wanted = days or {first.weekday()}
        sunday = first - timedelta(days=(first.weekday() + 1) % 7)
        day = first
        while True:
            if day.weekday() in wanted and ((day - sunday).days // 7) % interval == 0:
                yield day
            day += timedelta(days=1)
    else:  # Monthly, Yearly: the same day of the month, or of the year
        months = interval * (12 if frequency == "Yearly" else 1)
        step = 0
        while True:
            year, month = divmod(first.month - 1 + step, 12)
            try:
                yield first.replace(year=first.year + year, month=month + 1)
            except ValueError:  # no such day in that month (the 31st, 29 February)
                if first.year + year > 9998:
                    return
            step += months


def occurrences(start: datetime, zone: ZoneInfo, frequency: str, interval: int | None, *,
                days: set[int] | None = None, last: date | None = None,
                count: int | None = None) -> list[datetime]:  # fmt: skip
    """The UTC starts of a repeat that begins at ``start``: up to and including the wall-clock
    day ``last``, or ``count`` of them. RepeatError when there would be more than
    ``MAX_OCCURRENCES`` or the interval is not positive."""
    if interval is not None and interval < 1:
        raise RepeatError("The interval must be 1 or greater.")
    result: list[datetime] = []
    try:
        wall = local(start, zone)
        for day in _dates(wall.date(), frequency, interval or 1, days):
            if (last is not None and day > last) or (count is not None and len(result) >= count):
                break
            if len(result) == MAX_OCCURRENCES:
                raise RepeatError(f"A repeat may have at most {MAX_OCCURRENCES} occurrences.")
            result.append(utc(datetime.combine(day, wall.time().replace(tzinfo=None)), zone))
    except OverflowError:  # the calendar ends (year 1 or 9999): so does the repeat
        if not result:
            raise RepeatError("The start is outside the calendar.") from None
    return result
