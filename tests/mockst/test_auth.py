"""The token endpoint and the guard: every refusal, in its documented shape and status."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

import jwt
import pytest
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.auth.token_endpoint import MAX_FORM_BYTES
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import Onboard, api_headers, take_token

PROBLEM_KEYS = {"type", "title", "status", "traceId", "errors", "data"}


def token_form(creds: dict[str, Any], **overrides: str) -> dict[str, str]:
    form = {"grant_type": "client_credentials", "client_id": creds["clientId"],
            "client_secret": creds["clientSecret"]}
    form.update(overrides)
    return {k: v for k, v in form.items() if v != "<omit>"}


def test_token_response_and_claims(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    body = client.post("/connect/token", data=token_form(creds)).json()
    assert set(body) == {"access_token", "expires_in", "token_type", "scope"}
    header = jwt.get_unverified_header(body["access_token"])
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert header["typ"] == "at+jwt" and header["alg"] == "HS256"
    # The claims a connector that peeks into the token (against advice) finds in the real ones.
    assert set(claims) == {"iss", "nbf", "iat", "exp", "client_id", "tenant", "scope", "jti"}
    assert claims["iss"] == Config().issuer and claims["iat"] == claims["nbf"]
    assert claims["client_id"] == creds["clientId"]
    assert claims["tenant"] == str(creds["tenantId"])
    assert claims["scope"] == body["scope"].split()
    assert claims["exp"] - claims["nbf"] == 900
    assert len(claims["jti"]) == 32 and claims["jti"] == claims["jti"].upper()


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"grant_type": "password"}, "unsupported_grant_type"),
        ({"grant_type": "<omit>"}, "invalid_request"),
        ({"client_id": "cid.unknown"}, "invalid_client"),
        ({"client_id": "<omit>"}, "invalid_client"),
        ({"client_secret": "cs1.wrong"}, "invalid_client"),
        ({"client_secret": "<omit>"}, "invalid_client"),
        ({"scope": "tn.acc.invoices:r"}, "invalid_scope"),
    ],
)
def test_token_errors_are_oauth_shaped(
    client: TestClient, onboard: Onboard, overrides: dict[str, str], error: str
) -> None:
    response = client.post("/connect/token", data=token_form(onboard(), **overrides))
    assert response.status_code == 400
    assert response.json() == {"error": error}  # exactly the real body: the cause is a header
    assert response.headers["x-mockst-error-description"]
    assert response.headers["cache-control"] == "no-store"


def test_token_endpoint_rejects_malformed_requests(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    as_json = client.post("/connect/token", json=token_form(creds))
    assert as_json.status_code == 400 and as_json.json()["error"] == "invalid_request"
    garbage = client.post(
        "/connect/token", content=b"\xff\xfe\x00",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert garbage.status_code == 400 and garbage.json()["error"] == "invalid_request"
    huge = client.post("/connect/token", data={"grant_type": "x" * 20_000})
    assert huge.status_code == 413 and huge.json()["error"] == "invalid_request"


def test_basic_client_authentication(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    basic = base64.b64encode(f"{creds['clientId']}:{creds['clientSecret']}".encode()).decode()
    response = client.post(
        "/connect/token", data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200


def test_malformed_basic_credentials_are_invalid_client(
    client: TestClient, onboard: Onboard
) -> None:
    creds = onboard()
    cases = {
        # "Y2lk" is "cid": a lenient decoder that skipped the "@" would read it and complain
        # about the missing ':' instead.
        "Basic Y2lk@": "The Basic credentials are not valid base64.",
        "Basic " + base64.b64encode(b"cid-without-secret").decode(): (
            "The Basic credentials lack a ':'."
        ),
    }
    for header, description in cases.items():
        response = client.post(
            "/connect/token", data=token_form(creds), headers={"Authorization": header}
        )
        assert response.status_code == 400, header
        assert response.json() == {"error": "invalid_client"}  # exactly the real body
        assert response.headers["X-Mockst-Error-Description"] == description
    # Another scheme is not client authentication: the form's credentials are used.
    other = client.post(
        "/connect/token", data=token_form(creds), headers={"Authorization": "Bearer abc"}
    )
    assert other.status_code == 200


def test_the_token_request_must_be_a_form(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    body = urlencode(token_form(creds))
    with_charset = client.post("/connect/token", content=body, headers={
        "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
    })  # fmt: skip
    assert with_charset.status_code == 200, with_charset.text
    cause = "The request must be application/x-www-form-urlencoded."
    for headers in ({}, {"Content-Type": "application/json"}):
        refused = client.post("/connect/token", content=body, headers=headers)
        assert (refused.status_code, refused.json()) == (400, {"error": "invalid_request"})
        assert refused.headers["X-Mockst-Error-Description"] == cause, headers


def test_a_token_request_may_be_as_large_as_the_limit_and_no_larger(
    client: TestClient, onboard: Onboard
) -> None:
    creds = onboard()
    form = urlencode(token_form(creds)) + "&padding="
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    at_limit = form + "x" * (MAX_FORM_BYTES - len(form))
    assert client.post("/connect/token", content=at_limit, headers=headers).status_code == 200
    over = client.post("/connect/token", content=at_limit + "x", headers=headers)
    assert (over.status_code, over.json()) == (413, {"error": "invalid_request"})


def test_requested_scope_narrows_the_token(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    body = client.post(
        "/connect/token", data=token_form(creds, scope="tn.crm.customers:r")
    ).json()
    assert body["scope"] == "tn.crm.customers:r"
    headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {body['access_token']}"}
    assert client.get(f"{creds['crm']}/booking-provider-tags", headers=headers).status_code == 403


def test_disabled_and_not_yet_allowed_connections(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    path = f"{creds['crm']}/booking-provider-tags"
    client.post(f"/_mock/connections/{creds['clientId']}/disable")
    assert client.post("/connect/token", data=token_form(creds)).json()["error"] == "invalid_client"
    assert client.get(path, headers=creds["headers"]).status_code == 401  # live token revoked
    client.post(f"/_mock/connections/{creds['clientId']}/enable")
    assert client.get(path, headers=creds["headers"]).status_code == 200


def guard_cases(creds: dict[str, Any], other: dict[str, Any]) -> dict[str, tuple[dict, str]]:
    path = f"{creds['crm']}/booking-provider-tags"
    token = creds["token"]
    return {
        "missing_app_key": ({"Authorization": f"Bearer {token}"}, path),
        "invalid_app_key": ({"ST-App-Key": "ak1.nope", "Authorization": f"Bearer {token}"}, path),
        "app_key_mismatch": ({"ST-App-Key": other["appKey"], "Authorization": f"Bearer {token}"},
                             path),
        "missing_token": ({"ST-App-Key": creds["appKey"]}, path),
        "invalid_token": ({"ST-App-Key": creds["appKey"], "Authorization": "Bearer abc.def.ghi"},
                          path),
        "tenant_mismatch": (creds["headers"], f"{other['crm']}/booking-provider-tags"),
    }


def test_guard_refusals_default_statuses(client: TestClient, onboard: Onboard) -> None:
    creds, other = onboard(), onboard()
    expected = {"missing_app_key": 401, "invalid_app_key": 401, "app_key_mismatch": 401,
                "missing_token": 401, "invalid_token": 401, "tenant_mismatch": 403}
    for case, (headers, path) in guard_cases(creds, other).items():
        response = client.get(path, headers=headers)
        assert response.status_code == expected[case], case
        body = response.json()
        assert set(body) == PROBLEM_KEYS and body["data"]["reason"] == case
        if case == "missing_app_key":  # the gateway's own words
            assert body["title"] == "Application key not present, check ST-App-Key header value."
    client.post("/_mock/clock/advance", json={"seconds": 900})
    expired = client.get(f"{creds['crm']}/booking-provider-tags", headers=creds["headers"])
    assert expired.status_code == 401 and expired.json()["data"]["reason"] == "expired_token"
    assert "invalid_token" in expired.headers["www-authenticate"]


def test_raw_token_without_bearer_prefix(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    headers = {"ST-App-Key": creds["appKey"], "Authorization": creds["token"]}
    assert client.get(f"{creds['crm']}/booking-provider-tags", headers=headers).status_code == 200


def test_authorization_header_forms(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    path = f"{creds['crm']}/booking-provider-tags"

    def reason(authorization: str) -> str | None:
        headers = {"ST-App-Key": creds["appKey"], "Authorization": authorization}
        response = client.get(path, headers=headers)
        return None if response.status_code == 200 else response.json()["data"]["reason"]

    # The scheme in any case and extra spaces are tolerated, as gateways tolerate them.
    assert reason(f"bearer  {creds['token']}") is None
    # Another scheme is no bearer token at all, not a bad one; nor is a raw value with spaces.
    assert reason(f"Basic {creds['token']}") == "missing_token"
    assert reason("not a token") == "missing_token"
    assert reason("Bearer ") == "missing_token"


def test_refusals_name_their_case_in_the_title_and_the_challenge() -> None:
    config = Config.load(auth_errors={"insufficient_scope": 401})
    with TestClient(create_app(World(), config)) as client:
        creds = client.post("/_mock/quickstart", json={"scopes": ["tn.crm.customers:r"]}).json()
        token = client.post("/connect/token", data=token_form(creds)).json()["access_token"]
        headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        scope = client.get(f"/crm/v2/tenant/{creds['tenantId']}/leads", headers=headers)
        assert scope.status_code == 401
        assert scope.headers["WWW-Authenticate"] == (
            'Bearer error="insufficient_scope", '
            'error_description="The token does not grant the scope this operation needs."'
        )
        headers["Authorization"] = "Bearer nonsense"
        bad = client.get(f"/crm/v2/tenant/{creds['tenantId']}/customers", headers=headers)
        assert bad.headers["WWW-Authenticate"] == (
            'Bearer error="invalid_token", error_description="The access token is invalid."'
        )
        assert bad.json()["title"] == "The access token is invalid."


def test_statuses_and_body_style_are_configurable() -> None:
    config = Config.load(
        auth_errors={"missing_app_key": 403}, auth_error_body="apim", accept_raw_token=False
    )
    with TestClient(create_app(World(), config)) as client:
        creds = client.post("/_mock/quickstart", json={}).json()
        token = client.post("/connect/token", data=token_form(creds)).json()["access_token"]
        path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        no_key = client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert no_key.status_code == 403
        assert set(no_key.json()) == {"statusCode", "message"}
        raw = client.get(path, headers={"ST-App-Key": creds["appKey"], "Authorization": token})
        assert raw.status_code == 401


def test_integration_credentials_do_not_work_on_production(client: TestClient) -> None:
    app = client.post("/_mock/apps", json={"name": "Sandbox app"}).json()
    tenant = client.post(
        "/_mock/tenants", json={"name": "Sandbox", "environment": "integration"}
    ).json()
    conn = client.post("/_mock/connections", json={"appId": app["id"], "tenantId": tenant["id"]})
    client_id = conn.json()["clientId"]
    secret = client.post(f"/_mock/connections/{client_id}/secrets").json()["clientSecret"]
    response = client.post("/connect/token", data={
        "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret,
    })
    assert response.status_code == 400 and response.json() == {"error": "invalid_client"}
    assert "integration" in response.headers["X-Mockst-Error-Description"]


def test_restricted_connection_reaches_only_its_provider(
    client: TestClient, onboard: Onboard
) -> None:
    creds = onboard(restrictToBookingProvider=True)
    own = creds["bookingProviderId"]
    other = client.post(
        f"/_mock/tenants/{creds['tenantId']}/booking-provider-tags", json={"tagName": "Other"}
    ).json()["id"]
    bookings = f"{creds['crm']}/booking-provider/{{}}/bookings"
    assert client.get(bookings.format(own), headers=creds["headers"]).status_code == 200
    refused = client.get(bookings.format(other), headers=creds["headers"])
    assert refused.status_code == 403
    assert refused.json()["data"]["reason"] == "booking_provider_restricted"
    tenant_scoped = client.get(f"{creds['crm']}/bookings", headers=creds["headers"])
    assert tenant_scoped.status_code == 403


def test_scope_change_needs_the_tenant_to_accept(client: TestClient, onboard: Onboard) -> None:
    creds = onboard(scopes=["tn.crm.customers:r"])
    path = f"{creds['crm']}/booking-provider-tags"
    assert client.get(path, headers=creds["headers"]).status_code == 403
    client.put(f"/_mock/apps/{creds['appId']}/scopes",
               json={"scopes": ["tn.crm.customers:r", "tn.crm.bookingprovidertags:r"]})
    fresh = client.post("/connect/token", data=token_form(creds)).json()
    assert fresh["scope"] == "tn.crm.customers:r"  # version 2 not accepted yet
    client.post(f"/_mock/connections/{creds['clientId']}/accept-version")
    upgraded = client.post("/connect/token", data=token_form(creds)).json()
    headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {upgraded['access_token']}"}
    assert client.get(path, headers=headers).status_code == 200


def test_control_plane_rejects_bad_input_without_changing_state(client: TestClient) -> None:
    before = client.get("/_mock/world").json()
    bad = [
        client.post("/_mock/apps", content=b"{nope", headers={"content-type": "application/json"}),
        client.post("/_mock/apps", json={"name": "x", "scopes": ["not a scope"]}),
        client.post("/_mock/tenants", json={"name": ""}),
        client.post("/_mock/connections", json={"appId": 1, "tenantId": 2}),
        client.post("/_mock/clock/advance", json={"seconds": "soon"}),
        client.put("/_mock/world", json={"format": "something else"}),
        client.post("/_mock/connections/cid.nope/secrets"),
    ]
    assert [r.status_code for r in bad] == [400, 400, 400, 404, 400, 400, 404]
    for response in bad:
        assert set(response.json()) == PROBLEM_KEYS
    after = client.get("/_mock/world").json()
    assert after["identity"] == before["identity"] and after["tenants"] == before["tenants"]


def test_document_names_every_operation_once() -> None:
    from collections import Counter

    from mockst.openapi import build_document

    ids = Counter(
        op["operationId"] for item in build_document()["paths"].values() for op in item.values()
    )
    assert [name for name, count in ids.items() if count > 1] == []


def test_app_keys_are_known_exactly_while_their_apps_exist(client, onboard) -> None:
    first, second = onboard(), onboard()
    for creds in (first, second, first):  # the guard's key index serves both, in any order
        path = f"{creds['crm']}/booking-provider-tags"
        assert client.get(path, headers=creds["headers"]).status_code == 200
    assert client.post("/_mock/reset").status_code == 200
    gone = client.get(f"{first['crm']}/booking-provider-tags", headers=first["headers"])
    assert gone.status_code == 401
    third = onboard()
    path = f"{third['crm']}/booking-provider-tags"
    assert client.get(path, headers=third["headers"]).status_code == 200


def test_a_yes_is_given_again_only_while_what_it_rested_on_holds(
    client: TestClient, onboard: Onboard
) -> None:
    creds, other = onboard(), onboard()
    path = f"{creds['crm']}/booking-provider-tags"
    assert client.get(path, headers=creds["headers"]).status_code == 200  # the yes is kept
    assert client.get(path, headers=creds["headers"]).status_code == 200
    # The same headers on another tenant's path, or another app's key: not that yes.
    assert client.get(f"{other['crm']}/booking-provider-tags", headers=creds["headers"]).json()[
        "data"
    ]["reason"] == "tenant_mismatch"
    client.post(f"/_mock/connections/{creds['clientId']}/disable")
    assert client.get(path, headers=creds["headers"]).status_code == 401
    client.post(f"/_mock/connections/{creds['clientId']}/enable")
    assert client.get(path, headers=creds["headers"]).status_code == 200
    client.post("/_mock/clock/advance", json={"seconds": 890})  # tokens last 900 s from issue
    assert client.get(path, headers=creds["headers"]).status_code == 200
    client.post("/_mock/clock/advance", json={"seconds": 10})
    late = client.get(path, headers=creds["headers"])
    assert late.status_code == 401 and late.json()["data"]["reason"] == "expired_token"


def test_a_token_is_refused_at_exactly_issue_time_plus_its_lifetime(
    client: TestClient, onboard: Onboard
) -> None:
    # Frozen on a whole second, so the second a token is issued at is the clock's instant.
    client.put("/_mock/clock", json={"now": "2025-03-01T08:00:00Z", "frozen": True})
    creds = onboard()
    path = f"{creds['crm']}/booking-provider-tags"
    # Two tokens of the same second: the first is used (and so remembered by the guard) before
    # its last second, the second is seen first at the edge, so both ways to judge it are held.
    unused = api_headers(creds, take_token(client, creds["clientId"], creds["clientSecret"]))
    client.post("/_mock/clock/advance", json={"seconds": 899})
    assert client.get(path, headers=creds["headers"]).status_code == 200
    client.post("/_mock/clock/advance", json={"seconds": 1})  # issue + 900 s, to the microsecond
    for headers in (creds["headers"], unused):
        edge = client.get(path, headers=headers)
        assert edge.status_code == 401 and edge.json()["data"]["reason"] == "expired_token"
        assert edge.json()["errors"] == {"authorization": ["The access token has expired."]}


def test_a_token_is_not_valid_before_its_issue_time(client: TestClient, onboard: Onboard) -> None:
    # The clock can be set back (a test replaying a morning): a token from "later" is refused
    # as invalid, not expired, whether the guard has seen it work or not.
    client.put("/_mock/clock", json={"now": "2025-03-01T08:00:00Z", "frozen": True})
    creds = onboard()
    path = f"{creds['crm']}/booking-provider-tags"
    unseen = api_headers(creds, take_token(client, creds["clientId"], creds["clientSecret"]))
    assert client.get(path, headers=creds["headers"]).status_code == 200
    client.put("/_mock/clock", json={"now": "2025-03-01T07:59:59Z"})
    for headers in (creds["headers"], unseen):
        early = client.get(path, headers=headers)
        assert early.status_code == 401 and early.json()["data"]["reason"] == "invalid_token"
        assert early.json()["errors"] == {"authorization": ["The access token is not valid yet."]}
    client.put("/_mock/clock", json={"now": "2025-03-01T08:00:00Z"})  # its issue second: good
    assert client.get(path, headers=unseen).status_code == 200


def test_a_lone_secret_deactivated_in_its_tokens_issue_second_revokes_them() -> None:
    config = Config(revoke_tokens_on_secret_deactivation=True)
    with TestClient(create_app(World(), config)) as client:
        client.put("/_mock/clock", json={"now": "2025-03-01T08:00:00Z", "frozen": True})
        creds = client.post("/_mock/quickstart", json={}).json()
        token = client.post("/connect/token", data=token_form(creds)).json()["access_token"]
        headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        assert [client.get(path, headers=headers).status_code for _ in range(2)] == [200, 200]
        connection = f"/_mock/connections/{creds['clientId']}"
        (only,) = client.get(f"{connection}/secrets").json()
        # Same second as the token's issue, and the only secret: the remembered yes must go.
        client.post(f"{connection}/secrets/{only['id']}/deactivate")
        refused = client.get(path, headers=headers)
        assert refused.status_code == 401 and refused.json()["data"]["reason"] == "invalid_token"


def test_deactivating_the_secret_stops_its_tokens_when_configured() -> None:
    config = Config(revoke_tokens_on_secret_deactivation=True)
    with TestClient(create_app(World(), config)) as client:
        creds = client.post("/_mock/quickstart", json={}).json()
        token = client.post("/connect/token", data=token_form(creds)).json()["access_token"]
        headers = {"ST-App-Key": creds["appKey"], "Authorization": f"Bearer {token}"}
        path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        assert client.get(path, headers=headers).status_code == 200
        connection = f"/_mock/connections/{creds['clientId']}"
        (first,) = client.get(f"{connection}/secrets").json()
        second = client.post(f"{connection}/secrets").json()
        assert client.get(path, headers=headers).status_code == 200  # a new secret revokes nothing
        client.post(f"{connection}/secrets/{first['id']}/deactivate")
        assert client.get(path, headers=headers).status_code == 401
        # A token issued after the deactivation works, again and again, until a secret goes.
        client.post("/_mock/clock/advance", json={"seconds": 1})
        form = token_form(creds, client_secret=second["clientSecret"])
        fresh = client.post("/connect/token", data=form).json()["access_token"]
        headers["Authorization"] = f"Bearer {fresh}"
        assert [client.get(path, headers=headers).status_code for _ in range(3)] == [200] * 3
        # Any of the client's secrets counts, one made after the token was kept too.
        third = client.post(f"{connection}/secrets").json()
        assert client.get(path, headers=headers).status_code == 200
        client.post(f"{connection}/secrets/{third['id']}/deactivate")
        assert client.get(path, headers=headers).status_code == 401
