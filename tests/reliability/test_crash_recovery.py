"""Crash: ``kill -9`` during writes with ``--state``; restart; every acknowledged write is there.

A customer is created with its location in one transaction, so "nothing half-written" means every
stored customer has its location, and the only customers beyond the acknowledged ones are those
whose answer was lost in the kill (at most one per writer).
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from reliability_helpers import all_customers, new_customer, onboard
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.store.sqlite import SqliteStore
from mockst.store.world import World

WRITERS = 4


def _writer(url: str, creds: dict[str, Any], number: int, acked: dict[int, str], stop) -> None:
    with httpx.Client(base_url=url, timeout=10) as http:
        n = 0
        while not stop.is_set():
            name = f"w{number}-{n}"
            n += 1
            try:
                response = http.post(
                    f"{creds['crm']}/customers", headers=creds["headers"], json=new_customer(name)
                )
            except httpx.TransportError:
                return  # the server died under us: this write's fate is unknown
            if response.status_code == 200:
                acked[response.json()["id"]] = name


def test_kill_9_during_writes_loses_no_acknowledged_write(spawn, tmp_path: Path) -> None:
    state = str(tmp_path / "world.sqlite")
    server = spawn("--state", state, "--rate-limit", "0", "--token-rate-limit", "0")
    with httpx.Client(base_url=server.url, timeout=10) as http:
        creds = onboard(http)
    acked: dict[int, str] = {}
    stop = threading.Event()
    threads = [
        threading.Thread(target=_writer, args=(server.url, creds, n, acked, stop))
        for n in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while len(acked) < 150 and time.monotonic() < deadline:
        time.sleep(0.02)
    server.kill(signal.SIGKILL)  # mid-write: the writers are still sending
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    assert len(acked) >= 150

    restarted = spawn("--state", state, "--rate-limit", "0", "--token-rate-limit", "0")
    with httpx.Client(base_url=restarted.url, timeout=30) as http:
        assert http.get("/_mock/ready").json()["checks"]["state"] == "ok"
        stored = all_customers(http, creds)  # the token survives: key and clock are saved
        missing = set(acked) - set(stored)
        assert not missing, f"{len(missing)} acknowledged writes lost"
        assert all(stored[i]["name"] == name for i, name in acked.items())
        assert len(stored) - len(acked) <= WRITERS
        locations: dict[int, int] = {}
        page = 1
        while True:
            body = http.get(
                f"{creds['crm']}/locations",
                headers=creds["headers"],
                params={"page": page, "pageSize": 5000},
            ).json()
            for row in body["data"]:
                locations[row["customerId"]] = locations.get(row["customerId"], 0) + 1
            if not body["hasMore"]:
                break
            page += 1
        assert all(locations.get(i) == 1 for i in stored), "a customer without its location"


def test_sigterm_flushes_and_closes_the_state_file(spawn, tmp_path: Path) -> None:
    state = tmp_path / "world.sqlite"
    server = spawn("--state", str(state))
    with httpx.Client(base_url=server.url, timeout=10) as http:
        creds = onboard(http)
        http.post(f"{creds['crm']}/customers", headers=creds["headers"], json=new_customer("Kept"))
    # uvicorn shuts down gracefully (lifespan closes the store), then re-raises the signal.
    assert server.kill(signal.SIGTERM) in (0, -signal.SIGTERM)
    wal = Path(f"{state}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed on close
    restarted = spawn("--state", str(state))
    with httpx.Client(base_url=restarted.url, timeout=10) as http:
        assert [c["name"] for c in all_customers(http, creds).values()] == ["Kept"]


def test_ready_reports_an_unusable_state_file(tmp_path: Path) -> None:
    world = World()
    store = SqliteStore(tmp_path / "world.sqlite")
    world.persistence = store
    with TestClient(create_app(world, Config())) as http:
        assert http.get("/_mock/ready").json() == {
            "status": "ready",
            "checks": {"world": "ok", "state": "ok"},
        }
        store.db.close()
        response = http.get("/_mock/ready")
        assert response.status_code == 503
        assert response.json()["data"]["state"].startswith("not writable")
        assert http.get("/_mock/health").json() == {"status": "ok"}
        world.persistence = None  # the lifespan would close it again


def test_serve_says_where_it_listens_at_the_default_log_level(spawn) -> None:
    server = spawn()
    lines = server.log.read_text().splitlines()
    assert f"mockst listening on {server.url} (open it in a browser for the links)" in lines
