"""Onboarding end to end over a real socket, step by step as HeavySet Tech's guide walks it.

Phase 2: register the app (developer-managed credentials, CRM scopes) and read its app key.
Phase 3: create the booking provider tag and record its id.
Phase 4: the tenant connects the app, restricted to that booking provider.
Phase 5: "Allowed by Tenant", generate the client secret (shown once).
Phase 6: take a token and make a test call; then what must fail, fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import fields

import httpx
import pytest
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.identity.model import IDENTITY_KINDS, from_json, to_json
from mockst.store.world import World
from mockst.testing import api_headers, serve, take_token


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with serve(create_app()) as base_url, httpx.Client(base_url=base_url, timeout=10) as client:
        yield client


SCOPES = [
    "tn.crm.bookings:r", "tn.crm.bookings:w", "tn.crm.customers:r", "tn.crm.customers:w",
    "tn.crm.leads:r", "tn.crm.leads:w", "tn.crm.bookingprovidertags:r", "tn.stt.businessunits:r",
    "tn.stt.technicians:r",
]


def test_heavyset_onboarding(http: httpx.Client) -> None:
    # Phase 2: app registration; the app key is generated with the app.
    app = http.post("/_mock/apps", json={
        "name": "HeavySet Tech", "organization": "HeavySet Tech", "scopes": SCOPES,
        "credentialMode": "developer",
    }).json()
    assert app["appKey"].startswith("ak1.") and app["version"] == 1

    tenant = http.post("/_mock/tenants", json={"name": "Bryan's HVAC"}).json()
    tenant_id = tenant["id"]
    assert tenant["environment"] == "production"

    # Phase 3: booking provider tag and its id.
    tag = http.post(
        f"/_mock/tenants/{tenant_id}/booking-provider-tags", json={"tagName": "HeavySet Tech"}
    ).json()
    provider_id = tag["id"]

    # The developer lists the tenant: a client id exists, "Not Connected Yet", no secret possible.
    pending = http.post("/_mock/connections", json={
        "appId": app["id"], "tenantId": tenant_id, "allow": False,
    }).json()
    client_id = pending["clientId"]
    assert client_id.startswith("cid.") and pending["status"] == "notConnectedYet"
    refused = http.post(f"/_mock/connections/{client_id}/secrets")
    assert refused.status_code == 409 and "Not Connected Yet" in refused.json()["title"]

    # Phase 4: Connect, restricted to the HeavySet booking provider, accept.
    allowed = http.post(
        f"/_mock/connections/{client_id}/allow", json={"bookingProviderId": provider_id}
    ).json()
    assert allowed["status"] == "allowed"
    assert allowed["bookingProviderId"] == provider_id
    assert allowed["scopes"] == SCOPES

    # Phase 5: generate the secret; its value is shown once, the list shows a prefix only.
    generated = http.post(f"/_mock/connections/{client_id}/secrets").json()
    secret = generated["clientSecret"]
    listed = http.get(f"/_mock/connections/{client_id}/secrets").json()
    assert [s["valuePrefix"] for s in listed] == [secret[:8]]
    assert secret not in str(listed)

    # Phase 6: token, then a test call with ST-App-Key on it.
    token = http.post("/connect/token", data={
        "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret,
    })
    assert token.status_code == 200
    body = token.json()
    assert body["expires_in"] == 900 and body["token_type"] == "Bearer"
    assert body["scope"].split() == SCOPES
    headers = {"ST-App-Key": app["appKey"], "Authorization": f"Bearer {body['access_token']}"}
    tags = http.get(f"/crm/v2/tenant/{tenant_id}/booking-provider-tags", headers=headers)
    assert tags.status_code == 200
    assert [t["tagName"] for t in tags.json()["data"]] == ["HeavySet Tech"]

    # No scope for settings employees: 403 in ServiceTitan's error shape.
    employees = http.get(f"/settings/v2/tenant/{tenant_id}/employees", headers=headers)
    if employees.status_code != 404:  # served once Settings lands
        assert employees.status_code == 403
        assert set(employees.json()) == {"type", "title", "status", "traceId", "errors", "data"}

    # Without the app key, the same call fails.
    no_key = http.get(
        f"/crm/v2/tenant/{tenant_id}/booking-provider-tags",
        headers={"Authorization": headers["Authorization"]},
    )
    assert no_key.status_code == 401 and no_key.json()["status"] == 401


def test_leadtruffle_secret_rotation(http: httpx.Client) -> None:
    """"Up to two active secrets": generate a second, switch, deactivate the first."""
    creds = http.post("/_mock/quickstart", json={"appName": "Lead Follow Up"}).json()
    client_id = creds["clientId"]
    first = creds["clientSecret"]
    second = http.post(f"/_mock/connections/{client_id}/secrets").json()
    third = http.post(f"/_mock/connections/{client_id}/secrets")
    assert third.status_code == 409 and "2 active secrets are allowed" in third.json()["title"]

    def token_status(secret: str) -> int:
        return http.post("/connect/token", data={
            "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret,
        }).status_code

    assert token_status(first) == 200 and token_status(second["clientSecret"]) == 200
    first_id = next(
        s["id"] for s in http.get(f"/_mock/connections/{client_id}/secrets").json()
        if s["valuePrefix"] == first[:8]
    )
    http.post(f"/_mock/connections/{client_id}/secrets/{first_id}/deactivate")
    assert token_status(first) == 400
    assert token_status(second["clientSecret"]) == 200
    # With one active again, a new one may be generated.
    assert http.post(f"/_mock/connections/{client_id}/secrets").status_code == 200


def test_identity_records_come_back_from_json_as_they_were(
    client: TestClient, world: World
) -> None:
    """What the state file and world snapshots store is JSON: enums and version tuples must come
    back as themselves, not as the strings and lists JSON holds."""
    creds = client.post("/_mock/quickstart", json={}).json()
    app_id = next(a["id"] for a in client.get("/_mock/apps").json())
    client.put(f"/_mock/apps/{app_id}/scopes", json={"scopes": ["tn.crm.customers:r"]})
    client.post(f"/_mock/connections/{creds['clientId']}/disable")
    for kind, records in world.identity.items():
        for record in records.values():
            again = from_json(IDENTITY_KINDS[kind], json.loads(json.dumps(to_json(record))))
            assert again == record, kind
            for f in fields(record):
                kept = getattr(again, f.name)
                assert type(kept) is type(getattr(record, f.name)), (kind, f.name)
            if kind == "app":
                assert len(again.versions) == 2  # the scope change made a second version


def test_a_quickstart_that_fails_part_way_leaves_nothing_behind(
    client: TestClient, world: World
) -> None:
    client.post("/_mock/quickstart", json={"tenantId": 555})
    before = {kind: dict(records) for kind, records in world.identity.items()}
    # The app is made first, then the tenant id is found taken: the app must go with the rest.
    again = client.post("/_mock/quickstart", json={"tenantId": 555, "appName": "Second"})
    assert again.status_code == 409
    assert world.identity == before
    assert [a["name"] for a in client.get("/_mock/apps").json()] == ["My Integration"]


def test_a_failed_transaction_restores_changed_identity_records(world: World) -> None:
    with world.transaction():
        world.put_identity("tenant", "1", "first version")
    with pytest.raises(RuntimeError), world.transaction():
        world.put_identity("tenant", "1", "second version")
        world.put_identity("tenant", "2", "new")
        raise RuntimeError("the request failed after its changes")
    assert world.identity["tenant"] == {"1": "first version"}


def test_a_connection_not_yet_allowed_cannot_be_disabled_enabled_or_upgraded(
    client: TestClient,
) -> None:
    app = client.post("/_mock/apps", json={"name": "Pending"}).json()
    tenant = client.post("/_mock/tenants", json={"name": "Waiting Plumbing"}).json()
    pending = client.post(
        "/_mock/connections", json={"appId": app["id"], "tenantId": tenant["id"], "allow": False}
    ).json()
    for action in ("disable", "enable", "accept-version"):
        refused = client.post(f"/_mock/connections/{pending['clientId']}/{action}")
        assert refused.status_code == 409, action
        assert refused.json()["errors"] == {
            "clientId": ["The tenant has not allowed this app yet."]
        }, action
    assert client.get(f"/_mock/connections/{pending['clientId']}").json()["status"] == (
        "notConnectedYet"
    )


def test_changing_the_restriction_moves_which_provider_may_book(client: TestClient) -> None:
    creds = client.post("/_mock/quickstart", json={"restrictToBookingProvider": True}).json()
    tenant = creds["tenantId"]
    other = client.post(
        f"/_mock/tenants/{tenant}/booking-provider-tags", json={"tagName": "Other Vendor"}
    ).json()["id"]
    token = take_token(client, creds["clientId"], creds["clientSecret"])
    headers = api_headers(creds, token)

    def status(provider: int) -> int:
        path = f"/crm/v2/tenant/{tenant}/booking-provider/{provider}/bookings"
        return client.get(path, headers=headers).status_code

    own = creds["bookingProviderId"]
    assert (status(own), status(other)) == (200, 403)
    restriction = f"/_mock/connections/{creds['clientId']}/restriction"
    assert client.put(restriction, json={"bookingProviderId": other}).status_code == 200
    assert (status(own), status(other)) == (403, 200)
    assert client.get(f"/_mock/connections/{creds['clientId']}").json()["bookingProviderId"] == (
        other
    )
    client.put(restriction, json={"bookingProviderId": None})  # No Restriction
    assert (status(own), status(other)) == (200, 200)
    # Only a tag of the connection's own tenant can restrict it; a refusal changes nothing.
    refused = client.put(restriction, json={"bookingProviderId": 999_999_999})
    assert refused.status_code == 400 and "bookingProviderId" in refused.json()["errors"]
    assert (status(own), status(other)) == (200, 200)


def test_a_secret_is_deactivated_only_through_its_own_connection(client: TestClient) -> None:
    first = client.post("/_mock/quickstart", json={}).json()
    second = client.post("/_mock/quickstart", json={"tenantName": "Second"}).json()
    (secret,) = client.get(f"/_mock/connections/{first['clientId']}/secrets").json()
    elsewhere = f"/_mock/connections/{second['clientId']}/secrets/{secret['id']}/deactivate"
    wrong = client.post(elsewhere)
    assert wrong.status_code == 404 and wrong.json()["title"] == "Client secret not found."
    assert wrong.json()["errors"] == {"secretId": [str(secret["id"])]}
    assert client.get(f"/_mock/connections/{first['clientId']}/secrets").json()[0]["active"]


def test_credentials_keep_their_prefixes_and_lengths(client: TestClient) -> None:
    creds = client.post("/_mock/quickstart", json={}).json()
    assert re.fullmatch(r"ak1\.[a-z0-9]{22}", creds["appKey"]), creds["appKey"]
    assert re.fullmatch(r"cid\.[a-z0-9]{25}", creds["clientId"]), creds["clientId"]
    assert re.fullmatch(r"cs[12]\.[A-Za-z0-9]{40}", creds["clientSecret"]), "secret shape"


def test_an_unknown_tenant_is_a_404_naming_it(client: TestClient) -> None:
    missing = client.get("/_mock/tenants/999")
    assert missing.status_code == 404 and missing.json()["title"] == "Tenant not found."
    assert missing.json()["errors"] == {"tenantId": ["No tenant with id 999."]}


def test_new_tenant_ids_step_over_ids_already_taken(client: TestClient) -> None:
    # A tenant made with an explicit id takes the id the counter would hand out next.
    taken = client.post("/_mock/tenants", json={"name": "Chosen id", "id": 1_000_001}).json()
    assert taken["id"] == 1_000_001
    made = [client.post("/_mock/tenants", json={"name": f"T{n}"}).json()["id"] for n in range(2)]
    assert made == [1_000_002, 1_000_003]


def test_a_tenant_can_be_reset_twice(client: TestClient) -> None:
    # The first reset forgets the tenant's tables; the second finds none and is fine with that.
    bare = client.post("/_mock/tenants", json={"name": "Nothing here yet"}).json()
    for _ in range(2):
        reset = client.post(f"/_mock/tenants/{bare['id']}/reset")
        assert (reset.status_code, reset.json()) == (200, {"tenantId": bare["id"], "reset": True})


def test_the_root_page_links_a_person_to_the_documents(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for link in ('href="/docs"', 'href="/openapi.json"', 'href="/_mock/health"'):
        assert link in page.text
    assert client.get(page.text.split('href="')[1].split('"')[0]).status_code == 200
