"""Typed errors carry what ServiceTitan said: status, title, type, traceId, field errors, data."""

from __future__ import annotations

import httpx
import pytest
from fakes import FakeServiceTitan, api_error, sync_client
from mockst_client import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServiceTitanError,
    TokenError,
)
from mockst_client.errors import api_error_from_response, token_error_from_response

REQUEST = httpx.Request("POST", "https://api.fake.test/crm/v2/tenant/1/customers")


def test_validation_error_carries_every_field() -> None:
    fake = FakeServiceTitan()
    body = {
        "type": "https://tools.ietf.org/html/rfc7231#section-6.5.1",
        "title": "One or more validation errors occurred.",
        "status": 400,
        "traceId": "00-abc-def-00",
        "errors": {"address.zip": ["The Zip field is required."], "name": ["Too long.", "Bad."]},
        "data": {"hint": 1},
    }
    fake.script("POST", "customers", httpx.Response(400, json=body))
    client, _ = sync_client(fake)
    with pytest.raises(BadRequestError) as caught:
        client.customers.create({"name": "x"})
    error = caught.value
    assert (error.status, error.status_code) == (400, 400)
    assert error.title == "One or more validation errors occurred."
    assert error.type == "https://tools.ietf.org/html/rfc7231#section-6.5.1"
    assert error.trace_id == "00-abc-def-00"
    assert error.errors == body["errors"]
    assert error.data == {"hint": 1}
    assert error.response is not None and error.response.status_code == 400
    message = str(error)
    assert "400 One or more validation errors occurred." in message
    assert "POST /crm/v2/tenant/4242/customers" in message
    assert "address.zip: The Zip field is required." in message
    assert "traceId=00-abc-def-00" in message


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitedError),
        (500, ServerError),
        (503, ServerError),
        (418, ApiError),
    ],
)
def test_status_maps_to_error_class(status: int, kind: type[ApiError]) -> None:
    error = api_error_from_response(httpx.Response(status, json={}, request=REQUEST))
    assert type(error) is kind
    assert isinstance(error, ServiceTitanError)
    assert error.status == status


def test_not_found_through_the_client() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    with pytest.raises(NotFoundError) as caught:
        client.customers.get(99)
    assert caught.value.title == "Customer not found"
    assert caught.value.trace_id == "trace-404"


def test_non_json_error_body_still_gives_a_useful_error() -> None:
    fake = FakeServiceTitan()
    html = "<html><body>502 Bad Gateway</body></html>"
    fake.script("POST", "leads", httpx.Response(502, text=html))
    client, _ = sync_client(fake)
    with pytest.raises(ServerError) as caught:
        client.leads.create({"summary": "x"})
    assert caught.value.status == 502
    assert caught.value.title == html
    assert caught.value.errors == {} and caught.value.trace_id is None


def test_empty_error_body_uses_the_reason_phrase() -> None:
    error = api_error_from_response(httpx.Response(403, request=REQUEST))
    assert error.title == "Forbidden"


def test_long_text_body_is_shortened() -> None:
    error = api_error_from_response(httpx.Response(500, text="x" * 5000, request=REQUEST))
    assert len(error.title) < 300


def test_gateway_shaped_body_uses_its_message() -> None:
    body = {"statusCode": 401, "message": "Access denied due to invalid subscription key."}
    error = api_error_from_response(httpx.Response(401, json=body, request=REQUEST))
    assert isinstance(error, AuthenticationError)
    assert error.title == "Access denied due to invalid subscription key."


def test_wrong_app_key_is_an_authentication_error() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake, app_key="ak1.wrong")
    with pytest.raises(AuthenticationError, match="app key"):
        client.customers.list()


def test_conflict() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "locations", api_error(409, "Unknown customer"))
    client, _ = sync_client(fake)
    with pytest.raises(ConflictError, match="Unknown customer"):
        client.locations.create({"customerId": 1})


def test_rate_limited_error_keeps_retry_after() -> None:
    response = httpx.Response(429, headers={"Retry-After": "9"}, request=REQUEST)
    error = api_error_from_response(response, retry_after=9.0)
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 9.0


def test_field_errors_tolerate_bare_strings() -> None:
    body = {"title": "Bad", "errors": {"name": "required"}}
    error = api_error_from_response(httpx.Response(400, json=body, request=REQUEST))
    assert error.errors == {"name": ["required"]}


def test_token_error_fields() -> None:
    body = {"error": "invalid_client", "error_description": "secret deactivated"}
    error = token_error_from_response(httpx.Response(400, json=body))
    assert isinstance(error, ServiceTitanError)
    assert (error.status_code, error.error) == (400, "invalid_client")
    assert error.error_description == "secret deactivated"
    assert "invalid_client: secret deactivated" in str(error)


def test_token_error_from_non_json_body() -> None:
    error = token_error_from_response(httpx.Response(503, text="Service Unavailable"))
    assert isinstance(error, TokenError)
    assert error.error is None
    assert "503" in str(error) and "Service Unavailable" in str(error)


def test_success_with_non_json_body_is_reported() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", httpx.Response(200, text="<html>login</html>"))
    client, _ = sync_client(fake)
    with pytest.raises(ServiceTitanError, match="not JSON"):
        client.customers.list()
