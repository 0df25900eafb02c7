"""A real simulator in its own process (`mockst serve`): a test can load, kill and restart it.

In-process servers share the test's interpreter: they cannot be killed with ``kill -9``, and a load
generator in the same process competes with them for one GIL. These helpers run the CLI itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from mockst.testing import free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self, sig: int = signal.SIGKILL) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout=15)

    def alive(self) -> bool:
        return self.process.poll() is None


def start_server(log: Path, *args: str, timeout: float = 15.0) -> Server:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name in [n for n in env if n.startswith("MOCKST_")]:
        del env[name]
    command = [sys.executable, "-m", "mockst", "serve", "--port", str(port), *args]
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mockst exited with {process.returncode}: {log.read_text()}")
        try:
            if httpx.get(f"{url}/_mock/health", timeout=1).status_code == 200:
                return Server(url, process, log)
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"mockst did not answer within {timeout}s: {log.read_text()}")


def onboard(client: httpx.Client) -> dict[str, Any]:
    """A quickstarted tenant with a token and ready headers."""
    creds = client.post("/_mock/quickstart", json={}).json()
    token = client.post(
        "/connect/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        },
    ).json()["access_token"]
    creds["headers"] = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
    creds["crm"] = f"/crm/v2/tenant/{creds['tenantId']}"
    return creds


def new_customer(name: str) -> dict[str, Any]:
    address = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701"}
    address["country"] = "USA"
    return {"name": name, "address": address, "locations": [{"name": "Home", "address": address}]}


def all_customers(client: httpx.Client, creds: dict[str, Any]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    page = 1
    while True:
        response = client.get(
            f"{creds['crm']}/customers",
            headers=creds["headers"],
            params={"page": page, "pageSize": 5000},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        found.update({row["id"]: row for row in body["data"]})
        if not body["hasMore"]:
            return found
        page += 1
