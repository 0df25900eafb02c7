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
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.server import prepare
from mockst.store.world import World
from mockst.testing import api_headers, free_port, take_token


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


def test_changes_survive_a_restart_not_only_inserts(tmp_path: Path) -> None:
    """A store that kept only the first version of each row, or never removed one, would pass
    every insert-only restart; here each kind of change must still be in effect afterwards."""
    state = tmp_path / "world.sqlite"
    config = Config()
    before = prepare(config, state=state)
    with TestClient(create_app(before.world, config)) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        connection = f"/_mock/connections/{creds['clientId']}"
        spare = http.post(f"{connection}/secrets").json()["clientSecret"]
        headers = api_headers(creds, take_token(http, creds["clientId"], creds["clientSecret"]))
        crm = f"/crm/v2/tenant/{creds['tenantId']}"
        kept = http.post(f"{crm}/contacts", headers=headers, json={"name": "Ada"}).json()
        gone = http.post(f"{crm}/contacts", headers=headers, json={"name": "Grace"}).json()
        change = {"name": "Ada L.", "isArchived": True}
        patched = http.patch(f"{crm}/contacts/{kept['id']}", headers=headers, json=change)
        assert patched.status_code == 200, patched.text
        assert http.delete(f"{crm}/contacts/{gone['id']}", headers=headers).status_code == 200
        first = next(s for s in http.get(f"{connection}/secrets").json() if s["active"])
        assert http.post(f"{connection}/secrets/{first['id']}/deactivate").status_code == 200
        assert http.post(f"{connection}/disable").status_code == 200
    assert before.world.persistence is not None
    before.world.persistence.close()

    after = prepare(config, state=state)
    with TestClient(create_app(after.world, config)) as http:
        assert http.get(connection).json()["status"] == "disabled"
        secrets = {s["id"]: s["active"] for s in http.get(f"{connection}/secrets").json()}
        assert secrets[first["id"]] is False and sum(secrets.values()) == 1
        http.post(f"{connection}/enable")
        refused = http.post("/connect/token", data={
            "grant_type": "client_credentials", "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"],
        })  # fmt: skip
        assert refused.status_code == 400 and refused.json()["error"] == "invalid_client"
        headers = api_headers(creds, take_token(http, creds["clientId"], spare))
        contact = http.get(f"{crm}/contacts/{kept['id']}", headers=headers).json()
        assert (contact["name"], contact["isArchived"]) == ("Ada L.", True)
        assert http.get(f"{crm}/contacts/{gone['id']}", headers=headers).status_code == 404


def test_a_tenant_reset_drops_its_rows_and_only_its_rows_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "world.sqlite"
    config = Config()
    before = prepare(config, state=state)
    with TestClient(create_app(before.world, config)) as http:
        tenants = []
        for name in ("Reset Plumbing", "Kept Plumbing"):
            creds = http.post("/_mock/quickstart", json={"tenantName": name}).json()
            token = take_token(http, creds["clientId"], creds["clientSecret"])
            creds["headers"] = api_headers(creds, token)
            contacts = f"/crm/v2/tenant/{creds['tenantId']}/contacts"
            assert http.post(contacts, headers=creds["headers"], json={"name": name}).is_success
            tenants.append((creds, contacts))
        (reset, reset_contacts), (kept, kept_contacts) = tenants
        assert http.post(f"/_mock/tenants/{reset['tenantId']}/reset").status_code == 200
        assert http.get(reset_contacts, headers=reset["headers"]).json()["data"] == []
    assert before.world.persistence is not None
    before.world.persistence.close()

    after = prepare(config, state=state)
    with TestClient(create_app(after.world, config)) as http:
        # The reset tenant's credentials still work (identity stays); its rows stay gone.
        assert http.get(reset_contacts, headers=reset["headers"]).json()["data"] == []
        names = [c["name"] for c in http.get(kept_contacts, headers=kept["headers"]).json()["data"]]
        assert names == ["Kept Plumbing"]


def test_a_world_reset_is_kept_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "world.sqlite"
    config = Config()
    before = prepare(config, state=state)
    with TestClient(create_app(before.world, config)) as http:
        http.post("/_mock/quickstart", json={})
        assert http.post("/_mock/reset").status_code == 200
        # Ids count from the start again, so most new records overwrite old ones by key; the
        # new connection's random client id does not, so an old one left behind would show.
        kept = http.post("/_mock/quickstart", json={"tenantName": "After the reset"}).json()
    assert before.world.persistence is not None
    before.world.persistence.close()

    after = prepare(config, state=state)
    with TestClient(create_app(after.world, config)) as http:
        assert [t["name"] for t in http.get("/_mock/tenants").json()] == ["After the reset"]
        assert len(http.get("/_mock/apps").json()) == 1
        connections = http.get("/_mock/connections").json()
        assert [c["clientId"] for c in connections] == [kept["clientId"]]


def test_an_export_token_taken_before_a_restart_still_finds_the_changes_after_it(
    tmp_path: Path,
) -> None:
    """The tenant's change counter is kept with the rows, so changes made after a restart come
    after the ones before it, and a connector's continueFrom still finds them."""
    state = tmp_path / "world.sqlite"
    config = Config()
    place = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
             "country": "USA"}

    def customer(name: str) -> dict[str, object]:
        return {"name": name, "address": place, "locations": [{"name": "Home", "address": place}]}

    before = prepare(config, state=state)
    with TestClient(create_app(before.world, config)) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        headers = api_headers(creds, take_token(http, creds["clientId"], creds["clientSecret"]))
        crm = f"/crm/v2/tenant/{creds['tenantId']}"
        for name in ("A", "B"):
            assert http.post(f"{crm}/customers", headers=headers, json=customer(name)).is_success
        feed = {"includeRecentChanges": "true"}
        first = http.get(f"{crm}/export/customers", headers=headers, params=feed).json()
        assert [c["name"] for c in first["data"]] == ["A", "B"]
    assert before.world.persistence is not None
    before.world.persistence.close()

    after = prepare(config, state=state)
    with TestClient(create_app(after.world, config)) as http:
        assert http.post(f"{crm}/customers", headers=headers, json=customer("C")).is_success
        since = {**feed, "from": first["continueFrom"]}
        later = http.get(f"{crm}/export/customers", headers=headers, params=since).json()
        assert [c["name"] for c in later["data"]] == ["C"]


def test_the_clock_and_the_id_counters_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "world.sqlite"
    config = Config()
    before = prepare(config, state=state)
    with TestClient(create_app(before.world, config)) as http:
        http.put("/_mock/clock", json={"now": "2025-06-01T09:30:00Z", "frozen": True})
        first = http.post("/_mock/quickstart", json={}).json()
        headers = api_headers(first, take_token(http, first["clientId"], first["clientSecret"]))
        tags = f"/crm/v2/tenant/{first['tenantId']}/booking-provider-tags"
        tag = {"tagName": "Before", "description": ""}
        old = http.post(tags, headers=headers, json=tag).json()["id"]
        clock = http.get("/_mock/clock").json()
    assert before.world.persistence is not None
    before.world.persistence.close()

    after = prepare(config, state=state)
    with TestClient(create_app(after.world, config)) as http:
        assert http.get("/_mock/clock").json() == clock  # still frozen at the same instant
        second = http.post("/_mock/quickstart", json={"tenantName": "Second"}).json()
        assert second["tenantId"] == first["tenantId"] + 1
        tag = {"tagName": "After", "description": ""}
        new = http.post(tags, headers=headers, json=tag).json()["id"]
        assert new > old  # ids go on from where they were, never reused


def test_a_seeded_world_is_written_whole_to_a_new_state_file(tmp_path: Path) -> None:
    seeded = World()
    with TestClient(create_app(seeded, Config())) as http:
        creds = http.post("/_mock/quickstart", json={"tenantName": "Seeded"}).json()
        headers = api_headers(creds, take_token(http, creds["clientId"], creds["clientSecret"]))
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        http.post(tags, headers=headers, json={"tagName": "From the seed", "description": ""})
        seed = tmp_path / "seed.json"
        seed.write_text(http.get("/_mock/world").text)
    state = tmp_path / "world.sqlite"
    config = Config()
    first = prepare(config, state=state, seed=seed)  # a new file: the seed is written to it
    assert first.world.persistence is not None
    first.world.persistence.close()

    again = prepare(config, state=state)  # from the file alone
    with TestClient(create_app(again.world, config)) as http:
        assert [t["name"] for t in http.get("/_mock/tenants").json()] == ["Seeded"]
        # the world document leaves the signing key out: a new token, the same secret
        headers = api_headers(creds, take_token(http, creds["clientId"], creds["clientSecret"]))
        names = [t["tagName"] for t in http.get(tags, headers=headers).json()["data"]]
        assert sorted(names) == ["From the seed", "My Integration"]
