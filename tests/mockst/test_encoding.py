"""Wire formats: date-times as .NET writes them, read back exactly."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from mockst.encoding import format_datetime, parse_datetime

instants = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)
)


@given(instants)
def test_format_then_parse_is_identity(value: datetime) -> None:
    text = format_datetime(value)
    assert len(text) == 28 and text.endswith("Z")  # fixed width: string order is time order
    assert parse_datetime(text) == value


@given(instants, instants)
def test_string_order_is_time_order(a: datetime, b: datetime) -> None:
    assert (format_datetime(a) < format_datetime(b)) == (a < b)


def test_reads_dates_and_seven_digit_fractions() -> None:
    assert parse_datetime("2020-01-01") == datetime(2020, 1, 1, tzinfo=UTC)
    assert parse_datetime("2021-07-19T20:35:38.2876004Z") == datetime(
        2021, 7, 19, 20, 35, 38, 287600, tzinfo=UTC
    )
