"""The identity rules as a state machine, checked against a small reference model.

Random sequences of secret generation and deactivation, clock advances, token requests, connection
disable/enable, scope changes and version upgrades, and API calls with the tokens taken so far.
After every step: never more than two active secrets; a token request succeeds exactly when the
model says; an API call succeeds exactly when the model says (lifetime, revocation on disable,
tenant, scope); no tenant ever sees another tenant's booking provider tags.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from starlette.testclient import TestClient

from mockst.app import create_app

READ_TAGS = "tn.crm.bookingprovidertags:r"
BASE_SCOPES = [READ_TAGS, "tn.crm.customers:r", "tn.crm.bookings:r"]
SCOPE_SETS = [BASE_SCOPES, ["tn.crm.customers:r"], [READ_TAGS], [READ_TAGS, "tn.crm.leads:r"]]


@dataclass
class ModelConnection:
    client_id: str
    tenant_id: int
    tag_name: str
    enabled: bool = True
    accepted: list[str] = field(default_factory=list)
    secrets: dict[str, bool] = field(default_factory=dict)  # value -> active
    secret_ids: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelToken:
    value: str
    connection: str
    scopes: tuple[str, ...]
    expires_at: float


class IdentityRules(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[ModelToken] = []
        self.http = TestClient(create_app())
        self.http.put("/_mock/clock", json={"frozen": True})
        self.now = self._clock()
        self.app = self.http.post(
            "/_mock/apps", json={"name": "Model App", "scopes": BASE_SCOPES}
        ).json()
        self.app_scopes = list(BASE_SCOPES)
        self.connections: list[ModelConnection] = []
        for name in ("Tenant A", "Tenant B"):
            tenant = self.http.post("/_mock/tenants", json={"name": name}).json()
            tag = f"{name} provider"
            self.http.post(
                f"/_mock/tenants/{tenant['id']}/booking-provider-tags", json={"tagName": tag}
            )
            conn = self.http.post(
                "/_mock/connections", json={"appId": self.app["id"], "tenantId": tenant["id"]}
            ).json()
            secret = self.http.post(f"/_mock/connections/{conn['clientId']}/secrets").json()
            conn["clientSecret"] = secret["clientSecret"]
            conn["clientSecrets"] = [secret]
            model = ModelConnection(conn["clientId"], tenant["id"], tag, accepted=list(BASE_SCOPES))
            model.secrets[conn["clientSecret"]] = True  # quickstart-like: one secret to start
            model.secret_ids[conn["clientSecret"]] = conn["clientSecrets"][0]["id"]
            self.connections.append(model)

    def _clock(self) -> float:
        from mockst.encoding import parse_datetime

        return parse_datetime(self.http.get("/_mock/clock").json()["now"]).timestamp()

    def teardown(self) -> None:
        self.http.close()

    # -- rules ---------------------------------------------------------------------------------

    @rule(which=st.integers(0, 1))
    def generate_secret(self, which: int) -> None:
        conn = self.connections[which]
        response = self.http.post(f"/_mock/connections/{conn.client_id}/secrets")
        active = sum(conn.secrets.values())
        if active >= 2:
            assert response.status_code == 409
            return
        assert response.status_code == 200, response.text
        body = response.json()
        conn.secrets[body["clientSecret"]] = True
        conn.secret_ids[body["clientSecret"]] = body["id"]

    @rule(which=st.integers(0, 1), pick=st.integers(0, 5))
    def deactivate_secret(self, which: int, pick: int) -> None:
        conn = self.connections[which]
        if not conn.secrets:
            return
        value = sorted(conn.secrets)[pick % len(conn.secrets)]
        secret_id = conn.secret_ids[value]
        response = self.http.post(
            f"/_mock/connections/{conn.client_id}/secrets/{secret_id}/deactivate"
        )
        assert response.status_code == 200
        conn.secrets[value] = False

    @rule(seconds=st.sampled_from([1, 60, 299, 600, 899, 900, 901, 1800]))
    def advance_clock(self, seconds: int) -> None:
        self.http.post("/_mock/clock/advance", json={"seconds": seconds})
        self.now += seconds

    @rule(which=st.integers(0, 1), enabled=st.booleans())
    def toggle_connection(self, which: int, enabled: bool) -> None:
        conn = self.connections[which]
        action = "enable" if enabled else "disable"
        assert self.http.post(f"/_mock/connections/{conn.client_id}/{action}").status_code == 200
        conn.enabled = enabled

    @rule(scopes=st.sampled_from(SCOPE_SETS))
    def change_scopes(self, scopes: list[str]) -> None:
        response = self.http.put(f"/_mock/apps/{self.app['id']}/scopes", json={"scopes": scopes})
        assert response.status_code == 200
        self.app_scopes = list(scopes)

    @rule(which=st.integers(0, 1))
    def accept_version(self, which: int) -> None:
        conn = self.connections[which]
        response = self.http.post(f"/_mock/connections/{conn.client_id}/accept-version")
        assert response.status_code == 200
        conn.accepted = list(self.app_scopes)

    @rule(which=st.integers(0, 1), pick=st.integers(0, 5), wrong=st.booleans())
    def take_token(self, which: int, pick: int, wrong: bool) -> None:
        conn = self.connections[which]
        values = sorted(conn.secrets) or ["cs1.never-generated"]
        secret = values[pick % len(values)] + ("x" if wrong else "")
        response = self.http.post("/connect/token", data={
            "grant_type": "client_credentials", "client_id": conn.client_id,
            "client_secret": secret,
        })
        should_work = conn.enabled and conn.secrets.get(secret, False)
        if not should_work:
            assert response.status_code == 400
            assert response.json()["error"] == "invalid_client"
            return
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["scope"].split() == conn.accepted
        self.tokens.append(
            ModelToken(body["access_token"], conn.client_id, tuple(conn.accepted), self.now + 900)
        )

    @rule(pick=st.integers(0, 50), own_tenant=st.booleans())
    def call_api(self, pick: int, own_tenant: bool) -> None:
        if not self.tokens:
            return
        token = self.tokens[-1 - pick % len(self.tokens)]  # recent tokens more often
        conn = next(c for c in self.connections if c.client_id == token.connection)
        other = next(c for c in self.connections if c is not conn)
        target = conn if own_tenant else other
        response = self.http.get(
            f"/crm/v2/tenant/{target.tenant_id}/booking-provider-tags",
            headers={"ST-App-Key": self.app["appKey"], "Authorization": f"Bearer {token.value}"},
        )
        if self.now >= token.expires_at or not conn.enabled:
            expected = 401
        elif not own_tenant or READ_TAGS not in token.scopes:
            expected = 403
        else:
            expected = 200
        assert response.status_code == expected, (response.status_code, response.text)
        if expected == 200:
            names = [t["tagName"] for t in response.json()["data"]]
            assert names == [conn.tag_name]

    # -- invariants ----------------------------------------------------------------------------

    @invariant()
    def at_most_two_active_secrets(self) -> None:
        for conn in self.connections:
            listed = self.http.get(f"/_mock/connections/{conn.client_id}/secrets").json()
            active = [s for s in listed if s["active"]]
            assert len(active) <= 2
            assert len(active) == sum(conn.secrets.values())


IdentityRules.TestCase.settings = settings(
    max_examples=30, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestIdentityRules = IdentityRules.TestCase
