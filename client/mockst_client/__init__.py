"""A thin reference client for ServiceTitan's REST API (CRM, Settings, Job Planning, Dispatch,
Telecom, Pricebook, Equipment Systems v2).

It runs unchanged against ServiceTitan (production or integration) and against the ``mockst``
simulator, and shows what a careful connector does: one token per lifetime shared by every call,
one refresh on a 401, ``Retry-After`` honoured on 429, jittered retries of idempotent calls on 5xx
and network errors (never of a POST or PATCH), pages and export feeds read to the end, typed errors.
It depends on httpx only.

    from mockst_client import ServiceTitanClient

    with ServiceTitanClient.from_env() as st:          # ST_TENANT_ID, ST_APP_KEY, ...
        tags = st.detect_booking_providers()
        for customer in st.customers.iter_all(phone="5551234567"):
            ...
        feed = st.customers.export(from_=saved_token)
        for batch in feed:
            store(batch.data)
            saved_token = batch.continue_from

``Scheduler`` (``mockst_client.booking``) books jobs carefully: open slots from capacity in true
UTC, references from the tenant's lists, one job per caller's key, found again after a lost answer.

``AsyncServiceTitanClient`` has the same surface with ``await`` / ``async for`` (``Scheduler`` is
synchronous; every call it makes is on the async client too).
Log output goes to the ``mockst_client`` logger and never contains a token, secret or app key.
"""

from .async_client import AsyncServiceTitanClient
from .auth import ServiceTitanAuth
from .booking import BookingError, ExternalKey, JobRequest, Scheduler, Slot, open_slots
from .client import ServiceTitanClient
from .config import ENVIRONMENTS, ClientConfig, config_from_env
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServiceTitanError,
    TokenError,
)
from .paging import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AsyncExportIterator,
    ExportBatch,
    ExportIterator,
)
from .retry import IDEMPOTENT_METHODS, RetryPolicy, parse_retry_after

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "ENVIRONMENTS",
    "IDEMPOTENT_METHODS",
    "MAX_PAGE_SIZE",
    "ApiError",
    "AsyncExportIterator",
    "AsyncServiceTitanClient",
    "AuthenticationError",
    "BadRequestError",
    "BookingError",
    "ClientConfig",
    "ConfigurationError",
    "ConflictError",
    "ExportBatch",
    "ExportIterator",
    "ExternalKey",
    "ForbiddenError",
    "JobRequest",
    "NotFoundError",
    "RateLimitedError",
    "RetryPolicy",
    "Scheduler",
    "ServerError",
    "ServiceTitanAuth",
    "ServiceTitanClient",
    "ServiceTitanError",
    "Slot",
    "TokenError",
    "config_from_env",
    "open_slots",
    "parse_retry_after",
]
