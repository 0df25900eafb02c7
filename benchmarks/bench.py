#!/usr/bin/env python3
"""Benchmarks of the simulator, printed as figures (never a timed test).

Throughput and latency are RATIOS against a baseline measured in the same run on the same machine:
a bare Starlette endpoint that returns the same bytes on the same uvicorn (uvloop + httptools), the
ceiling no simulator on this stack can pass. Absolute numbers move with the machine and whatever
else runs on it; the ratios say what the simulator itself costs.

    python benchmarks/bench.py                 # everything (about 3 minutes on 2 cores)
    python benchmarks/bench.py --only throughput --duration 3 --rounds 1
    python benchmarks/bench.py --only memory --customers 20000
    python benchmarks/bench.py --only tenants --tenants 20000    # onboarding cost vs tenants
    python benchmarks/bench.py --only inspector --rounds 5        # the inspector page open vs not

Needs ``wrk`` (Debian: ``apt-get install wrk``) for throughput. Each server runs in its own process
pinned to CPU 0; wrk runs pinned to CPU 1 with 1 thread and 16 connections, so the generator never
competes with the server for a core (its own CPU use is reported: the generator's ceiling).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")
SERVER_CPU = 0
WRK_CPU = 1
NO_LIMITS = ("--rate-limit", "0", "--token-rate-limit", "0")
COUNTERS = {"perf": False}  # whether perf stat counts here (found once per throughput run)
ADDRESS = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701", "country": "USA"}
BOOKING = {
    "source": "Benchmark",
    "name": "Ann Example",
    "summary": "Water heater leaking",
    "isFirstTimeClient": True,
    "externalId": "bench-1",
    "contacts": [{"type": "Phone", "value": "555-0100"}],
}


# -- processes -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pin(cpu: int | None):
    if cpu is None or len(os.sched_getaffinity(0)) < 2:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


@contextmanager
def server(args: list[str], cpu: int | None = SERVER_CPU) -> Iterator[tuple[str, subprocess.Popen]]:
    """``args`` after the interpreter; yields the base URL once /_mock/health (or /) answers."""
    port = free_port()
    command = [sys.executable, *[a.replace("{port}", str(port)) for a in args]]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=_pin(cpu),
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 600) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stdout.read() if process.stdout else ''}")
        try:
            if httpx.get(f"{url}/_mock/health", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.002)
    raise RuntimeError("server did not come up")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# -- the simulator's side ------------------------------------------------------------------------


def onboard(url: str, customers: int = 50, jobs: bool = True) -> dict[str, Any]:
    """A tenant with ``customers`` customers (and, with ``jobs``, the demo story's references and
    50 jobs), a token, and the requests under test: ``ops`` maps each name to its method, path,
    body and the bytes the simulator answered (the baseline answers the same bytes)."""
    with httpx.Client(base_url=url, timeout=120) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        token = http.post(
            "/connect/token",
            data={
                "grant_type": "client_credentials",
                "client_id": creds["clientId"],
                "client_secret": creds["clientSecret"],
            },
        ).json()["access_token"]
        headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        crm = f"/crm/v2/tenant/{creds['tenantId']}"
        for i in range(customers):
            body = {
                "name": f"Customer {i:05d}",
                "address": ADDRESS,
                "locations": [{"name": "Home", "address": ADDRESS}],
            }
            response = http.post(f"{crm}/customers", headers=headers, json=body)
            response.raise_for_status()
        ops = {
            "customer list (page of 50)": ("GET", f"{crm}/customers?page=1&pageSize=50", None),
            "booking create": (
                "POST", f"{crm}/booking-provider/{creds['bookingProviderId']}/bookings", BOOKING),
        }  # fmt: skip
        if jobs:
            job = _job_body(http, creds, headers)
            jpm = f"/jpm/v2/tenant/{creds['tenantId']}"
            for _ in range(50):
                http.post(f"{jpm}/jobs", headers=headers, json=job).raise_for_status()
            ops["job list (page of 50)"] = ("GET", f"{jpm}/jobs?page=1&pageSize=50", None)
            ops["job create"] = ("POST", f"{jpm}/jobs", job)
            # the Meltano tap's price-book read: services with calculated prices
            pricebook = f"/pricebook/v2/tenant/{creds['tenantId']}"
            ops["price-book services (page of 50, calculatePrices)"] = (
                "GET", f"{pricebook}/services?page=1&pageSize=50&calculatePrices=true", None)
            sales = f"/sales/v2/tenant/{creds['tenantId']}"
            ops["estimate create"] = ("POST", f"{sales}/estimates",
                                      _estimate_body(http, creds, headers))
        answers = {}
        for name, (method, path, body) in ops.items():
            answer = http.request(method, path, headers=headers, json=body)
            answer.raise_for_status()
            answers[name] = (method, path, body, answer.content)
    return {"headers": headers, "ops": answers}


def _job_body(http: httpx.Client, creds: dict[str, Any], headers: dict[str, str]) -> Any:
    """A job create body from the tenant's own references (the demo story, added on top)."""
    tenant = creds["tenantId"]
    http.post(f"/_mock/tenants/{tenant}/seed", json={"customers": 0}).raise_for_status()
    jpm, marketing = f"/jpm/v2/tenant/{tenant}", f"/marketing/v2/tenant/{tenant}"
    job_type = next(t for t in http.get(f"{jpm}/job-types", headers=headers).json()["data"]
                    if t["businessUnitIds"])  # fmt: skip
    campaign = http.get(f"{marketing}/campaigns", headers=headers).json()["data"][0]
    location = http.get(f"/crm/v2/tenant/{tenant}/locations?pageSize=1",
                        headers=headers).json()["data"][0]  # fmt: skip
    return {
        "customerId": location["customerId"], "locationId": location["id"],
        "businessUnitId": job_type["businessUnitIds"][0], "jobTypeId": job_type["id"],
        "priority": "Normal", "campaignId": campaign["id"],
        "appointments": [{"start": "2027-01-05T16:00:00Z", "end": "2027-01-05T18:00:00Z"}],
    }  # fmt: skip


def _estimate_body(http: httpx.Client, creds: dict[str, Any], headers: dict[str, str]) -> Any:
    """An estimate on the tenant's newest job with two items priced from its price book."""
    tenant = creds["tenantId"]
    jobs = http.get(f"/jpm/v2/tenant/{tenant}/jobs?pageSize=1&sort=-Id", headers=headers)
    pricebook = f"/pricebook/v2/tenant/{tenant}"
    service = http.get(f"{pricebook}/services?pageSize=1", headers=headers).json()["data"][0]
    material = http.get(f"{pricebook}/materials?pageSize=1", headers=headers).json()["data"][0]
    return {"jobId": jobs.json()["data"][0]["id"], "name": "Good", "items": [
        {"skuId": service["id"], "quantity": 1}, {"skuId": material["id"], "quantity": 3}]}


# -- the baseline: a bare Starlette endpoint ------------------------------------------------------


def run_baseline(port: int, answers_dir: str) -> None:
    """Child process: the same bytes from plain Starlette routes (``/op/<n>``, one per operation
    under test, any method), on the same uvicorn."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    media = "application/json; charset=utf-8"

    def answer(data: bytes) -> Any:
        async def endpoint(request: Request) -> Response:
            await request.body()
            return Response(data, media_type=media)

        return endpoint

    async def health(_: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=media)

    routes = [
        Route(f"/op/{path.stem}", answer(path.read_bytes()), methods=["GET", "POST"])
        for path in sorted(Path(answers_dir).glob("*.json"))
    ]
    app = Starlette(routes=[*routes, Route("/_mock/health", health)])
    # With mockst's server settings, so the ceiling is the best this stack can do.
    serve_like_mockst(app, port)


def serve_like_mockst(app: Any, port: int) -> None:
    """Run ``app`` as `mockst serve` runs the simulator: no access log (uvicorn formats each
    line's fields before the logger drops them) and the collector's start-up objects frozen."""
    import uvicorn

    gc.collect()
    gc.freeze()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# -- wrk -----------------------------------------------------------------------------------------

LUA = """wrk.method = "{method}"
{headers}
{body}
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _lua(method: str, headers: dict[str, str], body: bytes | None) -> str:
    lines = [f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items()]
    text = ""
    if body is not None:
        text = "wrk.body = " + json.dumps(body.decode())
        lines.append('wrk.headers["Content-Type"] = "application/json"')
    return LUA.format(method=method, headers="\n".join(lines), body=text)


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(text)
    return float(match.group(1)) * UNITS[match.group(2)]


def perf_usable() -> bool:
    """Whether ``perf stat`` can count this machine's instructions and cycles (a kernel setting,
    ``perf_event_paranoid``, or a virtual machine without counters can forbid it)."""
    if shutil.which("perf") is None:
        return False
    probe = subprocess.run(
        ["perf", "stat", "-x,", "-e", "instructions,cycles", "true"],
        capture_output=True,
        text=True,
    )
    return probe.returncode == 0 and _counts(probe.stderr) is not None


def _counts(perf_output: str) -> dict[str, float] | None:
    """``perf stat -x,`` output as {event: count}; None when a counter was not counted."""
    counts: dict[str, float] = {}
    for line in perf_output.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2] in ("instructions", "cycles"):
            if not fields[0].isdigit():
                return None  # "<not supported>" or "<not counted>"
            counts[fields[2]] = float(fields[0])
    return counts if len(counts) == 2 else None


def wrk(
    url: str,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    duration: int,
    connections: int,
    count_pid: int | None = None,
) -> dict[str, float]:
    """One wrk run. With ``count_pid``, ``perf stat`` counts that process's CPU instructions and
    cycles meanwhile: work per request, which a busy shared machine disturbs far less than the
    request rate (a neighbour's load changes how fast the work runs, not how much there is)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(method, headers, body))
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "-s",
        script.name,
    ]
    counter = None
    if count_pid is not None and COUNTERS["perf"]:
        counter = subprocess.Popen(
            ["perf", "stat", "-x,", "-e", "instructions,cycles", "-p", str(count_pid)],
            stderr=subprocess.PIPE,
            text=True,
        )
    before = os.times()
    server_cpu = cpu_seconds(count_pid) if count_pid is not None else None
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, preexec_fn=_pin(WRK_CPU), check=True
    ).stdout
    after = os.times()
    if server_cpu is not None:
        server_cpu = cpu_seconds(count_pid) - server_cpu  # type: ignore[arg-type]
    os.unlink(script.name)
    counts = None
    if counter is not None:
        counter.send_signal(signal.SIGINT)  # perf prints its counts when interrupted
        counts = _counts(counter.communicate()[1])
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50": _ms(re.search(r"\s50%\s+(\S+)", output).group(1)),  # type: ignore[union-attr]
        "p99": _ms(re.search(r"\s99%\s+(\S+)", output).group(1)),  # type: ignore[union-attr]
        "wrk_cpu": (after.children_user + after.children_system)
        - (before.children_user + before.children_system),
    }
    requests = float(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    if counts is not None:
        result["instructions"] = counts["instructions"] / requests
        result["cycles"] = counts["cycles"] / requests
    if server_cpu is not None:
        # Without hardware counters (most virtual machines), the server's CPU time per request
        # from /proc: coarser (clock ticks), but like the counts it moves little with a
        # neighbour's load, where the request rate moves a lot.
        result["cpu_us"] = server_cpu / requests * 1e6
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    result["non2xx"] = float(non2xx.group(1)) if non2xx else 0.0
    if errors:
        result["socket_errors"] = errors.group(1)  # type: ignore[assignment]
    return result


# -- the benchmarks ------------------------------------------------------------------------------


SERVE = ["-m", "mockst", "serve", "--port", "{port}"]
VARIANTS = {
    "mockst (journal on, limits off)": [*SERVE, *NO_LIMITS],
    "mockst, journal off": [*SERVE, *NO_LIMITS, "--journal-size", "0"],
    "mockst, rate limiter on (never reached)": [*SERVE, "--rate-limit", "1e9"],
}
BASELINE = "baseline (bare Starlette, same bytes)"


def throughput(duration: int, rounds: int, connections: int) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed for throughput (apt-get install wrk)")
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        COUNTERS["perf"] = perf_usable()
        targets: dict[str, tuple[str, dict[str, Any]]] = {}
        for name, args in VARIANTS.items():
            url, process = stack.enter_context(server(args))
            targets[name] = (url, {**onboard(url), "pid": process.pid})
        setup = next(iter(targets.values()))[1]
        names = list(setup["ops"])
        for index, name in enumerate(names):
            Path(tmp, f"{index}.json").write_bytes(setup["ops"][name][3])
        args = [str(Path(__file__).resolve()), "_baseline", "{port}", tmp]
        url, process = stack.enter_context(server(args))
        baseline = {
            "headers": setup["headers"],
            "ops": {name: (method, f"/op/{i}", body, b"")
                    for i, (name, (method, _, body, _)) in enumerate(setup["ops"].items())},
            "pid": process.pid,
        }  # fmt: skip
        ordered = {BASELINE: (url, baseline), **targets}
        # Rounds interleave the variants, so a noisy neighbour hurts them all alike.
        for _ in range(rounds):
            for name, (url, info) in ordered.items():
                for op, (method, path, body, _) in info["ops"].items():
                    payload = compact_json(body) if body is not None else None
                    wrk(url + path, method, info["headers"], payload, 1, connections)  # warm-up
                    run = wrk(url + path, method, info["headers"], payload, duration,
                              connections, info["pid"])  # fmt: skip
                    results.setdefault(op, {}).setdefault(name, []).append(run)
    first_page = setup["ops"]["customer list (page of 50)"][3]
    summary: dict[str, Any] = {"page_bytes": len(first_page), "ops": {}}
    for op, by_target in results.items():
        rows = {}
        for name, runs in by_target.items():
            keys = ["rps", "p50", "p99", "wrk_cpu", "non2xx"]
            if all("cycles" in r for r in runs):
                keys += ["instructions", "cycles"]
            if all("cpu_us" in r for r in runs):
                keys.append("cpu_us")
            rows[name] = {key: statistics.median(r[key] for r in runs) for key in keys}
        base = rows[BASELINE]
        for row in rows.values():
            row["rps_ratio"] = row["rps"] / base["rps"]
            row["p50_ratio"] = row["p50"] / base["p50"]
            row["p99_ratio"] = row["p99"] / base["p99"]
            if "cycles" in row and "cycles" in base:
                # As the request rate: the ceiling's work per request over this one's (1.0 = as
                # cheap as the ceiling; 0.5 = twice its work).
                row["instructions_ratio"] = base["instructions"] / row["instructions"]
                row["cycles_ratio"] = base["cycles"] / row["cycles"]
            if "cpu_us" in row and "cpu_us" in base and row["cpu_us"]:
                row["cpu_ratio"] = base["cpu_us"] / row["cpu_us"]  # same sense as the rate
        summary["ops"][op] = rows
    return summary


def compact_json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def middleware_overhead(n: int = 50_000) -> dict[str, float]:
    """Microseconds each stage adds to one request, in-process (no sockets, no noise from them)."""
    import asyncio

    import orjson

    from mockst.clock import Clock
    from mockst.faults import FaultMiddleware, FaultSchedule
    from mockst.journal import Journal, JournalMiddleware
    from mockst.ratelimit import RateLimiter

    # A page of 50 rows encoded anew for each call, as the real handler does: a journal keeps new
    # memory every call, which a constant body would hide.
    rows = [{"id": i, "name": f"Customer {i}", "notes": "n" * 450} for i in range(50)]
    headers = [
        (b"host", b"127.0.0.1:8080"),
        (b"st-app-key", b"ak1.abcdefghijklmnopqrstuv"),
        (b"authorization", b"Bearer " + b"e" * 600),
        (b"user-agent", b"wrk"),
    ]
    start = {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"application/json")],
    }
    path = "/crm/v2/tenant/1000001/customers"

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        await send(start)
        await send({"type": "http.response.body", "body": orjson.dumps({"data": rows})})

    async def receive() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_: Any) -> None:
        pass

    def scope() -> dict[str, Any]:
        return {
            "type": "http",
            "method": "GET",
            "path": path,
            "query_string": b"",
            "headers": list(headers),
        }

    async def per_call(app: Any) -> float:
        for _ in range(12_000):  # past the journal's 10,000 entries: the ring is full
            await app(scope(), receive, send)
        started = time.perf_counter()
        for _ in range(n):
            await app(scope(), receive, send)
        return (time.perf_counter() - started) / n * 1e6

    def faults(rate: float) -> Any:
        return FaultMiddleware(inner, FaultSchedule(), RateLimiter(rate), RateLimiter(0))

    async def run() -> dict[str, float]:
        base = await per_call(inner)
        stages = {
            "journal": JournalMiddleware(inner, Journal(Clock())),
            "fault stage, limits off": faults(0),
            "fault stage, rate limiter on": faults(1e12),
            "journal + fault stage + limiter": JournalMiddleware(faults(1e12), Journal(Clock())),
        }
        return {name: await per_call(app) - base for name, app in stages.items()}

    return asyncio.run(run())


def startup(times: int) -> dict[str, Any]:
    """From process start to the first 200 on /_mock/health, to a first authenticated call, and
    the first call of a family not used yet (Job Planning: its modules load on that call)."""
    health, first_call, first_jobs = [], [], []
    for _ in range(times):
        port = free_port()
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mockst", "serve", "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url, process)
            health.append(time.perf_counter() - started)
            info = onboard(url, customers=0, jobs=False)
            _, path, _, _ = info["ops"]["customer list (page of 50)"]
            response = httpx.get(url + path, headers=info["headers"])
            response.raise_for_status()
            first_call.append(time.perf_counter() - started)
            jobs = path.replace("/crm/", "/jpm/").replace("/customers", "/jobs")
            before = time.perf_counter()
            httpx.get(url + jobs, headers=info["headers"]).raise_for_status()
            first_jobs.append(time.perf_counter() - before)
        finally:
            process.terminate()
            process.wait(timeout=10)
    return {
        "health_s": statistics.median(health),
        "first_api_call_s": statistics.median(first_call),
        "first_jobs_call_s": statistics.median(first_jobs),
        "runs": times,
    }


def run_populated(port: int, customers: int) -> None:
    """Child process: a tenant with ``customers`` customers (with locations and contacts)."""
    from mockst.app import create_app
    from mockst.config import Config
    from mockst.control.models import Quickstart
    from mockst.control.quickstart import quickstart
    from mockst.seed.populate import populate_tenant
    from mockst.store.world import World

    config = Config(rate_limit=0, token_rate_limit=0)
    world = World()
    app = create_app(world, config)
    creds = quickstart(world, config, Quickstart(), f"http://127.0.0.1:{port}")
    report = {"rss_empty_mb": rss_mb(os.getpid())}
    started = time.perf_counter()
    counts = populate_tenant(
        world, creds["tenantId"], seed=1, customers=customers, bookings=0, leads=0
    )
    report["populate_s"] = time.perf_counter() - started
    report["counts"] = counts
    report["creds"] = creds
    print(json.dumps(report), flush=True)
    serve_like_mockst(app, port)


def run_capacity_world(port: int, technicians: int, appointments: int) -> None:
    """Child process: the demo story plus ``technicians`` technicians on weekday shifts over the
    next 14 days, four arrival windows per unit, and ``appointments`` booked jobs (through the
    job rules), for the capacity figure."""
    import random

    from mockst.api.operation import Call, TenantContext
    from mockst.app import create_app
    from mockst.config import Config
    from mockst.control.models import Quickstart
    from mockst.control.quickstart import quickstart
    from mockst.encoding import format_datetime
    from mockst.jpm.job_booking import book_job
    from mockst.jpm.models.jobs import JobCreateRequest
    from mockst.seed.populate import populate_tenant
    from mockst.store.world import World

    config = Config(rate_limit=0, token_rate_limit=0)
    world = World()
    app = create_app(world, config)
    creds = quickstart(world, config, Quickstart(), f"http://127.0.0.1:{port}")
    tenant = creds["tenantId"]
    populate_tenant(world, tenant, seed=1, customers=300, bookings=0, leads=0)
    rng = random.Random(1)
    with world.transaction():
        now = world.clock.now()
        ctx = TenantContext(world, world.tenant_data(tenant), now)
        stamp = format_datetime(now)

        def put(table: str, **data: Any) -> int:
            ident = world.new_id()
            record = {"id": ident, "active": True, "createdOn": stamp, "modifiedOn": stamp, **data}
            ctx.table(table).insert(ident, record, now)
            return ident

        job_types = [r for r in ctx.table("job_types").rows() if r.active]
        units = sorted({u for t in job_types for u in t.get("businessUnitIds")})
        for unit in units:
            for hour in (8, 10, 12, 14):
                put("arrival_windows", start=f"{hour:02d}:00:00", duration="02:00:00",
                    businessUnitIds=[unit])  # fmt: skip
        midnight = now.replace(hour=8, minute=0, second=0, microsecond=0)  # 00:00 Los Angeles
        techs = []
        for index in range(technicians):
            unit = units[index % len(units)]
            techs.append((put("technicians", name=f"Tech {index}", businessUnitId=unit), unit))
            for day in range(15):
                start = midnight + timedelta(days=day, hours=8)
                put("technician_shifts", technicianId=techs[-1][0], shiftType="Normal",
                    title="Day", start=format_datetime(start),
                    end=format_datetime(start + timedelta(hours=9)))  # fmt: skip
        locations = list(ctx.table("locations").rows())
        campaign = next(r for r in ctx.table("campaigns").rows() if r.active)
        call = Call(world=world, tenant=ctx.tenant, now=now, config=config,
                    principal=None, path={}, query={}, body=None)  # type: ignore[arg-type]
        for _ in range(appointments):
            job_type = rng.choice(job_types)
            unit = rng.choice(job_type.get("businessUnitIds"))
            tech = rng.choice([t for t, u in techs if u == unit] or [techs[0][0]])
            location = rng.choice(locations)
            start = midnight + timedelta(days=rng.randrange(14), hours=rng.randrange(8, 16))
            book_job(call, JobCreateRequest.model_validate({
                "customerId": location.get("customerId"), "locationId": location.id,
                "businessUnitId": unit, "jobTypeId": job_type.id, "priority": "Normal",
                "campaignId": campaign.id, "appointments": [{
                    "start": start, "end": start + timedelta(hours=rng.choice((1, 2, 3))),
                    "technicianIds": [tech]}]}))  # fmt: skip
    print(json.dumps({"creds": creds, "start": format_datetime(midnight)}), flush=True)
    serve_like_mockst(app, port)


def capacity(technicians: int, appointments: int, calls: int) -> dict[str, Any]:
    """Capacity over 14 days for all units, against a customer list in the same server."""
    from mockst.encoding import parse_datetime

    args = [str(Path(__file__).resolve()), "_capacity", "{port}", str(technicians),
            str(appointments)]  # fmt: skip
    with server(args) as (url, process):
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        creds = info["creds"]
        with httpx.Client(base_url=url, timeout=120) as http:
            token = http.post("/connect/token", data={
                "grant_type": "client_credentials", "client_id": creds["clientId"],
                "client_secret": creds["clientSecret"]}).json()["access_token"]  # fmt: skip
            headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
            start = parse_datetime(info["start"])
            body = {"startsOnOrAfter": info["start"],
                    "endsOnOrBefore": (start + timedelta(days=14)).isoformat(),
                    "skillBasedAvailability": False}  # fmt: skip
            tenant = creds["tenantId"]
            figures = {}
            for name, method, path, payload in (
                ("customer list (page of 50)", "GET",
                 f"/crm/v2/tenant/{tenant}/customers?pageSize=50", None),
                ("capacity, 14 days, every unit", "POST",
                 f"/dispatch/v2/tenant/{tenant}/capacity", body),
            ):  # fmt: skip
                times = []
                for index in range(calls + 3):
                    began = time.perf_counter()
                    answer = http.request(method, path, headers=headers, json=payload)
                    answer.raise_for_status()
                    if index >= 3:  # the first calls load the families and warm caches
                        times.append((time.perf_counter() - began) * 1000)
                times.sort()
                figures[name] = {"p50_ms": statistics.median(times),
                                 "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
                                 "bytes": len(answer.content)}  # fmt: skip
    base = figures["customer list (page of 50)"]
    for row in figures.values():
        row["p50_ratio"] = row["p50_ms"] / base["p50_ms"]
        row["p99_ratio"] = row["p99_ms"] / base["p99_ms"]
    rows = json.loads(answer.content)["availabilities"]
    return {"technicians": technicians, "appointments": appointments, "calls": calls,
            "frames": len(rows), "ops": figures}  # fmt: skip


def memory(customers: int) -> dict[str, Any]:
    args = [str(Path(__file__).resolve()), "_populated", "{port}", str(customers)]
    with server(args, cpu=None) as (url, process):
        assert process.stdout is not None
        report = json.loads(process.stdout.readline())
        report["rss_loaded_mb"] = rss_mb(process.pid)
        creds = report.pop("creds")
        with httpx.Client(base_url=url, timeout=60) as http:
            token = http.post(
                "/connect/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": creds["clientId"],
                    "client_secret": creds["clientSecret"],
                },
            ).json()["access_token"]
            headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
            path = f"/crm/v2/tenant/{creds['tenantId']}/export/customers"
            rows, requests, token_from = 0, 0, None
            cpu_before = cpu_seconds(process.pid)
            started = time.perf_counter()
            while True:
                params = {"includeRecentChanges": "true"}
                if token_from:
                    params["from"] = token_from
                response = http.get(path, headers=headers, params=params)
                response.raise_for_status()
                body = response.json()
                rows += len(body["data"])
                requests += 1
                token_from = body["continueFrom"]
                if not body["hasMore"]:
                    break
            report["export_s"] = time.perf_counter() - started
            report["export_server_cpu_s"] = cpu_seconds(process.pid) - cpu_before
            report["export_rows"] = rows
            report["export_requests"] = requests
            report["rss_after_export_mb"] = rss_mb(process.pid)
    report["customers"] = customers
    return report


def tenant_scaling(tenants: int, sample: int) -> dict[str, Any]:
    """Onboarding, token issuance and tenant reset at 1 tenant and at ``tenants``, same server,
    same run: their cost must not grow with the tenants a long-lived simulator has served. Each
    figure is sequential calls a second from one client, and the server's own CPU time per call
    (from /proc: it holds on a busy machine, where the rate moves with the neighbours)."""

    def measure(http: httpx.Client, pid: int) -> dict[str, Any]:
        figures: dict[str, Any] = {}
        made: list[dict[str, Any]] = []

        def timed(name: str, call: Any) -> None:
            cpu, started = cpu_seconds(pid), time.perf_counter()
            for i in range(sample):
                call(i)
            elapsed = time.perf_counter() - started
            figures[name] = {
                "per_s": sample / elapsed,
                "server_cpu_us": (cpu_seconds(pid) - cpu) / sample * 1e6,
            }

        def quickstart(_: int) -> None:
            made.append(http.post("/_mock/quickstart", json={}).raise_for_status().json())

        def token(i: int) -> None:
            creds = made[i]
            form = {"grant_type": "client_credentials", "client_id": creds["clientId"],
                    "client_secret": creds["clientSecret"]}  # fmt: skip
            http.post("/connect/token", data=form).raise_for_status()

        def reset(i: int) -> None:
            http.post(f"/_mock/tenants/{made[i]['tenantId']}/reset").raise_for_status()

        timed("quickstart", quickstart)
        timed("token", token)
        timed("tenant_reset", reset)
        return figures

    report: dict[str, Any] = {"tenants": tenants, "sample": sample}
    with (
        server([*SERVE, *NO_LIMITS, "--journal-size", "0"]) as (url, process),
        httpx.Client(base_url=url, timeout=60) as http,
    ):
        for _ in range(5):  # warm: the first calls build what every later one reuses
            http.post("/_mock/quickstart", json={}).raise_for_status()
        report["at_1"] = measure(http, process.pid)
        started = time.perf_counter()
        for _ in range(tenants - 2 * sample):  # the samples are tenants too
            http.post("/_mock/quickstart", json={}).raise_for_status()
        report["grow_s"] = time.perf_counter() - started
        report[f"at_{tenants}"] = measure(http, process.pid)
        report["rss_mb"] = rss_mb(process.pid)
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_baseline":
        run_baseline(int(argv[1]), argv[2])
        return 0
    if argv and argv[0] == "_capacity":
        run_capacity_world(int(argv[1]), int(argv[2]), int(argv[3]))
        return 0
    if argv and argv[0] == "_populated":
        run_populated(int(argv[1]), int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        choices=["middleware", "throughput", "startup", "memory", "tenants", "capacity",
                 "inspector"],
        action="append",
    )
    parser.add_argument("--duration", type=int, default=4, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs per variant (median)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--tenants", type=int, default=20_000, help="for --only tenants")
    parser.add_argument("--sample", type=int, default=500, help="calls per tenant measure")
    parser.add_argument("--capacity-calls", type=int, default=40, help="for --only capacity")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    only = set(args.only or ["middleware", "throughput", "startup", "memory", "tenants",
                             "capacity"])
    figures: dict[str, Any] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    if "middleware" in only:
        figures["middleware_us"] = middleware_overhead()
        print(json.dumps({"middleware_us": figures["middleware_us"]}), flush=True)
    if "startup" in only:
        figures["startup"] = startup(5)
        print(json.dumps({"startup": figures["startup"]}), flush=True)
    if "throughput" in only:
        figures["throughput"] = throughput(args.duration, args.rounds, args.connections)
        print_throughput(figures["throughput"], args.duration)
    if "memory" in only:
        figures["memory"] = memory(args.customers)
        print(json.dumps({"memory": figures["memory"]}, indent=1), flush=True)
    if "tenants" in only:
        figures["tenants"] = tenant_scaling(args.tenants, args.sample)
        print(json.dumps({"tenants": figures["tenants"]}, indent=1), flush=True)
    if "capacity" in only:
        figures["capacity"] = capacity(50, 2000, args.capacity_calls)
        print(json.dumps({"capacity": figures["capacity"]}, indent=1), flush=True)
    if "inspector" in only:  # on request only (not in the default set): it needs Chromium
        from inspector_cost import inspector_cost, print_cost

        figures["inspector"] = inspector_cost(args.duration, args.rounds, args.connections)
        print_cost(figures["inspector"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


def print_throughput(summary: dict[str, Any], duration: float) -> None:
    print(f"\npage of 50 customers: {summary['page_bytes']} bytes")
    for op, rows in summary["ops"].items():
        counted = all("cycles_ratio" in r for r in rows.values())
        print(f"\n{op}")
        head = "| variant | req/s | ratio | p50 ms | p50 ratio | p99 ms | p99 ratio | wrk CPU |"
        rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
        if counted:
            head += " k instr/req | ratio | k cycles/req | ratio |"
            rule += "---:|---:|---:|---:|"
        timed = all("cpu_ratio" in r for r in rows.values())
        if timed:
            head += " server CPU µs/req | ratio |"
            rule += "---:|---:|"
        print(head)
        print(rule)
        for name, r in rows.items():
            line = (
                f"| {name} | {r['rps']:,.0f} | {r['rps_ratio']:.2f} | {r['p50']:.2f} | "
                f"{r['p50_ratio']:.2f} | {r['p99']:.2f} | {r['p99_ratio']:.2f} | "
                f"{r['wrk_cpu'] / duration:.0%} |"
            )
            if counted:
                line += (
                    f" {r['instructions'] / 1000:,.0f} | {r['instructions_ratio']:.2f} |"
                    f" {r['cycles'] / 1000:,.0f} | {r['cycles_ratio']:.2f} |"
                )
            if timed:
                line += f" {r['cpu_us']:,.0f} | {r['cpu_ratio']:.2f} |"
            print(line)
            if r["non2xx"]:
                print(f"  (!) {r['non2xx']:.0f} non-2xx answers")


if __name__ == "__main__":
    sys.exit(main())
