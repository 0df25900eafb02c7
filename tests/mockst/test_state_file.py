"""``mockst serve --state FILE``: the world survives a restart of the real process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from mockst.testing import free_port


@contextmanager
def running(*args: str) -> Iterator[httpx.Client]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockst", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if client.get("/_mock/clock").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read() if process.stdout else ""
                raise RuntimeError(f"server did not start: {output}")
            time.sleep(0.05)
        yield client
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def test_world_survives_restart(tmp_path: Path) -> None:
    state = str(tmp_path / "world.sqlite")
    with running("--state", state) as http:
        creds = http.post("/_mock/quickstart", json={"tenantName": "Kept Plumbing"}).json()
        token = http.post("/connect/token", data={
            "grant_type": "client_credentials", "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        }).json()["access_token"]
        headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        created = http.post(tags, headers=headers, json={"tagName": "Second", "description": "d"})
        assert created.status_code == 200
        http.post("/_mock/clock/advance", json={"seconds": 60})
        clock_before = http.get("/_mock/clock").json()["now"]

    with running("--state", state) as http:
        # The token taken before the restart still works: signing key and clock were kept.
        listed = http.get(tags, headers=headers)
        assert listed.status_code == 200, listed.text
        assert sorted(t["tagName"] for t in listed.json()["data"]) == ["My Integration", "Second"]
        assert http.get("/_mock/clock").json()["now"] >= clock_before
        # The secret still works; new ids continue after the old ones.
        again = http.post("/connect/token", data={
            "grant_type": "client_credentials", "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        })
        assert again.status_code == 200
        third = http.post(tags, headers=headers, json={"tagName": "Third", "description": ""})
        assert third.json()["id"] > created.json()["id"]


def test_demo_prints_credentials_that_work() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockst", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines: dict[str, str] = {}
        while "ST_BOOKING_PROVIDER_ID" not in lines:
            line = process.stdout.readline()
            assert line, "server exited before printing credentials"
            key, sep, value = line.strip().partition("=")
            if sep and key.startswith("ST_"):
                lines[key] = value
        base = lines["ST_API_URL"]
        deadline = time.monotonic() + 20
        with httpx.Client(base_url=base, timeout=10) as http:
            while True:
                try:
                    token = http.post("/connect/token", data={
                        "grant_type": "client_credentials", "client_id": lines["ST_CLIENT_ID"],
                        "client_secret": lines["ST_CLIENT_SECRET"],
                    })
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline
                    time.sleep(0.05)
            assert token.status_code == 200
            tags = http.get(
                f"/crm/v2/tenant/{lines['ST_TENANT_ID']}/booking-provider-tags",
                headers={"ST-App-Key": lines["ST_APP_KEY"],
                         "Authorization": f"Bearer {token.json()['access_token']}"},
            )
            assert tags.status_code == 200
            ids = [t["id"] for t in tags.json()["data"]]
            assert int(lines["ST_BOOKING_PROVIDER_ID"]) in ids
    finally:
        process.terminate()
        process.wait(timeout=10)
