"""Hypothesis strategies for a tenant's scheduling world (re-exported by ``strategies``).

They draw ``ScheduleSpec`` values (``mockst_contracts.schedule``): business units, technicians of
those units, job types with durations that fit a frame, campaigns, a day's arrival windows inside
the technicians' shift, and visits already booked. Load one with ``st_schedule.load(spec)``.
"""

from __future__ import annotations

from hypothesis import strategies as st

from mockst_contracts.schedule import Booked, JobTypeSpec, ScheduleSpec

# Arrival-window patterns a shop uses (start hour, hours), each inside an 08:00-17:00 shift.
WINDOW_PATTERNS: tuple[tuple[tuple[int, int], ...], ...] = (
    ((8, 4), (12, 4)),
    ((8, 2), (10, 2), (13, 2), (15, 2)),
    ((9, 3), (13, 3)),
    ((8, 8),),
)
SERVICES = ("Drain Cleaning", "Water Heater Repair", "AC Tune-Up", "Furnace Repair",
            "Leak Detection", "Panel Upgrade")  # fmt: skip
TECHNICIANS = ("Ana Ruiz", "Ben Cho", "Cam Diaz", "Dee Park", "Eve Long", "Finn Moss")


def windows() -> st.SearchStrategy[list[tuple[int, int]]]:
    return st.sampled_from(WINDOW_PATTERNS).map(list)


def job_type_specs(units: int, longest_hours: int = 2) -> st.SearchStrategy[JobTypeSpec]:
    """A job type of some of ``units`` units, lasting 30 minutes to ``longest_hours`` hours."""
    return st.builds(
        JobTypeSpec,
        name=st.sampled_from(SERVICES),
        units=st.sets(st.integers(0, units - 1), min_size=1).map(lambda s: tuple(sorted(s))),
        duration=st.integers(1, longest_hours * 2).map(lambda halves: halves * 1800),
    )


def technician_specs(units: int) -> st.SearchStrategy[tuple[str, int]]:
    return st.tuples(st.sampled_from(TECHNICIANS), st.integers(0, units - 1))


def booked_visits(days: int, windows_: int, technicians: int,
                  job_types: int) -> st.SearchStrategy[Booked]:  # fmt: skip
    return st.builds(Booked, st.integers(0, days - 1), st.integers(0, windows_ - 1),
                     st.integers(0, technicians - 1), st.integers(0, job_types - 1))  # fmt: skip


@st.composite
def schedules(draw: st.DrawFn, days: int = 5, max_booked: int = 10) -> ScheduleSpec:
    """A scheduling world for ``days`` days: 1-2 business units, 1-4 technicians (unit 0 always
    staffed), 1-3 job types with distinct names, 1-2 campaigns, a window pattern and up to
    ``max_booked`` visits already booked."""
    units = draw(st.integers(1, 2))
    techs = draw(st.lists(technician_specs(units), min_size=1, max_size=4))
    techs[0] = (techs[0][0], 0)
    frames = draw(windows())
    longest = min(hours for _, hours in frames)
    job_types = draw(st.lists(job_type_specs(units, longest), min_size=1, max_size=3,
                              unique_by=lambda j: j.name))  # fmt: skip
    booked = draw(st.lists(booked_visits(days, len(frames), len(techs), len(job_types)),
                           max_size=max_booked))  # fmt: skip
    return ScheduleSpec(
        units=[f"Unit {i + 1}" for i in range(units)],
        technicians=techs,
        job_types=job_types,
        campaigns=draw(
            st.lists(
                st.sampled_from(("Website", "Radio", "Referral")),
                min_size=1,
                max_size=2,
                unique=True,
            )
        ),
        windows=frames,
        booked=booked,
    )
