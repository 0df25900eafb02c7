"""``mockst verify``: run a connector under scenarios and judge it.

For each scenario: a fresh simulator (in-process uvicorn on a free port) configured for it, a
tenant onboarded through the control plane, a generated world, the connector started as a
subprocess with its credentials in the environment, its journal entries and the tenant's state
read back, and every check applied to every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from mockst import __version__ as simulator_version
from mockst_contracts.booking_stage import stage_booking
from mockst_contracts.booking_state import job_ids, new_jobs
from mockst_contracts.booking_task import BookJobTask
from mockst_contracts.checks import CHECKS, Outcome, RunContext, merge, run_checks
from mockst_contracts.connector_output import error_lines
from mockst_contracts.journal import from_view, last_id
from mockst_contracts.provision import (
    EXPORT_DELAY,
    Tenant,
    generate_world,
    load_world,
    onboard,
    rotate_secret,
    stamp_lengths,
    task_bookings,
)
from mockst_contracts.scenarios import Scenario, select
from mockst_contracts.task import ConnectorTask, make_lead

TAIL = 4000  # characters of the connector's output kept in the report


@dataclass(frozen=True)
class VerifyOptions:
    command: tuple[str, ...]
    scenarios: tuple[str, ...] = ()
    timeout: float = 120.0
    customers: int = 25  # customers in a scenario's world (large-tenant: x20)
    page_limit: int = 10  # rows a page / an export batch holds at most (bigger pageSize: clamped)
    seed: int = 1
    task: str = "sync-and-book"  # the task kind: sync-and-book, or book-job (booking_task)
    rate_limit: float | None = None  # calls/s per app and tenant (None: the simulator's 60)
    cwd: str | None = None
    env: dict[str, str] = field(default_factory=dict)  # extra variables for the connector


@dataclass
class RunResult:
    run: int
    exit_code: int | None
    timed_out: bool
    duration: float
    requests: int
    stdout_tail: str
    stderr_tail: str
    task: dict[str, Any]


@dataclass
class ScenarioResult:
    name: str
    summary: str
    world: dict[str, int]
    runs: list[RunResult]
    outcomes: dict[str, Outcome]
    started: str
    duration: float
    # The journal of the connector's runs (as GET /_mock/journal gives it, secrets redacted),
    # so that "#13" in the evidence can be looked up: the report writes it beside itself.
    journal: list[dict[str, Any]] = field(default_factory=list)
    task: str = "sync-and-book"

    @property
    def failed(self) -> list[str]:
        return [
            cid
            for cid, o in self.outcomes.items()
            if o.status == "failed" and CHECKS[cid].severity != "warning"
        ]


@dataclass
class VerifyReport:
    command: list[str]
    options: dict[str, Any]
    simulator_version: str
    started: str
    finished: str = ""
    scenarios: list[ScenarioResult] = field(default_factory=list)
    # Why verify stopped before its last scenario (the connector cannot start), else "".
    stopped: str = ""

    @property
    def passed(self) -> bool:
        return all(not s.failed for s in self.scenarios)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _tail(text: str) -> str:
    return text[-TAIL:]


class Front:
    """What uvicorn serves: the app, or a scenario's wrapper around it, switchable between runs."""

    def __init__(self, app: Any) -> None:
        self.target = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)


class ClockJump:
    """ASGI wrapper: after ``after`` API calls to ``tenant``, move the simulator clock ahead."""

    def __init__(self, app: Any, world: Any, tenant: str, after: int, seconds: float) -> None:
        self.app = app
        self.world = world
        from mockst.api import registry

        # every family's API paths of this tenant: /crm/v2/tenant/7/, /telecom/v3/tenant/7/…
        self.prefixes = tuple(f"{p}/tenant/{tenant}/" for p in registry.api_prefixes())
        self.after = after
        self.seconds = seconds
        self.calls = 0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefixes):
            self.calls += 1
            if self.calls == self.after + 1:
                self.world.clock.advance(self.seconds)
        await self.app(scope, receive, send)


def _config(options: VerifyOptions, scenario: Scenario) -> Any:
    from mockst.config import Config

    overrides: dict[str, Any] = {
        "max_page_size": options.page_limit,
        "page_size_overflow": "clamp",
        "export_batch_size": options.page_limit,
    }
    if scenario.real_formats:
        overrides["empty_collections"] = "null"
        overrides["decimal_places"] = 4
    if options.rate_limit is not None:
        overrides["rate_limit"] = options.rate_limit
    return replace(Config(), **overrides)


def _connector_env(options: VerifyOptions, tenant: Tenant, scenario: str, task: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ST_", "MOCKST_"))}
    env.update(options.env)
    env.update(tenant.env(str(task), scenario))
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def run_connector(
    options: VerifyOptions, env: dict[str, str]
) -> tuple[int | None, bool, str, str, float]:
    started = time.monotonic()
    try:
        done = subprocess.run(
            list(options.command),
            env=env,
            cwd=options.cwd,
            capture_output=True,
            text=True,
            timeout=options.timeout,
        )
        code, timed_out, out, err = done.returncode, False, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        code, timed_out = None, True
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
    except OSError as exc:
        code, timed_out, out, err = 127, False, "", f"cannot start the connector: {exc}"
    return code, timed_out, out, err, time.monotonic() - started


def run_scenario(
    scenario: Scenario, options: VerifyOptions, workdir: Path, index: int = 0
) -> ScenarioResult:
    from mockst.app import create_app
    from mockst.store.world import World
    from mockst.testing import serve

    started_at, t0 = _now(), time.monotonic()
    world = World()
    config = _config(options, scenario)
    app = create_app(world, config)
    journal = app.state.journal
    seed = options.seed * 1000 + index
    spec = generate_world(seed, options.customers * scenario.world_factor)
    front = Front(app)
    with serve(front) as base_url, httpx.Client(base_url=base_url, timeout=30) as http:
        tenant = onboard(http, f"verify {scenario.name}", restricted=scenario.restricted)
        instants = stamp_lengths(world.clock.now()) if scenario.real_formats else None
        counts = load_world(world, config, tenant, spec, instants)
        booking = None
        if scenario.task == "book-job":
            booking = stage_booking(world, config, tenant, scenario)
            counts = {**counts, **booking.counts}
        world.clock.advance(EXPORT_DELAY)  # the world is settled: exports hold all of it
        if scenario.faults:
            from mockst.faults import FaultRule

            rules = [FaultRule(**{**rule, "tenant": tenant.tenant_id}) for rule in scenario.faults]
            app.state.faults.add(rules)
        if scenario.clock_jump_after is not None:
            front.target = ClockJump(
                app, world, str(tenant.tenant_id), scenario.clock_jump_after, scenario.clock_jump
            )
        runs: list[RunResult] = []
        journaled: list[dict[str, Any]] = []
        per_check: dict[str, list[Outcome]] = {cid: [] for cid in CHECKS}
        try:
            for run in range(1, scenario.runs + 1):
                if run > 1 and scenario.rotate_secret_between_runs:
                    tenant = rotate_secret(http, tenant)
                task: ConnectorTask | BookJobTask
                before: set[int] = set()
                if booking is not None:
                    task = booking.task(scenario.name, run, seed)
                    before = job_ids(world, tenant.tenant_id)
                else:
                    task = ConnectorTask(scenario.name, run, make_lead(scenario.name, run, seed))
                task_path = task.write(workdir / f"{scenario.name}-run{run}.task.json")
                mark = last_id(journal)
                env = _connector_env(options, tenant, scenario.name, task_path)
                code, timed_out, out, err, duration = run_connector(options, env)
                views = _journal_views(journal, mark)
                journaled.extend({"run": run, **view} for view in views)
                entries = [from_view(view) for view in views]
                ctx = RunContext(
                    scenario=scenario.name,
                    run=run,
                    tenant_id=tenant.tenant_id,
                    app_key=tenant.app_key,
                    client_id=tenant.client_id,
                    booking_provider_id=tenant.booking_provider_id,
                    task=task,
                    entries=entries,
                    exit_code=code,
                    timed_out=timed_out,
                    stderr_tail=_tail(err),
                    task_bookings=task_bookings(world, tenant.tenant_id, task.lead.externalId),
                    jobs=new_jobs(world, tenant.tenant_id, before) if booking is not None else [],
                    time_zone=booking.time_zone if booking is not None else "",
                )
                for cid, outcome in run_checks(ctx).items():
                    per_check[cid].append(outcome)
                runs.append(
                    RunResult(
                        run, code, timed_out, round(duration, 3), len(entries),
                        _tail(out), _tail(err), task.to_json(),
                    )
                )  # fmt: skip
        finally:
            front.target = app
    return ScenarioResult(
        name=scenario.name,
        summary=scenario.summary,
        world=counts,
        runs=runs,
        outcomes={cid: merge(outs) for cid, outs in per_check.items()},
        started=started_at,
        duration=round(time.monotonic() - t0, 3),
        journal=journaled,
        task=scenario.task,
    )


def _journal_views(journal: Any, mark: int) -> list[dict[str, Any]]:
    """The run's journal entries after ``mark`` but the kit's own control-plane calls."""
    from mockst.journal import JournalQuery

    views = journal.query(JournalQuery(after_id=mark, limit=None), bodies=True)
    return [view for view in views if view.get("kind") != "control"]


class ConnectorNotFound(Exception):
    """The connector's program does not exist: nothing can be verified."""


def connector_command(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[str, ...]:
    """The command to run, checked before any scenario starts.

    ``python -m mockst_contracts…`` (the kit's own connectors, as the docs write them) runs on
    the interpreter mockst runs on: the kit is installed there, whatever ``python`` a fresh shell
    finds first, or none. Any other command runs as given."""
    program = command[0]
    kit_module = len(command) >= 3 and command[1] == "-m" and command[2].startswith("mockst_")
    if Path(program).name in ("python", "python3") and kit_module:
        return (sys.executable, *command[1:])
    path = (env or os.environ).get("PATH")
    found = shutil.which(program, path=path) if os.sep not in program else program
    if found is None or not os.access(found, os.X_OK):
        where = "is not a program on PATH" if os.sep not in program else "is not an executable file"
        raise ConnectorNotFound(
            f"cannot start the connector: {program!r} {where} (the command after -- runs as "
            "given, from the current folder)"
        )
    return tuple(command)


def _never_started(result: ScenarioResult) -> str:
    """Why no scenario can succeed, when the connector failed without a single request."""
    if not result.runs or any(r.requests or r.exit_code == 0 for r in result.runs):
        return ""
    run = result.runs[0]
    if run.timed_out:
        return ""
    said = error_lines(run.stderr_tail) or "nothing on stderr"
    return (
        f"the connector exited {run.exit_code} without a single request in scenario "
        f"{result.name} ({said}); the other scenarios would fail the same way, so verify "
        "stopped"
    )


def verify(options: VerifyOptions, progress: Callable[[str], None] | None = None) -> VerifyReport:
    options = replace(options, command=connector_command(options.command, options.env or None))
    scenarios = select(list(options.scenarios) or None, options.task)
    report = VerifyReport(
        command=list(options.command),
        options={
            "task": options.task,
            "scenarios": [s.name for s in scenarios],
            "timeout": options.timeout,
            "customers": options.customers,
            "pageLimit": options.page_limit,
            "seed": options.seed,
        },
        simulator_version=simulator_version,
        started=_now(),
    )
    with tempfile.TemporaryDirectory(prefix="mockst-verify-") as tmp:
        for index, scenario in enumerate(scenarios):
            if progress:
                progress(f"scenario {scenario.name}: {scenario.summary}")
            result = run_scenario(scenario, options, Path(tmp), index)
            report.scenarios.append(result)
            if progress:
                verdict = "FAILED " + ", ".join(result.failed) if result.failed else "passed"
                progress(f"  {verdict} ({result.duration:.1f}s)")
            report.stopped = _never_started(result) if index == 0 else ""
            if report.stopped:
                break
    report.finished = _now()
    return report


def python_command(script: str | Path, *args: str) -> tuple[str, ...]:
    """The command that runs a Python connector script with this interpreter."""
    return (sys.executable, str(script), *args)


def as_command(command: Sequence[str]) -> tuple[str, ...]:
    return tuple(command)
