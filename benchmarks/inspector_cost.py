"""What the inspector costs the API: customer-list throughput with the page open and polling, over
the same without it, on one simulator in the same run (``bench.py --only inspector``).

Four states per round, in turn, so a neighbour's load falls on all alike:

* ``closed``: no page;
* ``open``: the real page in real Chromium (Debian's ``chromium``, driven by Playwright), on the
  journal view as a person leaves it, polling every second while wrk lists customers;
* ``reads``: no browser, only the page's reads (the journal since the last id, the clock) once a
  second from a thread: the server's share of the cost, without a browser taking CPU time on a
  machine of two cores;
* ``filtered``: the same reads with the tenant filter set: the journal then tests the tenant of
  every call since the last poll, not only the 50 it returns.

Each round starts one state further along than the last. Its ratios are of its own runs; the
spread of those ratios is the noise the median has to beat.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
from typing import Any

import httpx
from bench import NO_LIMITS, SERVE, WRK_CPU, onboard, server, wrk

OP = "customer list (page of 50)"
STATES = ("closed", "open", "reads", "filtered")
REPLAYED = ("reads", "filtered")
PER_POLL = 50  # as inspector.js asks
READ = {"X-Mockst-Inspector": "read"}


def _replay_reads(
    url: str, stop: threading.Event, count: list[int], filters: dict[str, str]
) -> None:
    """What the page asks each second on its journal view, without the page."""
    after = 0
    with httpx.Client(base_url=url, timeout=30) as http:
        while not stop.is_set():
            params = {**filters, "bodies": "false", "limit": str(PER_POLL)}
            if after:
                params["afterId"] = str(after)
            entries = http.get("/_mock/journal", params=params, headers=READ).json()["entries"]
            if entries:
                after = entries[-1]["id"]
            http.get("/_mock/clock", headers=READ)
            count[0] += 1
            stop.wait(1.0)


def _chromium() -> str:
    from mockst.testing import chromium_executable  # the tests' own search for it

    found = chromium_executable()
    if found is None:
        sys.exit("Chromium is needed for --only inspector (apt-get install chromium)")
    return found


def inspector_cost(duration: int, rounds: int, connections: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    # The browser shares the load generator's core, never the server's: what is measured is the
    # server's extra work for the page's reads, not a browser fighting it for a CPU.
    if len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, {WRK_CPU})
    runs: dict[str, list[dict[str, float]]] = {state: [] for state in STATES}
    polls: dict[str, list[int]] = {state: [] for state in STATES[1:]}
    with server([*SERVE, *NO_LIMITS]) as (url, process), sync_playwright() as driver:
        setup = onboard(url, jobs=False)
        method, path, _, _ = setup["ops"][OP]
        tenant = path.split("/tenant/")[1].split("/")[0]
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        for round_ in range(rounds):
            # Each round starts with another state: none is always first (after a quiet spell).
            shift = round_ % len(STATES)
            for state in STATES[shift:] + STATES[:shift]:
                page, stop, count = None, threading.Event(), [0]
                filters = {"tenant": tenant} if state == "filtered" else {}
                reader = threading.Thread(target=_replay_reads, args=(url, stop, count, filters))
                if state == "open":
                    page = browser.new_page(viewport={"width": 1280, "height": 800})
                    page.on("request", lambda r, n=count: _count_poll(r.url, n))
                    page.goto(f"{url}/_mock/ui")
                    page.wait_for_selector("#journal tbody tr")
                elif state in REPLAYED:
                    reader.start()
                wrk(url + path, method, setup["headers"], None, 1, connections)  # warm-up
                run = wrk(url + path, method, setup["headers"], None, duration, connections,
                          process.pid)  # fmt: skip
                runs[state].append(run)
                if page is not None:
                    page.wait_for_timeout(50)  # lets Playwright deliver the request events
                    page.close()
                stop.set()
                if reader.is_alive():
                    reader.join()
                if state in polls:
                    polls[state].append(count[0])
        browser.close()
    return _summary(runs, polls, duration)


def _count_poll(url: str, count: list[int]) -> None:
    if "/_mock/journal?" in url:
        count[0] += 1


def _summary(
    runs: dict[str, list[dict[str, float]]], polls: dict[str, list[int]], duration: int
) -> dict[str, Any]:
    result: dict[str, Any] = {"rounds": len(runs["closed"]), "polls": polls,
                              "seconds_per_run": duration}  # fmt: skip
    for state in STATES:
        result[state] = {
            "rps": [round(r["rps"]) for r in runs[state]],
            "cpu_us": [round(r.get("cpu_us", 0.0), 1) for r in runs[state]],
        }
    for state in STATES[1:]:
        pairs = list(zip(runs["closed"], runs[state], strict=True))
        rps = [o["rps"] / c["rps"] for c, o in pairs]
        # Closed over open for CPU: in the same sense as the rate (below 1.0: the page costs).
        cpu = [c["cpu_us"] / o["cpu_us"] for c, o in pairs if o.get("cpu_us")]
        result[state]["rps_ratio"] = [round(r, 3) for r in rps]
        result[state]["cpu_ratio"] = [round(r, 3) for r in cpu]
        result[state]["rps_ratio_median"] = round(statistics.median(rps), 3)
        if cpu:
            result[state]["cpu_ratio_median"] = round(statistics.median(cpu), 3)
    return result


def print_cost(summary: dict[str, Any]) -> None:
    print(f"\n{OP}: with the inspector vs without, {summary['rounds']} rounds")
    print("| round | state | req/s | ratio to closed | server µs/req | ratio to closed |")
    print("|---:|---|---:|---:|---:|---:|")
    for i in range(summary["rounds"]):
        for state in STATES:
            row = summary[state]
            ratios = ("", "")
            if state != "closed":
                cpu = row["cpu_ratio"][i] if i < len(row["cpu_ratio"]) else float("nan")
                ratios = (f"{row['rps_ratio'][i]:.2f}", f"{cpu:.2f}")
            print(f"| {i + 1} | {state} | {row['rps'][i]:,} | {ratios[0]} |"
                  f" {row['cpu_us'][i]} | {ratios[1]} |")  # fmt: skip
    for state in STATES[1:]:
        row = summary[state]
        print(f"{state}: median throughput ratio {row['rps_ratio_median']:.2f} "
              f"(rounds {min(row['rps_ratio']):.2f} to {max(row['rps_ratio']):.2f}), server CPU "
              f"{row.get('cpu_ratio_median', float('nan')):.2f}; polls per run "
              f"{summary['polls'][state]}")  # fmt: skip
