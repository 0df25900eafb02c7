"""Wire formats: date-times as .NET writes them (tick precision, trailing zeros trimmed), read
back exactly, and compared as instants however long they are."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mockst.clock import Clock
from mockst.encoding import (
    dumps,
    format_date,
    format_datetime,
    format_ticks,
    instant,
    parse_datetime,
    parse_ticks,
    sortable_stamp,
    ticks_of,
)

# Year 1 to year 9999, in 100-ns ticks since 1970 (the range .NET's DateTime holds).
ticks = st.integers(min_value=-621_355_968_000_000_000, max_value=2_534_023_007_999_999_999)
# Instants that share a second more often than chance would have them, so that fractions of every
# length (0 to 7 digits) and whole seconds meet in the comparisons.
near_ticks = st.builds(
    lambda second, fraction: second * 10_000_000 + fraction,
    st.integers(min_value=1_700_000_000, max_value=1_700_000_003),
    st.sampled_from([0, 5_000_000, 5_100_000, 1, 10, 1_234_567, 9_999_999, 2_796_900])
    | st.integers(0, 9_999_999),
)
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z")


@given(ticks)
def test_a_stamp_is_written_the_way_dotnet_writes_it_and_read_back_to_the_tick(t: int) -> None:
    text = format_ticks(t)
    assert STAMP.fullmatch(text), text  # no fraction when it is zero, never a trailing 0
    assert parse_ticks(text) == t
    assert format_datetime(parse_datetime(text)) == text


def test_fractions_are_trimmed_as_dotnet_trims_them() -> None:
    second = parse_ticks("2021-07-19T20:35:38Z")
    assert format_ticks(second + 2_876_004) == "2021-07-19T20:35:38.2876004Z"
    assert format_ticks(second + 2_796_900) == "2021-07-19T20:35:38.27969Z"
    assert format_ticks(second + 2_800_000) == "2021-07-19T20:35:38.28Z"
    assert format_ticks(second + 1) == "2021-07-19T20:35:38.0000001Z"
    assert format_ticks(second) == "2021-07-19T20:35:38Z"
    # a plain datetime is its microseconds: the seventh digit is 0, and trimmed
    plain = datetime(2021, 7, 19, 20, 35, 38, 279690, tzinfo=UTC)
    assert format_datetime(plain) == "2021-07-19T20:35:38.27969Z"
    assert format_datetime(plain.replace(tzinfo=None)) == "2021-07-19T20:35:38.27969Z"


@given(near_ticks | ticks, near_ticks | ticks)
def test_stamps_compare_as_instants_through_sortable_stamp(a: int, b: int) -> None:
    left, right = sortable_stamp(format_ticks(a)), sortable_stamp(format_ticks(b))
    assert (left < right) == (a < b) and (left == right) == (a == b)


def test_trimmed_stamps_as_plain_strings_do_not_sort_as_instants() -> None:
    # Why sortable_stamp exists: "…:00Z" sorts after "…:00.5Z" as a string.
    whole, half = "2026-01-02T10:00:00Z", "2026-01-02T10:00:00.5Z"
    assert whole > half
    assert sortable_stamp(whole) < sortable_stamp(half)
    assert sortable_stamp("2026-01-02T10:00:00.5000000Z") == sortable_stamp(half)  # untrimmed


def test_parsing_keeps_seven_digits_and_reads_offsets_and_dates() -> None:
    assert parse_datetime("2020-01-01") == datetime(2020, 1, 1, tzinfo=UTC)
    value = parse_datetime("2021-07-19T20:35:38.2876004Z")
    assert value == datetime(2021, 7, 19, 20, 35, 38, 287600, tzinfo=UTC)
    assert ticks_of(value) == parse_ticks("2021-07-19T20:35:38.2876Z") + 4
    assert format_datetime(parse_datetime("2021-07-19T22:35:38.2876004+02:00")) == (
        "2021-07-19T20:35:38.2876004Z"
    )
    assert parse_ticks("2021-07-19T20:35:38.123456789Z") == parse_ticks(
        "2021-07-19T20:35:38.1234567Z"
    )
    for bad in ("", "2021-13-01", "yesterday", "2021-07-19T20:35:38.Z"):
        try:
            parse_ticks(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was read")


def test_an_instant_made_by_arithmetic_falls_back_to_its_microseconds() -> None:
    value = instant(parse_ticks("2021-07-19T20:35:38.2876004Z"))
    later = value.replace(second=39)
    assert ticks_of(later) == parse_ticks("2021-07-19T20:35:39.2876Z")


def test_date_fields_are_written_at_midnight_without_a_fraction() -> None:
    assert format_date(date(2026, 1, 2)) == "2026-01-02T00:00:00Z"
    assert format_date(parse_datetime("2026-01-02T17:45:12.1234567Z")) == "2026-01-02T00:00:00Z"
    # the UTC day, whatever zone the value came in
    assert format_date(parse_datetime("2026-01-02T23:30:00-02:00")) == "2026-01-03T00:00:00Z"


def test_the_running_clock_gives_stamps_of_varying_length_as_production_does() -> None:
    clock = Clock()
    lengths = {len(format_datetime(clock.now())) for _ in range(5000)}
    assert 28 in lengths  # seven digits, most of the time
    assert len(lengths) > 1  # and fewer now and then (a stamp whose last tick digit is 0)
    stamps = [format_datetime(clock.now()) for _ in range(200)]
    assert all(STAMP.fullmatch(s) for s in stamps)
    assert any(s[-2] != "0" and len(s) == 28 for s in stamps)  # the seventh digit is real


def test_no_module_but_the_encoding_writes_date_times_itself() -> None:
    # One writer for every family, present and future: a stamp written with isoformat or
    # strftime would have the wrong precision and the wrong zone marker.
    package = Path(__file__).parents[2] / "mockst"
    writers = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "encoding.py" and re.search(r"\.(isoformat|strftime)\(", path.read_text())
    ]
    assert writers == []


def test_json_answers_write_datetimes_through_the_one_writer() -> None:
    plain = datetime(2026, 1, 2, 3, 4, 5, 120000, tzinfo=UTC)
    exact = parse_datetime("2026-01-02T03:04:05.1234567Z")
    assert dumps({"a": plain, "b": exact, "c": [plain.replace(microsecond=0)]}) == (
        b'{"a":"2026-01-02T03:04:05.12Z","b":"2026-01-02T03:04:05.1234567Z",'
        b'"c":["2026-01-02T03:04:05Z"]}'
    )
