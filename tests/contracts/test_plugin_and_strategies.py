"""The pytest plugin's fixtures and the strategies, used the way a vendor would use them."""

from __future__ import annotations

import subprocess
import sys

import httpx
import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mockst_contracts import strategies as sts
from mockst_contracts.journal import TOKEN_REFUSALS

from mockst.crm.models.bookings import CreateBookingRequest
from mockst.crm.models.customers import CreateCustomerRequest
from mockst.crm.models.leads import LeadCreateRequest

FIXTURE_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FIXTURE_SETTINGS
@given(customer=sts.customers(), booking=sts.bookings(), lead=sts.leads())
def test_generated_entities_are_valid_and_accepted(st_tenant, customer, booking, lead):
    for body, model in (
        (customer, CreateCustomerRequest),
        (booking, CreateBookingRequest),
        (lead, LeadCreateRequest),
    ):
        model.model_validate_json(orjson.dumps(body), strict=True)
    headers = st_tenant.headers()
    created = httpx.post(f"{st_tenant.crm}/customers", json=customer, headers=headers)
    assert created.status_code == 200, created.text
    assert len(created.json()["locations"]) == len(customer["locations"])
    provider = st_tenant.booking_provider_id
    path = f"{st_tenant.crm}/booking-provider/{provider}/bookings"
    response = httpx.post(path, json=booking, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["bookingProviderId"] == provider
    response = httpx.post(f"{st_tenant.crm}/leads", json=lead, headers=headers)
    assert response.status_code == 200, response.text


@settings(max_examples=10, deadline=None, database=None, derandomize=True)
@given(world=sts.worlds(st.integers(1, 5), st.integers(0, 2), st.integers(0, 2)))
def test_worlds_have_the_sizes_asked_for(world):
    counts = world.counts()
    assert 1 <= counts["customers"] <= 5
    assert counts["locations"] >= counts["customers"]
    assert set(world.bookings) == {"own", "other"}
    assert all(
        any(c["type"] in ("Phone", "MobilePhone", "Email") for c in b.get("contacts") or ())
        or b.get("address")
        for bs in world.bookings.values()
        for b in bs
    )


@settings(max_examples=50, deadline=None, database=None, derandomize=True)
@given(phone=sts.phone_numbers(), email=sts.emails(), address=sts.addresses())
def test_scalars_look_like_their_kind(phone, email, address):
    digits = "".join(ch for ch in phone if ch.isdigit())
    assert len(digits) in (10, 11)
    local, _, domain = email.partition("@")
    assert local and "." in domain
    assert address["country"] == "USA" and address["street"].strip()


def test_tenant_fixture_gives_a_working_connection(st_tenant, st_journal):
    env = st_tenant.env()
    assert {
        "ST_AUTH_URL", "ST_API_URL", "ST_TENANT_ID", "ST_APP_KEY", "ST_CLIENT_ID",
        "ST_CLIENT_SECRET", "ST_BOOKING_PROVIDER_ID",
    } <= set(env)  # fmt: skip
    with st_tenant.client() as client:
        tags = client.detect_booking_providers()
        assert {t["id"] for t in tags} == {
            st_tenant.booking_provider_id,
            st_tenant.other_provider_id,
        }
        assert list(client.customers.iter_all()) == []
    api = st_journal.api()
    assert [e.operation_id for e in api] == ["BookingProviderTags_GetList", "Customers_GetList"]
    assert all(e.app_key == st_tenant.app_key and e.status == 200 for e in api)
    assert len(st_journal.tokens()) == 1


def test_clock_fixture_expires_tokens(st_tenant, st_journal, st_clock):
    headers = st_tenant.headers()
    assert httpx.get(f"{st_tenant.crm}/customers", headers=headers).status_code == 200
    before = st_clock.now()
    st_clock.advance(minutes=16)
    assert (st_clock.now() - before).total_seconds() >= 960
    try:
        refused = httpx.get(f"{st_tenant.crm}/customers", headers=headers)
    finally:
        st_clock.advance(minutes=-16)
    assert refused.status_code == 401
    assert st_journal.api()[-1].refusal in TOKEN_REFUSALS


def test_tenants_are_isolated(st_tenant, mockst_server):
    other = httpx.post(f"{mockst_server.base_url}/_mock/quickstart", json={}).json()
    foreign = f"{mockst_server.base_url}/crm/v2/tenant/{other['tenantId']}/customers"
    assert httpx.get(foreign, headers=st_tenant.headers()).status_code == 403


def test_plugin_and_cli_import_without_the_kit_dependencies():
    """Installing mockst without hypothesis/schemathesis must not break pytest or the CLI."""
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "sys.modules['schemathesis'] = None\n"
        "import mockst_contracts, mockst_contracts.plugin, mockst_contracts.cli\n"
        "from mockst.cli import build_parser, main\n"
        "assert main(['verify', '--list']) == 0\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_tenant_fixture_reaches_every_family(st_tenant):
    headers = st_tenant.headers()
    assert st_tenant.family_url("crm") == st_tenant.crm
    jobs = httpx.get(f"{st_tenant.family_url('jpm')}/jobs", headers=headers)
    assert jobs.status_code == 200 and jobs.json()["data"] == []
    calls = httpx.get(f"{st_tenant.family_url('telecom', 'v3')}/calls", headers=headers)
    assert calls.status_code == 200
    reasons = httpx.get(f"{st_tenant.family_url('jbce')}/call-reasons", headers=headers)
    assert reasons.status_code == 200
