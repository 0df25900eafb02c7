"""The simulator's clock: running, shifted, frozen, and carried across a restart."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from mockst.clock import EPOCH, Clock, micros

INSTANT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_a_running_clock_follows_the_wall_clock_at_its_offset() -> None:
    clock = Clock()
    before = datetime.now(UTC)
    clock.advance(900)
    now = clock.now()
    assert before + timedelta(seconds=899) < now < datetime.now(UTC) + timedelta(seconds=901)
    assert not clock.frozen
    # micros reads the same clock, as whole microseconds
    assert abs(clock.micros() - micros(clock.now())) < 1_000_000


def test_a_frozen_clock_stands_still_and_moves_only_when_told() -> None:
    clock = Clock()
    clock.set(INSTANT, frozen=True)
    assert clock.frozen and clock.now() == INSTANT == clock.now()
    assert clock.micros() == micros(INSTANT) == (INSTANT - EPOCH) // timedelta(microseconds=1)
    assert clock.advance(60) == INSTANT + timedelta(seconds=60)
    clock.set(INSTANT)  # keeps the frozen mode
    assert clock.frozen and clock.now() == INSTANT
    clock.freeze(False)  # runs on from where it stood
    assert not clock.frozen
    assert INSTANT <= clock.now() < INSTANT + timedelta(seconds=5)


def test_snapshot_and_restore_carry_the_setting() -> None:
    frozen = Clock()
    frozen.set(INSTANT, frozen=True)
    running = Clock(offset_seconds=-3600)
    for source in (frozen, running):
        copy = Clock()
        copy.restore(source.snapshot())
        assert copy.snapshot() == source.snapshot()
        assert copy.frozen == source.frozen
        assert abs(copy.now() - source.now()) < timedelta(seconds=5)


def test_changes_from_many_threads_all_count() -> None:
    clock = Clock()
    clock.set(INSTANT, frozen=True)

    def advance() -> None:
        for _ in range(500):
            clock.advance(1)

    threads = [threading.Thread(target=advance) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.now() == INSTANT + timedelta(seconds=4000)
