"""Stamps as production writes them, and sent back: a row's own createdOn/modifiedOn, used as a
filter or an export's ``from``, selects exactly that row and what came after it, to the 100-ns
tick, however many fractional digits the stamps have."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from customer_helpers import Crm

from mockst.encoding import format_datetime, parse_datetime

# Fractions of every length, including none, and neighbours one tick apart that a microsecond
# clock (or a parser that stops at six digits) cannot tell apart; the last is the next second.
FRACTIONS = ["", ".5", ".5000001", ".5000002", ".51", ".5100009", ".9999999", "+"]
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z")


def written_at(crm: Crm) -> list[str]:
    """Stamps a second from now (the token stays valid), one for each of FRACTIONS."""
    second = format_datetime(crm.world.clock.now() + timedelta(seconds=1))[:19]
    following = format_datetime(parse_datetime(second + "Z") + timedelta(seconds=1))
    return [following if f == "+" else f"{second}{f}Z" for f in FRACTIONS]


@pytest.fixture
def written(crm: Crm) -> list[dict[str, object]]:
    """One customer created at each of ``written_at``, on a frozen clock."""
    clock = crm.world.clock
    rows = []
    try:
        for index, at in enumerate(written_at(crm)):
            clock.set(parse_datetime(at), frozen=True)
            rows.append(crm.customer(f"Customer {index}"))
    finally:
        clock.freeze(False)
    return rows


def test_stamps_are_written_to_the_tick_with_trailing_zeros_trimmed(
    written: list[dict[str, object]],
) -> None:
    stamps = [str(row["createdOn"]) for row in written]
    assert all(STAMP.fullmatch(s) for s in stamps), stamps
    assert [s[19:] for s in stamps[:-1]] == [f"{f}Z" for f in FRACTIONS[:-1]]
    assert all(row["modifiedOn"] == row["createdOn"] for row in written)


def test_a_stamp_sent_back_selects_exactly_its_row(
    crm: Crm, written: list[dict[str, object]]
) -> None:
    ids = [row["id"] for row in written]
    for index, row in enumerate(written):
        stamp = row["modifiedOn"]
        assert crm.ids("/customers", modifiedOnOrAfter=stamp) == ids[index:], stamp
        assert crm.ids("/customers", createdOnOrAfter=stamp) == ids[index:], stamp
        assert crm.ids("/customers", modifiedBefore=stamp) == ids[:index], stamp
        assert crm.ids("/customers", createdBefore=stamp) == ids[:index], stamp
        feed = crm.ok(crm.get("/export/customers", includeRecentChanges="true", **{"from": stamp}))
        assert [r["id"] for r in feed["data"]] == ids[index:], stamp


def test_stamps_sort_as_instants(crm: Crm, written: list[dict[str, object]]) -> None:
    ids = [row["id"] for row in written]
    assert crm.ids("/customers", sort="+CreatedOn") == ids
    assert crm.ids("/customers", sort="-ModifiedOn") == ids[::-1]


def test_a_running_clock_writes_stamps_that_a_filter_tells_apart(crm: Crm) -> None:
    rows = [crm.customer(f"Quick {n}") for n in range(12)]
    stamps = [row["createdOn"] for row in rows]
    assert all(STAMP.fullmatch(s) for s in stamps), stamps
    assert len(set(stamps)) == len(stamps)  # 100-ns ticks: no two calls share one
    ids = [row["id"] for row in rows]
    for index, stamp in enumerate(stamps):
        assert crm.ids("/customers", createdOnOrAfter=stamp) == ids[index:]
        assert crm.ids("/customers", createdBefore=stamp) == ids[:index]
