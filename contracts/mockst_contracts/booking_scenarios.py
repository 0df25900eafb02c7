"""The scenarios of the ``book-job`` task (``mockst verify --task book-job``).

Each runs on a fresh simulator whose tenant has a scheduling world (``schedule``): one business
unit with two technicians on shift every day, the ``Drain Cleaning`` job type, a campaign, two
arrival windows a day, plus the generated CRM world of the other task. The token, 429, 5xx and
restricted scenarios keep their names and apply the same pressure to the booking calls.
"""

from __future__ import annotations

from mockst_contracts.scenarios import Scenario

BOOKING_CHECKS = (
    "appointment-times-utc",
    "books-open-slots",
    "no-duplicate-job",
    "references-from-the-tenant",
    "task-completed",
)

BOOKING_SCENARIOS: dict[str, Scenario] = {}


def _add(s: Scenario) -> None:
    BOOKING_SCENARIOS[s.name] = Scenario(**{**s.__dict__, "task": "book-job"})


_add(Scenario(
    name="booking-happy-path",
    summary="A lead, a service, a window of days; nothing goes wrong.",
    description="The tenant (in America/Los_Angeles) has technicians on shift every day of the "
    "window, arrival windows 08:00-12:00 and 12:00-16:00 local, and little booked. The "
    "connector finds or creates the lead's customer and location, reads the job type, business "
    "unit and campaign from the tenant's lists, asks capacity and books one job.",
    exercises=("app-key-on-every-call", "token-reused", "request-bodies-valid", *BOOKING_CHECKS),
))  # fmt: skip

_add(Scenario(
    name="far-time-zone",
    summary="The tenant is in Asia/Tokyo: capacity's local times with a Z are 9 hours off.",
    description="Capacity frames are the tenant's local arrival windows; their start/end are "
    "written as local wall-clock times with a Z, 9 hours from the truth in Tokyo (a 12:00 window "
    "says 12:00Z and is 03:00Z). Only startUtc/endUtc are instants; a connector that converts "
    "with a fixed offset, or not at all, books the wrong hour here.",
    exercises=("appointment-times-utc", "books-open-slots", "task-completed"),
    time_zone="Asia/Tokyo",
))  # fmt: skip

_add(Scenario(
    name="job-create-lost",
    summary="The job create is applied, but its answer is lost (connection dropped).",
    description="The first POST /jobs creates the job, then the connection drops before the "
    "answer. The connector cannot know whether the job exists: it must look (GET /jobs with "
    "its externalData, or by customer) before creating it again, and end with one job.",
    exercises=("no-duplicate-job", "no-blind-write-retry", "task-completed"),
    faults=({"operation": "Jobs_Create", "first": 1, "drop": True, "after": True},),
))  # fmt: skip

_add(Scenario(
    name="busy-week",
    summary="Most of the window is already booked; only a few frames are open.",
    description="Every technician is booked in every frame of the window but two. Capacity "
    "says which (isAvailable, Available technicians); the connector must book one of those, "
    "not the first frame of the window.",
    exercises=("books-open-slots", "task-completed"),
    busy=True,
))  # fmt: skip

_add(Scenario(
    name="token-expiry",
    summary="The clock jumps past the token's 15 minutes in the middle of the booking.",
    description="After the connector's third API call the simulator clock advances 16 minutes: "
    "the token has expired and the next call answers 401 (expired_token). Take a new token and "
    "carry on.",
    exercises=("reauthenticates-after-401", "token-reused", "task-completed"),
    clock_jump_after=3,
))  # fmt: skip

_add(Scenario(
    name="rate-limit-429",
    summary="The first capacity request and the first job create answer 429.",
    description="Capacity and the job create each answer 429 with Retry-After: 1 the first "
    "time. Wait that long; repeating a 429'd POST is safe (nothing happened).",
    exercises=("waits-retry-after", "task-completed"),
    faults=(
        {"operation": "Capacity_GetList", "first": 1, "status": 429, "retryAfter": 1},
        {"operation": "Jobs_Create", "first": 1, "status": 429, "retryAfter": 1},
    ),
))  # fmt: skip

_add(Scenario(
    name="transient-5xx",
    summary="A 502 on the job types, a 502 on capacity and a 503 on the job create.",
    description="The first job types read answers 502, the first capacity request 502 (capacity "
    "is a POST that writes nothing: ask again) and the first job create 503 (nothing was "
    "written). Before repeating the create, look whether the job exists.",
    exercises=("no-blind-write-retry", "no-duplicate-job", "task-completed"),
    faults=(
        {"operation": "JobTypes_GetList", "first": 1, "status": 502},
        {"operation": "Capacity_GetList", "first": 1, "status": 502},
        {"operation": "Jobs_Create", "first": 1, "status": 503},
    ),
))  # fmt: skip

_add(Scenario(
    name="restricted-provider",
    summary="The connection is restricted to the connector's booking provider.",
    description="The tenant restricted the connection to the connector's booking provider "
    "(tenant-wide booking paths answer 403); job, capacity and reference calls are allowed. The "
    "first job create answers 503: look before creating again.",
    exercises=("no-blind-write-retry", "no-duplicate-job", "task-completed"),
    restricted=True,
    faults=({"operation": "Jobs_Create", "first": 1, "status": 503},),
))  # fmt: skip
