"""The scenarios ``mockst verify`` runs a connector under, one registry.

Every scenario gives the connector the same task (``mockst_contracts.task``) on a tenant of its
own, with a world generated from the kit's strategies, and varies what the simulator does around
it. Every check runs in every scenario; ``exercises`` names the checks a scenario is built to put
to the test (they must not end "not exercised" for a connector that does its task).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TOKEN_LIFETIME = 900


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    description: str
    exercises: tuple[str, ...] = ()
    world_factor: int = 1  # customers = --customers x this
    restricted: bool = False  # the connection is restricted to the connector's provider
    faults: tuple[dict[str, Any], ...] = ()  # fault rules (mockst.faults.FaultRule fields)
    clock_jump_after: int | None = None  # advance the clock past a token's life after N calls
    clock_jump: float = TOKEN_LIFETIME + 60
    runs: int = 1
    rotate_secret_between_runs: bool = False
    # stamps of every length in the world, empty lists served as null, decimals with 4 places
    real_formats: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    task: str = "sync-and-book"  # the task kind the connector is given (book-job: booking_task)
    time_zone: str | None = None  # the tenant's time zone (None: the simulator's default)
    busy: bool = False  # book-job: most of the window's frames are already booked


SCENARIOS: dict[str, Scenario] = {}


def scenario(s: Scenario) -> Scenario:
    SCENARIOS[s.name] = s
    return s


scenario(
    Scenario(
        name="happy-path",
        summary="A generated world, nothing goes wrong.",
        description="The tenant holds a hypothesis-generated world: customers with locations "
        "and contacts, bookings under the connector's provider and under another one, leads. "
        "The API answers every call; pages and export batches are small, so both span "
        "several answers.",
        exercises=(
            "app-key-on-every-call",
            "own-tenant-only",
            "bookings-under-own-provider",
            "token-reused",
            "pages-read-to-the-end",
            "export-follows-continuefrom",
            "request-bodies-valid",
            "task-completed",
        ),
    )
)

scenario(
    Scenario(
        name="token-expiry",
        summary="The clock jumps past the token's 15 minutes in the middle of the run.",
        description="After the connector's third API call the simulator clock advances 16 "
        "minutes: the token it holds has expired and the next call answers 401 "
        "(expired_token). The connector must take a new token and carry on.",
        exercises=("reauthenticates-after-401", "token-reused", "task-completed"),
        clock_jump_after=3,
    )
)

scenario(
    Scenario(
        name="rate-limit-429",
        summary="Bursts of 429 Too Many Requests with Retry-After.",
        description="The first two customer-list calls and the first booking create answer 429 "
        "with Retry-After: 1 (as the 60 calls/s limit would). The connector must wait that long "
        "before calling again; retrying a 429'd POST is safe (ServiceTitan did nothing).",
        exercises=("waits-retry-after", "task-completed"),
        faults=(
            {"operation": "Customers_GetList", "first": 2, "status": 429, "retryAfter": 1},
            {"operation": "Bookings_Create", "first": 1, "status": 429, "retryAfter": 1},
        ),
    )
)

scenario(
    Scenario(
        name="transient-5xx",
        summary="502/503/504 blips and a dropped connection.",
        description="The second customer-list call answers 502, the first export call loses its "
        "connection, the third export call answers 504, and the first booking create answers "
        "503 (the booking was not written). Reads may be retried; the failed POST may only be "
        "repeated after the connector has looked (e.g. by externalId) whether the booking "
        "exists.",
        exercises=("no-blind-write-retry", "task-completed"),
        faults=(
            {"operation": "Customers_GetList", "nth": 2, "times": 1, "status": 502},
            {"operation": "ExportCustomers_GetCustomers", "first": 1, "drop": True},
            {"operation": "ExportCustomers_GetCustomers", "nth": 3, "times": 1, "status": 504},
            {"operation": "Bookings_Create", "first": 1, "status": 503},
        ),
    )
)

scenario(
    Scenario(
        name="secret-rotated",
        summary="The client secret is rotated between two runs.",
        description="The connector runs once; then a second client secret is generated and the "
        "first deactivated (the portal's rotation), and the connector runs again with the new "
        "secret (ST_CLIENT_SECRET) and a new task. Both runs must succeed.",
        exercises=("token-reused", "task-completed"),
        runs=2,
        rotate_secret_between_runs=True,
    )
)

scenario(
    Scenario(
        name="restricted-provider",
        summary="The connection is restricted to the connector's booking provider.",
        description="The tenant admin restricted the connection to the connector's Booking "
        "Provider Tag: provider-scoped booking paths of another provider and the tenant-scoped "
        "booking paths answer 403. Another provider's bookings exist in the tenant. The first "
        "booking create answers 503 (nothing was written): the connector must look the booking "
        "up where it may, under its own provider (the tenant-wide /bookings answers 403 here), "
        "before creating it again.",
        exercises=("bookings-under-own-provider", "no-blind-write-retry", "task-completed"),
        restricted=True,
        faults=({"operation": "Bookings_Create", "first": 1, "status": 503},),
    )
)

scenario(
    Scenario(
        name="large-tenant",
        summary="Twenty times the customers: many pages, many export batches.",
        description="The same task over a tenant twenty times the size: the customers list "
        "and export span many answers, and a fast connector meets the real rate limit "
        "(60 calls a second per app and tenant).",
        exercises=("pages-read-to-the-end", "export-follows-continuefrom", "task-completed"),
        world_factor=20,
    )
)


scenario(
    Scenario(
        name="real-formats",
        summary="Values as production writes them: trimmed stamps, null lists, scaled decimals.",
        description="The world's rows were written at instants whose stamps have 0 to 7 "
        "fractional digits (ServiceTitan trims trailing zeros: 2026-01-02T10:00:00Z, "
        "…:00.12Z, …:00.1234567Z), an empty customFields or externalData is null, as in "
        "production, and decimals keep four places (0.0000, 25.1700). A connector that "
        "parses stamps by fixed width or iterates a list without allowing for null fails "
        "here, and the report names the field, rather than in production.",
        exercises=("reads-real-formats", "task-completed"),
        real_formats=True,
    )
)


# The task kinds: a connector is verified on one task at a time (``--task``).
TASKS = ("sync-and-book", "book-job")


def scenarios_for(task: str) -> dict[str, Scenario]:
    """The scenarios of a task kind (the booking ones live in ``booking_scenarios``)."""
    if task == "sync-and-book":
        return SCENARIOS
    if task == "book-job":
        from mockst_contracts.booking_scenarios import BOOKING_SCENARIOS

        return BOOKING_SCENARIOS
    raise KeyError(f"unknown task {task!r}; choose {', '.join(TASKS)}")


def select(names: list[str] | None, task: str = "sync-and-book") -> list[Scenario]:
    known = scenarios_for(task)
    if not names:
        return list(known.values())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise KeyError(
            f"unknown scenario(s) of task {task}: {', '.join(unknown)}; choose {', '.join(known)}"
        )
    return [known[n] for n in names]
