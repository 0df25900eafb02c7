"""The checks: what "a connector behaves" means, judged from the journal and the tenant's state.

Each check has an id, a one-line rule, a severity and a function over one run of the connector
(``RunContext``). It answers ``passed``, ``failed`` (with evidence: the journal entries that
break the rule and why) or ``not-exercised`` (the run never met the situation, e.g. no 429 came).

Severities: ``critical`` (a customer's data is at risk: another tenant, another provider's
bookings), ``error`` (the connector misbehaves toward the API), ``warning`` (reported, does not
fail the run). ``mockst verify`` exits non-zero when a critical or error check fails.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import orjson

from mockst_contracts.booking_task import BookJobTask
from mockst_contracts.connector_output import error_lines
from mockst_contracts.journal import TOKEN_REFUSALS, JournalEntry
from mockst_contracts.real_formats import blamed, describe, served
from mockst_contracts.task import ConnectorTask

Severity = Literal["critical", "error", "warning"]
Status = Literal["passed", "failed", "not-exercised"]

# Time the journal's clock may disagree with itself (request start vs answer end), seconds.
TOLERANCE = 0.05
# A token this close to its expiry may be replaced without counting as a new token per request.
REFRESH_MARGIN = 120.0
# Evidence kept per check and scenario; the report says how many there were in all.
EVIDENCE_KEPT = 20

PROVIDER_PATH = re.compile(r"^/crm/v2/tenant/[^/]+/booking-provider/([^/]+)/bookings(/.*)?$")


@dataclass(frozen=True)
class Evidence:
    entry: int | None
    request: str
    note: str

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry, "request": self.request, "note": self.note}


@dataclass(frozen=True)
class Outcome:
    status: Status
    evidence: tuple[Evidence, ...] = ()  # the first EVIDENCE_KEPT violations
    summary: str = ""
    total: int = 0  # violations in all (more than ``evidence`` holds when it was cut)
    seconds: float = 0.0  # time spent judging

    @property
    def cut(self) -> bool:
        return self.total > len(self.evidence)

    def shown(self) -> str:
        """``first 20 of 139`` where the evidence was cut, else ``''``."""
        return f"first {len(self.evidence)} of {self.total}" if self.cut else ""


@dataclass
class RunContext:
    """One run of the connector: who it is, what it was asked, what it sent, how it ended."""

    scenario: str
    run: int
    tenant_id: int
    app_key: str
    client_id: str
    booking_provider_id: int
    task: ConnectorTask | BookJobTask
    entries: list[JournalEntry]
    exit_code: int | None
    timed_out: bool
    stderr_tail: str = ""
    # State after the run: bookings of the tenant carrying the task's externalId.
    task_bookings: list[dict[str, Any]] = field(default_factory=list)
    # book-job: the jobs the run made (booking_state.new_jobs), the tenant's time zone
    jobs: list[dict[str, Any]] = field(default_factory=list)
    time_zone: str = ""

    @property
    def booking(self) -> bool:
        return getattr(self.task, "kind", "") == "book-job"

    @property
    def api(self) -> list[JournalEntry]:
        return [e for e in self.entries if e.kind == "api"]

    @property
    def token_calls(self) -> list[JournalEntry]:
        return [e for e in self.entries if e.kind == "token"]


CheckFunction = Callable[[RunContext], Outcome]


@dataclass(frozen=True)
class Check:
    id: str
    rule: str
    severity: Severity
    function: CheckFunction
    detail: str = ""

    def __call__(self, ctx: RunContext) -> Outcome:
        return self.function(ctx)


CHECKS: dict[str, Check] = {}


def check(check_id: str, rule: str, severity: Severity = "error", detail: str = ""):
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[check_id] = Check(check_id, rule, severity, function, detail)
        return function

    return register


def _result(problems: list[Evidence], exercised: bool = True, summary: str = "") -> Outcome:
    if problems:
        return Outcome(
            "failed",
            tuple(problems[:EVIDENCE_KEPT]),
            summary or f"{len(problems)} violation(s)",
            total=len(problems),
        )
    return Outcome("passed" if exercised else "not-exercised", (), summary)


def _ev(entry: JournalEntry, note: str) -> Evidence:
    return Evidence(entry.id, entry.line(), note)


# -- identity -------------------------------------------------------------------------------------


@check(
    "app-key-on-every-call",
    "Every API call carries the app's ST-App-Key header.",
    detail="ServiceTitan requires the app key beside the bearer token on every call.",
)
def app_key_on_every_call(ctx: RunContext) -> Outcome:
    problems = [
        _ev(e, "no ST-App-Key header" if not e.app_key else "a different app key")
        for e in ctx.api
        if e.app_key != ctx.app_key
    ]
    return _result(problems, bool(ctx.api))


@check(
    "own-tenant-only",
    "Every API call names the connector's own tenant (ST_TENANT_ID).",
    "critical",
)
def own_tenant_only(ctx: RunContext) -> Outcome:
    problems = [
        _ev(e, f"tenant {e.tenant_id} is not {ctx.tenant_id}")
        for e in ctx.api
        if str(e.tenant_id) != str(ctx.tenant_id)
    ]
    return _result(problems, bool(ctx.api))


@check(
    "bookings-under-own-provider",
    "Bookings are written only under the connector's booking provider (ST_BOOKING_PROVIDER_ID).",
    "critical",
)
def bookings_under_own_provider(ctx: RunContext) -> Outcome:
    writes = []
    problems = []
    for e in ctx.api:
        match = PROVIDER_PATH.match(e.path)
        if match is None or e.method in ("GET", "HEAD"):
            continue
        writes.append(e)
        if match.group(1) != str(ctx.booking_provider_id):
            problems.append(_ev(e, f"written under provider {match.group(1)}"))
    return _result(problems, bool(writes))


# -- tokens ---------------------------------------------------------------------------------------


def _refused(e: JournalEntry) -> bool:
    return e.kind == "api" and e.status == 401 and e.refusal in TOKEN_REFUSALS


@check(
    "token-reused",
    "A token is reused for its lifetime: a new one only when none is held, it expires within "
    "2 minutes, or it was refused with 401.",
    detail="ServiceTitan throttles the token endpoint; one token serves every call for 15 minutes.",
)
def token_reused(ctx: RunContext) -> Outcome:
    held: dict[str, float] = {}  # fingerprint -> expiry, tokens not refused
    last_use: dict[str, JournalEntry] = {}
    problems = []
    for e in ctx.entries:
        if e.kind == "token" and e.method == "POST":
            still_good = [fp for fp, exp in held.items() if exp - e.started > REFRESH_MARGIN]
            if still_good:
                used = last_use.get(still_good[-1])
                note = "asked for a new token while one was still valid"
                if used is not None:
                    note += f" (last used by #{used.id})"
                problems.append(_ev(e, note))
            if e.status == 200 and e.issued_token and e.issued_expires_at:
                held[e.issued_token] = float(e.issued_expires_at)
        elif e.kind == "api" and e.token:
            last_use[e.token] = e
            # Any 401 frees the connector to take a new token, not only a token refusal: a
            # client cannot always tell why (a missing app key is 401 too), and a new token is
            # the documented answer to a 401. The missing key is app-key-on-every-call's.
            if e.status == 401:
                held.pop(e.token, None)
    return _result(problems, bool(ctx.token_calls))


@check(
    "reauthenticates-after-401",
    "After a 401 for an expired or invalid token the connector takes a new token and never "
    "sends the refused one again.",
)
def reauthenticates_after_401(ctx: RunContext) -> Outcome:
    problems = []
    refusals = [e for e in ctx.entries if _refused(e)]
    for refusal in refusals:
        later = [e for e in ctx.entries if e.id > refusal.id]
        reused = [e for e in later if e.kind == "api" and e.token == refusal.token]
        if reused:
            problems.append(_ev(reused[0], f"sent the token refused by #{refusal.id} again"))
        elif not any(e.kind == "token" and e.status == 200 for e in later):
            problems.append(_ev(refusal, "no new token was taken after this 401"))
    return _result(problems, bool(refusals))


# -- pacing and retries ---------------------------------------------------------------------------


@check(
    "waits-retry-after",
    "After a 429 the connector waits the Retry-After seconds before calling again.",
    detail="ServiceTitan limits calls per app and tenant; an API 429 pauses API calls, a token "
    "endpoint 429 pauses token requests.",
)
def waits_retry_after(ctx: RunContext) -> Outcome:
    problems = []
    throttled = [e for e in ctx.entries if e.status == 429 and e.kind in ("api", "token")]
    for hit in throttled:
        wait = hit.retry_after or 0.0
        following = next((e for e in ctx.entries if e.id > hit.id and e.kind == hit.kind), None)
        if following is None:
            continue
        gap = following.started - hit.finished
        if gap + TOLERANCE < wait:
            problems.append(
                _ev(following, f"{gap:.2f}s after the 429 of #{hit.id} (Retry-After: {wait:g})")
            )
    return _result(problems, bool(throttled))


def _collection(e: JournalEntry) -> str:
    path = e.path.rstrip("/")
    if e.method == "PATCH":
        path = path.rsplit("/", 1)[0]
    return re.sub(r"/booking-provider/[^/]+", "", path)


def _same_request(failed: JournalEntry, later: JournalEntry) -> bool:
    # A write refused before its body was read (injected fault) is journaled without a body.
    same_body = failed.request_body is None or failed.request_body == later.request_body
    return failed.method == later.method and failed.path == later.path and same_body


# POSTs that only read (capacity is computed, nothing is stored): asking again is always safe.
READS_BY_POST = frozenset({"Capacity_GetList"})


@check(
    "no-blind-write-retry",
    "A POST or PATCH that failed with a 5xx or a dropped connection is not sent again before "
    "the connector has read (a GET answered 200) whether it took effect.",
    detail="The write may have happened; repeating it blindly duplicates bookings.",
)
def no_blind_write_retry(ctx: RunContext) -> Outcome:
    problems = []
    failed_writes = [
        e
        for e in ctx.api
        if e.method in ("POST", "PATCH")
        and e.operation_id not in READS_BY_POST
        and (e.dropped or (e.status or 0) >= 500)
    ]
    for write in failed_writes:
        looked = False
        for e in ctx.api:
            if e.id <= write.id:
                continue
            # Only an answered read is a look: a restricted connection's GET of the tenant-wide
            # /bookings is refused (403) and tells the connector nothing.
            collection = re.sub(r"/booking-provider/[^/]+", "", e.path)
            if e.method == "GET" and e.status == 200 and collection.startswith(_collection(write)):
                looked = True
            if _same_request(write, e):
                if not looked:
                    why = "dropped" if write.dropped else f"answered {write.status}"
                    problems.append(_ev(e, f"repeats #{write.id} ({why}) without a read between"))
                break
    return _result(problems, bool(failed_writes))


# -- reading --------------------------------------------------------------------------------------

PAGE_KEYS = ("page", "pageSize", "includeTotal")


def _is_page(body: Any) -> bool:
    return isinstance(body, dict) and "hasMore" in body and "page" in body and "data" in body


@check(
    "pages-read-to-the-end",
    "A paged list is read from page 1 to the page that says hasMore: false.",
)
def pages_read_to_the_end(ctx: RunContext) -> Outcome:
    groups: dict[tuple[str, tuple], list[JournalEntry]] = {}
    for e in ctx.api:
        if e.method == "GET" and e.status == 200 and _is_page(e.response_body):
            filters = tuple(sorted((k, v) for k, v in e.query.items() if k not in PAGE_KEYS))
            groups.setdefault((e.path, filters), []).append(e)
    problems = []
    for pages in groups.values():
        if not any(p.response_body.get("hasMore") is False for p in pages):
            last = max(pages, key=lambda p: p.response_body.get("page") or 0)
            note = f"stopped at page {last.response_body.get('page')} with hasMore: true"
            problems.append(_ev(last, note + _clamped(last)))
    return _result(problems, bool(groups))


def _clamped(page: JournalEntry) -> str:
    """Why a connector that asked for one big page got several: the size was clamped."""
    asked = next((v for k, v in page.query.items() if k.lower() == "pagesize"), None)
    served = page.response_body.get("pageSize")
    try:
        if asked is not None and isinstance(served, int) and int(asked) > served:
            return (
                f" (pageSize={asked} was asked for; the API clamped it to {served}, so the "
                "list spans more pages than asked for: read until hasMore is false)"
            )
    except ValueError:
        pass
    return ""


def _is_export(body: Any) -> bool:
    return isinstance(body, dict) and "continueFrom" in body and "hasMore" in body


@check(
    "export-follows-continuefrom",
    "An export feed is read with from = the previous continueFrom until hasMore: false.",
)
def export_follows_continuefrom(ctx: RunContext) -> Outcome:
    feeds: dict[str, list[JournalEntry]] = {}
    for e in ctx.api:
        exported = e.method == "GET" and "/export/" in e.path and e.status == 200
        if exported and _is_export(e.response_body):
            feeds.setdefault(e.path, []).append(e)
    problems = []
    for calls in feeds.values():
        previous: JournalEntry | None = None
        for e in calls:
            if previous is not None and previous.response_body.get("hasMore"):
                expected = previous.response_body.get("continueFrom")
                if e.query.get("from") != expected:
                    problems.append(
                        _ev(
                            e,
                            f"from={e.query.get('from')!r}, not the continueFrom of #{previous.id}",
                        )
                    )
            previous = e
        if previous is not None and previous.response_body.get("hasMore"):
            problems.append(_ev(previous, "the feed was left with hasMore: true"))
    return _result(problems, bool(feeds))


# -- writing --------------------------------------------------------------------------------------


def _body_models() -> dict[str, Any]:
    from mockst.api import registry

    return {op.operation_id: op for op in registry.operations() if op.body is not None}


@check(
    "request-bodies-valid",
    "Every request body is valid for its operation's documented schema.",
    detail="Validated with the operation's request model (official field names, types, enums "
    "and required fields), as strictly as the API binds JSON.",
)
def request_bodies_valid(ctx: RunContext) -> Outcome:
    from pydantic import ValidationError

    ops = _body_models()
    problems = []
    checked = 0
    for e in ctx.api:
        op = ops.get(e.operation_id or "")
        if op is None or e.request_truncated:
            continue
        if e.fault and not e.fault.get("after") and e.request_body is None:
            continue  # answered by the fault stage before the body was read: nothing to judge
        checked += 1
        body = e.request_body
        if body is None or body == "":
            if op.body_required:
                problems.append(_ev(e, "no body, and the operation requires one"))
            continue
        try:
            op.body.model_validate_json(orjson.dumps(body), strict=True)
        except (ValidationError, TypeError) as exc:
            errors = getattr(exc, "errors", lambda: [])()
            text = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in errors[:3]
            )
            problems.append(_ev(e, f"{op.body.__name__}: {text or exc}"))
    return _result(problems, bool(checked))


# -- the task -------------------------------------------------------------------------------------


@check(
    "reads-real-formats",
    "The connector reads values as production writes them: stamps with 0 to 7 fractional "
    "digits, null for an empty customFields or externalData.",
)
def reads_real_formats(ctx: RunContext) -> Outcome:
    values = served(ctx.entries)
    if not ctx.timed_out and ctx.exit_code == 0:
        return _result([], bool(values))
    problems = [
        Evidence(value.entry.id, value.entry.line(), describe(value, ctx.stderr_tail))
        for value in blamed(values, ctx.stderr_tail)
    ]
    # A connector that failed for another reason is task-completed's to report.
    return _result(problems, bool(values))


@check(
    "task-completed",
    "The connector did its task: customers read, customers export read, exactly one booking "
    "with the task's externalId under its provider, exit status 0 (book-job: one job of the "
    "service for the lead's customer and address, one appointment with a technician, exit 0).",
)
def task_completed(ctx: RunContext) -> Outcome:
    if ctx.booking:
        from mockst_contracts.booking_checks import booking_task_completed

        return booking_task_completed(ctx)
    problems = []
    if ctx.timed_out:
        problems.append(Evidence(None, "process", "did not finish within the timeout"))
    elif ctx.exit_code != 0:
        error = error_lines(ctx.stderr_tail)
        told = f": {error}" if error else " (nothing on stderr)"
        problems.append(Evidence(None, "process", f"exit status {ctx.exit_code}{told}"))
    read = {e.operation_id for e in ctx.api if e.status == 200}
    for operation, what in (
        ("Customers_GetList", "the customers list"),
        ("ExportCustomers_GetCustomers", "the customers export"),
    ):
        if operation not in read:
            problems.append(Evidence(None, operation, f"never read {what} successfully"))
    external_id = ctx.task.lead.externalId
    own = [b for b in ctx.task_bookings if b.get("bookingProviderId") == ctx.booking_provider_id]
    if len(own) != 1:
        problems.append(
            Evidence(
                None,
                "state",
                f"{len(own)} bookings with externalId {external_id!r} under provider "
                f"{ctx.booking_provider_id} (expected 1)",
            )
        )
    return _result(problems, True)


def run_checks(ctx: RunContext, ids: list[str] | None = None) -> dict[str, Outcome]:
    selected = [CHECKS[i] for i in ids] if ids else list(CHECKS.values())
    outcomes = {}
    for c in selected:
        started = time.perf_counter()
        outcome = c(ctx)
        outcomes[c.id] = replace(outcome, seconds=time.perf_counter() - started)
    return outcomes


def merge(outcomes: list[Outcome]) -> Outcome:
    """One outcome for a scenario from its runs: failed if any run failed."""
    seconds = sum(o.seconds for o in outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        evidence = tuple(ev for o in failed for ev in o.evidence)[:EVIDENCE_KEPT]
        return Outcome(
            "failed",
            evidence,
            "; ".join(o.summary for o in failed if o.summary),
            total=sum(max(o.total, len(o.evidence)) for o in failed),
            seconds=seconds,
        )
    if any(o.status == "passed" for o in outcomes):
        return Outcome("passed", seconds=seconds)
    return Outcome("not-exercised", seconds=seconds)


# The book-job task's checks register themselves in CHECKS (a module of their own).
from mockst_contracts import booking_checks  # noqa: E402, F401
