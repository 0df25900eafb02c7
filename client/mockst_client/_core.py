"""What the sync and async clients share: configuration, URLs, retry decisions, decoding.

Everything here is free of I/O, so the two clients differ only in how they send, sleep and
iterate; a fix to a rule is made once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Generic, Self, TypeVar, cast

import httpx

from ._log import logger, redact
from .auth import Clock, ServiceTitanAuth
from .config import ClientConfig, config_from_env
from .errors import ConfigurationError, ServiceTitanError, TokenError, api_error_from_response
from .resources import (
    Appointments,
    BookingProviderTags,
    BusinessUnits,
    Calls,
    Campaigns,
    Capacity,
    Categories,
    Customers,
    DiscountsAndFees,
    Employees,
    EquipmentTypes,
    Estimates,
    InstalledEquipment,
    Jobs,
    JobTypes,
    Leads,
    Locations,
    Materials,
    Pricebook,
    PricebookEquipment,
    ProviderBookings,
    Services,
    TagTypes,
    Technicians,
    TenantBookings,
)
from .resources._base import Api
from .retry import RetryPolicy, parse_retry_after

#: ServiceTitan cuts requests off after 100 s server-side; wait a little longer than that for an
#: answer (httpx's 5 s default would abandon slow but successful exports), but fail fast on connect.
DEFAULT_TIMEOUT = httpx.Timeout(110.0, connect=10.0)

API_VERSION = "v2"

Outcome = httpx.Response | httpx.TransportError | TokenError


def encode_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Render query values the way ServiceTitan expects them.

    ``None`` is dropped (httpx would send an empty value, which the API reads as a filter on "");
    sequences become comma-separated (``ids=1,2,3``); dates become ISO 8601. Booleans are left to
    httpx, which sends ``true``/``false``.
    """
    encoded: dict[str, Any] = {}
    for name, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            value = ",".join(str(item) for item in value)
        elif isinstance(value, datetime | date):
            value = value.isoformat()
        encoded[name] = value
    return encoded


def _failed_request(error: httpx.TransportError) -> httpx.Request | None:
    # httpx attaches the request it was sending; an error raised elsewhere may have none.
    try:
        return error.request
    except RuntimeError:
        return None


# What a single call, a read of every row and an export return: values and iterators for the
# sync client, awaitables and async iterators for its twin (see resources/_base.py).
R = TypeVar("R")
P = TypeVar("P")
E = TypeVar("E")


class ClientCore(Generic[R, P, E]):
    """Configuration and the I/O-free half of every call."""

    customers: Customers[R, P, E]
    locations: Locations[R, P, E]
    booking_provider_tags: BookingProviderTags[R, P, E]
    bookings: ProviderBookings[R, P, E]
    tenant_bookings: TenantBookings[R, P, E]
    leads: Leads[R, P, E]
    employees: Employees[R, P, E]
    technicians: Technicians[R, P, E]
    business_units: BusinessUnits[R, P, E]
    tag_types: TagTypes[R, P, E]
    jobs: Jobs[R, P, E]
    appointments: Appointments[R, P, E]
    job_types: JobTypes[R, P, E]
    campaigns: Campaigns[R, P, E]
    calls: Calls[R, P, E]
    services: Services[R, P, E]
    materials: Materials[R, P, E]
    pricebook_equipment: PricebookEquipment[R, P, E]
    discounts_and_fees: DiscountsAndFees[R, P, E]
    categories: Categories[R, P, E]
    pricebook: Pricebook[R, P, E]
    installed_equipment: InstalledEquipment[R, P, E]
    equipment_types: EquipmentTypes[R, P, E]
    capacity: Capacity[R, P, E]
    estimates: Estimates[R, P, E]

    def __init__(
        self,
        config: ClientConfig,
        *,
        clock: Clock,
        token_margin: float,
        retry: RetryPolicy | None,
    ) -> None:
        self.config = config
        self.auth = ServiceTitanAuth(config, clock=clock, margin=token_margin)
        self.retry = retry or RetryPolicy()
        # The resource helpers call back into this client, through the calls each twin adds.
        api = cast("Api[R, P, E]", self)
        self.customers = Customers(api)
        self.locations = Locations(api)
        self.booking_provider_tags = BookingProviderTags(api)
        self.bookings = ProviderBookings(api)
        self.tenant_bookings = TenantBookings(api)
        self.leads = Leads(api)
        self.employees = Employees(api)
        self.technicians = Technicians(api)
        self.business_units = BusinessUnits(api)
        self.tag_types = TagTypes(api)
        self.jobs = Jobs(api)
        self.appointments = Appointments(api)
        self.job_types = JobTypes(api)
        self.campaigns = Campaigns(api)
        self.calls = Calls(api)
        self.services = Services(api)
        self.materials = Materials(api)
        self.pricebook_equipment = PricebookEquipment(api)
        self.discounts_and_fees = DiscountsAndFees(api)
        self.categories = Categories(api)
        self.pricebook = Pricebook(api)
        self.installed_equipment = InstalledEquipment(api)
        self.equipment_types = EquipmentTypes(api)
        self.capacity = Capacity(api)
        self.estimates = Estimates(api)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> Self:
        """Build from ``ST_*`` variables (see :func:`config_from_env`); ``options`` are the
        non-credential keyword arguments (``transport``, ``clock``, ``retry``...).

        ``booking_provider_id=`` (the tag picked after :meth:`detect_booking_providers`) wins over
        ``ST_BOOKING_PROVIDER_ID``.
        """
        config = config_from_env(environ)
        options.setdefault("booking_provider_id", config.booking_provider_id)
        twin: Callable[..., Self] = cls  # the twins' constructors take the credentials
        return twin(
            tenant_id=config.tenant_id,
            app_key=config.app_key,
            client_id=config.client_id,
            client_secret=config.client_secret,
            auth_url=config.auth_url,
            api_url=config.api_url,
            **options,
        )

    @staticmethod
    def _owns(transport: object, http_client: object) -> bool:
        """Whether the client makes (and so closes) its own HTTP client."""
        if http_client is not None and transport is not None:
            raise ConfigurationError("give transport or http_client, not both")
        return http_client is None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(tenant_id={self.config.tenant_id}, "
            f"api_url={self.config.api_url!r}, auth_url={self.config.auth_url!r})"
        )

    @property
    def tenant_id(self) -> int:
        return self.config.tenant_id

    @property
    def booking_provider_id(self) -> int | None:
        return self.config.booking_provider_id

    def url(self, module: str, resource: str) -> str:
        """``{api_url}/{module}/v2/tenant/{tenant}/{resource}``; a module that names its version
        (Telecom's ``telecom/v3``: its paths carry one each) is used as it is."""
        versioned = module if "/" in module else f"{module}/{API_VERSION}"
        return (
            f"{self.config.api_url}/{versioned}/tenant/"
            f"{self.config.tenant_id}/{resource.lstrip('/')}"
        )

    def _retry_delay(self, method: str, url: str, attempt: int, outcome: Outcome) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` when ``outcome`` is final."""
        path = httpx.URL(url).path
        if isinstance(outcome, httpx.Response):
            self._log_response(outcome, attempt)
            delay = self.retry.delay_for_response(method, outcome, attempt)
            reason = f"status {outcome.status_code}"
        elif isinstance(outcome, TokenError):
            # The API request was never sent, so any method may be retried after a token-endpoint
            # 429/5xx; refusals such as invalid_client are final (delay_for_response says None).
            if outcome.response is None:
                return None
            delay = self.retry.delay_for_response(method, outcome.response, attempt, sent=False)
            reason = f"token endpoint status {outcome.status_code}"
        else:
            failed = _failed_request(outcome)
            sent = failed is None or not self.auth.is_token_request(failed)
            delay = self.retry.delay_for_error(method, attempt, sent=sent)
            reason = type(outcome).__name__ + ("" if sent else " on token request")
        if delay is None:
            return None
        logger.warning(
            "%s %s: %s; retrying in %.2fs (attempt %d of %d)",
            method,
            path,
            reason,
            delay,
            attempt + 1,
            self.retry.max_attempts,
        )
        return delay

    @staticmethod
    def _log_response(response: httpx.Response, attempt: int) -> None:
        request = response.request
        logger.debug(
            "%s %s -> %d (attempt %d) headers=%s",
            request.method,
            request.url.path,
            response.status_code,
            attempt,
            redact(request.headers.items()),
        )

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        """The JSON body of a successful response, or the typed error for a failed one."""
        if response.is_error:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            raise api_error_from_response(response, retry_after=retry_after)
        if not response.content:
            return None  # deletes, dismissals and bulk tag calls answer 200 with no body
        try:
            return response.json()
        except ValueError:
            request = response.request
            raise ServiceTitanError(
                f"{request.method} {request.url.path} answered {response.status_code} "
                "with a body that is not JSON"
            ) from None
