"""Every behaviour the real API leaves undocumented, as one setting with a chosen default.

``servicetitan-api.md`` §9 lists what no public source settles (statuses for a missing app key or a
wrong tenant, the largest page, what a restricted connection sees…). Each answer here is the
simulator's default, written down in the README, and can be changed per run (``--config FILE``,
a JSON object of these fields) so a team that learns the real answer can match it at once.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from mockst.identity.model import Environment

# Statuses for each way a call can fail the guard; the body is ApiErrorResponse unless
# ``auth_error_body`` is "apim" (Azure API Management's {"statusCode", "message"}).
DEFAULT_AUTH_ERRORS: dict[str, int] = {
    "missing_app_key": 401,
    "invalid_app_key": 401,
    "app_key_mismatch": 401,
    "missing_token": 401,
    "invalid_token": 401,
    "expired_token": 401,
    "environment_mismatch": 401,
    "tenant_mismatch": 403,
    "insufficient_scope": 403,
    "booking_provider_restricted": 403,
}


@dataclass(frozen=True)
class Config:
    environment: Environment = Environment.PRODUCTION
    token_lifetime: int = 900
    issuer: str = "https://auth.servicetitan.io"
    auth_errors: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_AUTH_ERRORS))
    auth_error_body: Literal["problem", "apim"] = "problem"
    accept_raw_token: bool = True  # Authorization without "Bearer " (the docs' own curl sends it)
    revoke_tokens_on_disable: bool = True  # disabling a connection stops its live tokens at once
    revoke_tokens_on_secret_deactivation: bool = False  # a token is not tied to the secret used
    restricted_tenant_bookings: Literal["deny", "allow"] = "deny"
    default_page_size: int = 50
    max_page_size: int = 5000
    page_size_overflow: Literal["reject", "clamp"] = "reject"
    max_ids: int = 50
    export_batch_size: int = 500
    export_recent_seconds: int = 900
    max_body_bytes: int = 1_048_576  # API request bodies (413 above)
    max_control_body_bytes: int = 1_048_576  # control-plane bodies but a world import
    max_world_bytes: int = 268_435_456  # PUT /_mock/world (a 20,000-customer world is ~107 MB)
    max_active_secrets: int = 2
    # An empty customFields or externalData as [] (what the documents' schemas say, and what every
    # client copes with) or null (what a production dump of another module shows on every row).
    empty_collections: Literal["list", "null"] = "list"
    # Decimal fields in their shortest form (None: 25.17, 0.0) or with this many places, as .NET
    # writes a decimal of that scale (4: 25.1700, 0.0000).
    decimal_places: int | None = None
    # Job Planning (servicetitan-scheduling.md §15): a job booked with ``bookingId`` marks that
    # booking Converted with its jobId (U13); a job may not name an inactive job type or campaign
    # (U7). Neither is documented; both are what the product does in its UI.
    job_converts_booking: bool = True
    job_refuses_inactive: bool = True
    # Dispatch capacity (servicetitan-scheduling.md §7, §15 U1-U5): start/end as local wall clock
    # with a Z (what two clients report; startUtc/endUtc are the true instants), frames from
    # 08:00 to 17:00 local where a unit has no arrival windows or business hours, the ideal
    # booking percentage, and the widest request (wider is a 400: the answer grows with it).
    capacity_local_start_end: bool = True
    capacity_default_hours: tuple[int, int] = (8, 17)
    capacity_ideal_booking_percent: float = 100.0
    capacity_max_days: int = 62
    # Telecom (§15 U20): a call row's top-level ``id`` is the job booked from the call ("job"), or
    # 0 on every row ("zero"), as one live probe of v3 saw; the rest of the top level is the job's
    # either way.
    call_top_level_id: Literal["job", "zero"] = "job"
    # Dispatch (§15 U22): an arrival window's ``duration`` is how long it lasts (end = start +
    # duration), as its name says; "end" reads and writes it as the end time its description gives.
    arrival_window_duration: Literal["duration", "end"] = "duration"
    # Realism under stress (mockst.ratelimit, mockst.journal). Limits run on the wall clock.
    rate_limit: float = 60  # API calls a second per (app key, tenant), §6.5; 0 disables
    # Token requests a minute per client id (burst the same); 0, the default, disables. Real
    # clients that take a token before every call (servicepytan) work against ServiceTitan, whose
    # throttle is not published; ``mockst verify``'s ``token-reused`` check names the habit instead.
    token_rate_limit: float = 0
    journal_size: int = 10_000  # entries kept; the oldest go first; 0 disables the journal
    journal_body_bytes: int = 65_536  # per request or response body; longer ones keep the head
    journal_total_bytes: int = 67_108_864  # all retained bodies; the oldest entries go first
    # Header floods get 431, as Kestrel (ASP.NET Core, which the real API runs on) by default.
    max_header_count: int = 100
    max_header_bytes: int = 32_768
    # Marketing's email channel (Marketing Pro) is not simulated: its cost is unknown (null) unless
    # a daily cost is set here, which the answer multiplies by the days asked about.
    email_channel_daily_cost: float | None = None
    # Catalogue rules the documents leave open (servicetitan-catalogue.md §6). A price-book DELETE
    # deactivates (GET still finds the SKU) or removes it (GET answers 404); codes may repeat
    # within a kind unless ``pricebook_unique_codes``.
    pricebook_delete_mode: Literal["soft", "hard"] = "soft"
    pricebook_unique_codes: bool = False
    # Who may be credited with selling an estimate: the tenant's technicians (the documents say
    # only technicians sell), or its employees too (the office may credit either; catalogue U6).
    estimate_sellers: Literal["technicians", "employees"] = "technicians"
    # Uploaded files (price-book images, installed-equipment attachments): 413 above this size.
    max_upload_bytes: int = 5_242_880

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Config:
        values: dict[str, Any] = {}
        if path:
            values.update(json.loads(Path(path).read_text()))
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown config fields: {', '.join(sorted(unknown))}")
        if "auth_errors" in values:
            values["auth_errors"] = {**DEFAULT_AUTH_ERRORS, **values["auth_errors"]}
        if "capacity_default_hours" in values:
            values["capacity_default_hours"] = tuple(values["capacity_default_hours"])
        if "environment" in values:
            values["environment"] = Environment(values["environment"])
        return replace(cls(), **values)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
