"""Hypothesis strategies for valid ServiceTitan entities and whole worlds.

Request bodies are built from the simulator's pydantic request models (``from_model``): every
field of the official schema, required fields always, optional ones sometimes, with the right JSON
types, enums and nesting. Fields whose valid values are narrower than their type (names must not be
blank, an Email contact holds an address, a booking needs an address or a contact…) get domain
strategies. Everything generated is JSON-ready (plain dicts, ISO date-times) and is accepted by the
simulator and, as far as the documents tell, by ServiceTitan.

    from hypothesis import given
    from mockst_contracts import strategies as sts

    @given(sts.customers())
    def test_my_mapping(customer):
        row = my_connector.to_servicetitan(customer)   # your code
        ...

Strategies are named after what they generate: ``addresses()``, ``phone_numbers()``,
``contacts()``, ``customers()``, ``locations()``, ``bookings()``, ``leads()``, ``worlds()``.
"""

from __future__ import annotations

import string
import types
import typing
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Union

from hypothesis import strategies as st
from pydantic import BaseModel

from mockst.crm.models.bookings import CreateBookingRequest
from mockst.crm.models.common import ContactType, CustomerAddress, NewCustomerContact
from mockst.crm.models.customers import CreateCustomerRequest, NewLocation
from mockst.crm.models.leads import LeadCreateRequest
from mockst.crm.models.locations import CreateLocationRequest

__all__ = [
    "World",
    "addresses",
    "booked_visits",
    "bookings",
    "contacts",
    "customers",
    "emails",
    "from_model",
    "job_type_specs",
    "leads",
    "locations",
    "names",
    "new_locations",
    "phone_numbers",
    "schedules",
    "technician_specs",
    "windows",
    "worlds",
]

Json = dict[str, Any]

# -- scalars -------------------------------------------------------------------------------------

FIRST = ("Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lee")
LAST = ("Nguyen", "O'Brien", "Smith", "García", "Kowalski", "Okafor", "Chen", "Müller", "Park")
STREETS = ("Main St", "Oak Ave", "Elm St", "2nd St", "Lakeview Dr", "Sunset Blvd", "Mill Rd")
CITIES = (
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Tampa", "FL", "336"),
    ("Columbus", "OH", "432"),
    ("Phoenix", "AZ", "850"),
    ("Springfield", "IL", "627"),
)
AREA_CODES = ("512", "303", "813", "614", "602", "217")
DOMAINS = ("example.com", "example.org", "mail.test")


def _non_blank(max_size: int = 40) -> st.SearchStrategy[str]:
    """Printable text with at least one non-space character (ASP.NET [Required] rejects blank)."""
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
    return st.text(alphabet, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def names() -> st.SearchStrategy[str]:
    """A person's or a business's name: usually realistic, sometimes any non-blank text."""
    person = st.builds(lambda f, last: f"{f} {last}", st.sampled_from(FIRST), st.sampled_from(LAST))
    business = st.builds(
        lambda last, kind: f"{last} {kind}",
        st.sampled_from(LAST),
        st.sampled_from(("Plumbing", "HVAC LLC", "Properties", "& Sons", "Dental")),
    )
    return st.one_of(person, person, business, _non_blank(60))


def phone_numbers() -> st.SearchStrategy[str]:
    """US phone numbers in the shapes people type them: (512) 555-0142, 512-555-0142, 5125550142."""

    def shape(area: str, line: int, style: int) -> str:
        digits = f"{area}555{line:04d}"
        return (
            f"({digits[:3]}) {digits[3:6]}-{digits[6:]}",
            f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
            digits,
            f"+1{digits}",
        )[style]

    return st.builds(shape, st.sampled_from(AREA_CODES), st.integers(100, 199), st.integers(0, 3))


def emails() -> st.SearchStrategy[str]:
    local = st.text(string.ascii_lowercase + string.digits + "._", min_size=1, max_size=16).filter(
        lambda s: s[0] not in "._" and s[-1] not in "._"
    )
    return st.builds(lambda u, d: f"{u}@{d}", local, st.sampled_from(DOMAINS))


def addresses(coordinates: bool = True) -> st.SearchStrategy[Json]:
    """A ``CustomerAddress`` (street, unit, city, state, zip, country, latitude, longitude)."""

    def build(number: int, street: str, unit: str | None, city: tuple, zip4: int, lat, lon):
        name, state, prefix = city
        return {
            "street": f"{number} {street}",
            "unit": unit,
            "city": name,
            "state": state,
            "zip": f"{prefix}{zip4:02d}",
            "country": "USA",
            "latitude": lat,
            "longitude": lon,
        }

    coordinate = (
        st.none() | st.floats(-89.9, 89.9, allow_nan=False).map(lambda v: round(v, 6))
        if coordinates
        else st.none()
    )
    return st.builds(
        build,
        st.integers(1, 99_999),
        st.sampled_from(STREETS),
        st.none() | st.sampled_from(("Apt 4", "Unit B", "#12", "Suite 300")),
        st.sampled_from(CITIES),
        st.integers(0, 99),
        coordinate,
        coordinate.map(lambda v: v if v is None else round(v * 2, 6)),
    )


def contacts(
    types_: tuple[str, ...] = tuple(t.value for t in ContactType),
) -> st.SearchStrategy[Json]:
    """A ``NewCustomerContact``: a Phone/MobilePhone/Fax number or an Email address."""

    def build(kind: str, data: st.DataObject) -> Json:
        value = data.draw(emails() if kind == "Email" else phone_numbers())
        memo = data.draw(st.none() | st.sampled_from(("office", "cell", "after 5pm", "")))
        return {"type": kind, "value": value, "memo": memo}

    return st.builds(build, st.sampled_from(types_), st.data())


# -- from the models -----------------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) with Annotated[...] and ``X | None`` peeled off."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, optional
        else:
            return annotation, optional


def _for_type(annotation: Any) -> st.SearchStrategy[Any]:
    inner, _ = _unwrap(annotation)
    origin = typing.get_origin(inner)
    if origin is list:
        (item,) = typing.get_args(inner) or (Any,)
        return st.lists(_for_type(item), max_size=3)
    if isinstance(inner, type):
        if issubclass(inner, BaseModel):
            return from_model(inner)
        if issubclass(inner, Enum):
            return st.sampled_from([m.value for m in inner])
        if issubclass(inner, bool):
            return st.booleans()
        if issubclass(inner, int):
            return st.integers(1, 2**40)
        if issubclass(inner, float):
            return st.floats(0, 10_000, allow_nan=False).map(lambda v: round(v, 2))
        if issubclass(inner, str):
            return _non_blank()
        if issubclass(inner, datetime):
            return datetimes()
        if issubclass(inner, uuid.UUID):
            return st.uuids().map(str)
    return st.none()


def datetimes(
    start: datetime = datetime(2024, 1, 1, tzinfo=UTC), days: int = 365
) -> st.SearchStrategy[str]:
    """ISO-8601 UTC date-times (``2024-05-01T13:45:00Z``) within ``days`` of ``start``."""
    return st.integers(0, days * 86_400).map(
        lambda s: (start + timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def from_model(model: type[BaseModel], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    """JSON dicts valid for ``model``: required fields always, optional ones sometimes.

    ``fields`` override the strategy of a field by its wire name; ``st.nothing()`` or
    ``omit()`` leaves it out, ``st.none()`` sends ``null``.
    """
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        strategy = fields.get(key)
        if strategy is None:
            strategy = _for_type(info.annotation)
        if info.is_required():
            required[key] = strategy
        else:
            optional[key] = strategy
    return st.fixed_dictionaries(required, optional=optional).map(_drop_omitted)


_OMIT = object()


def omit() -> st.SearchStrategy[Any]:
    """Leave the field out of the body altogether."""
    return st.just(_OMIT)


def _drop_omitted(body: Json) -> Json:
    return {k: v for k, v in body.items() if v is not _OMIT}


# -- entities ------------------------------------------------------------------------------------

_NOT_DRAWN = omit()  # references to rows that may not exist: never invented


def new_locations() -> st.SearchStrategy[Json]:
    """A ``NewLocation`` of a new customer (``locations[]`` of ``CreateCustomerRequest``)."""
    return from_model(
        NewLocation,
        name=st.one_of(st.sampled_from(("Home", "Office", "Rental", "Warehouse")), _non_blank(30)),
        address=addresses(),
        contacts=st.none() | st.lists(contacts(), max_size=2),
        customFields=_NOT_DRAWN,
        tagTypeIds=_NOT_DRAWN,
        externalData=_NOT_DRAWN,
    )


def customers(locations: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[Json]:
    """A ``CreateCustomerRequest``: a customer with its locations (1 to 3 by default) and
    contacts."""
    locations = st.integers(1, 3) if locations is None else locations
    return locations.flatmap(
        lambda n: from_model(
            CreateCustomerRequest,
            name=names(),
            address=addresses(),
            locations=st.lists(new_locations(), min_size=n, max_size=n),
            contacts=st.none() | st.lists(contacts(), max_size=3),
            customFields=_NOT_DRAWN,
            tagTypeIds=_NOT_DRAWN,
            externalData=_NOT_DRAWN,
            paymentTermId=_NOT_DRAWN,
            creditLimit=_NOT_DRAWN,
            creditLimitBalance=_NOT_DRAWN,
        )
    )


def locations(customer_id: int | st.SearchStrategy[int]) -> st.SearchStrategy[Json]:
    """A ``CreateLocationRequest`` for an existing customer."""
    customer = customer_id if isinstance(customer_id, st.SearchStrategy) else st.just(customer_id)
    return from_model(
        CreateLocationRequest,
        customerId=customer,
        name=st.sampled_from(("Home", "Office", "Cabin", "Shop")),
        address=addresses(),
        contacts=st.none() | st.lists(contacts(), max_size=2),
        customFields=_NOT_DRAWN,
        tagTypeIds=_NOT_DRAWN,
        externalData=_NOT_DRAWN,
    )


def external_ids() -> st.SearchStrategy[str]:
    return st.uuids().map(lambda u: f"ext-{u.hex[:12]}")


def bookings(external_id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Json]:
    """A ``CreateBookingRequest``: a name plus an address or a reachable contact (DOC-CRM)."""
    reachable = contacts(("Phone", "MobilePhone", "Email"))

    def fix(body: Json) -> Json:
        if not body.get("address") and not any(
            c["type"] in ("Phone", "MobilePhone", "Email") for c in body.get("contacts") or ()
        ):
            body = {
                **body,
                "contacts": [
                    *(body.get("contacts") or ()),
                    {"type": "Phone", "value": "5125550100", "memo": None},
                ],
            }
        return body

    booking_contacts = st.lists(
        reachable.map(lambda c: {"type": c["type"], "value": c["value"], "memo": c["memo"]}),
        max_size=2,
    )
    return from_model(
        CreateBookingRequest,
        source=st.sampled_from(("Web", "Phone", "Chat", "Partner")),
        name=names(),
        summary=_non_blank(80),
        externalId=external_id or external_ids(),
        address=st.none() | addresses(coordinates=False).map(_booking_address),
        contacts=st.none() | booking_contacts,
        customerType=st.none() | st.sampled_from(("Residential", "Commercial")),
        start=st.none() | datetimes(),
        campaignId=_NOT_DRAWN,
        businessUnitId=_NOT_DRAWN,
        jobTypeId=_NOT_DRAWN,
        uploadedImages=st.none() | st.lists(st.just("https://example.com/p.jpg"), max_size=1),
    ).map(fix)


def _booking_address(address: Json) -> Json:
    return {k: address[k] for k in ("street", "unit", "city", "state", "zip", "country")}


def leads(campaign_id: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[Json]:
    """A ``LeadCreateRequest`` without a customer: a call reason or a follow-up date is given."""
    campaign_id = st.integers(1, 10_000) if campaign_id is None else campaign_id

    def fix(body: Json, follow_up: bool) -> Json:
        body = dict(body)
        if follow_up:
            body.setdefault("followUpDate", None)
            if body["followUpDate"] is None:
                body["followUpDate"] = "2025-01-15T15:00:00Z"
        elif body.get("callReasonId") is None:
            body["callReasonId"] = 1
        return body

    body = from_model(
        LeadCreateRequest,
        campaignId=campaign_id,
        summary=_non_blank(80),
        customerId=_NOT_DRAWN,
        locationId=_NOT_DRAWN,
        bookingId=_NOT_DRAWN,
        businessUnitId=_NOT_DRAWN,
        jobTypeId=_NOT_DRAWN,
        tagTypeIds=_NOT_DRAWN,
        callReasonId=st.none() | st.integers(1, 100),
        followUpDate=st.none() | datetimes(),
        leadCustomerName=st.none() | names(),
        leadPhone=st.none() | phone_numbers(),
        leadEmail=st.none() | emails(),
    )
    return st.builds(fix, body, st.booleans())


# -- worlds --------------------------------------------------------------------------------------


@dataclass
class World:
    """What one tenant holds: customers (with locations and contacts), bookings per booking
    provider (``"own"`` and ``"other"``), and leads. Bodies only; ids come when it is loaded."""

    customers: list[Json] = field(default_factory=list)
    bookings: dict[str, list[Json]] = field(default_factory=dict)
    leads: list[Json] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "customers": len(self.customers),
            "locations": sum(len(c["locations"]) for c in self.customers),
            "bookings": sum(len(b) for b in self.bookings.values()),
            "leads": len(self.leads),
        }


def worlds(
    customers_: st.SearchStrategy[int] | None = None,
    bookings_: st.SearchStrategy[int] | None = None,
    leads_: st.SearchStrategy[int] | None = None,
    providers: tuple[str, ...] = ("own", "other"),
) -> st.SearchStrategy[World]:
    """A whole tenant's worth of CRM data; sizes are drawn from the given strategies (by
    default 0-20 customers, 0-6 bookings per provider, 0-6 leads)."""
    customers_ = st.integers(0, 20) if customers_ is None else customers_
    bookings_ = st.integers(0, 6) if bookings_ is None else bookings_
    leads_ = st.integers(0, 6) if leads_ is None else leads_

    @st.composite
    def build(draw: st.DrawFn) -> World:
        n_customers = draw(customers_)
        world = World(
            customers=draw(st.lists(customers(), min_size=n_customers, max_size=n_customers))
        )
        for provider in providers:
            n = draw(bookings_)
            world.bookings[provider] = draw(st.lists(bookings(), min_size=n, max_size=n))
        n_leads = draw(leads_)
        world.leads = draw(st.lists(leads(), min_size=n_leads, max_size=n_leads))
        return world

    return build()


# -- validation, for tests of the strategies themselves -----------------------------------------

REQUEST_MODELS: dict[str, type[BaseModel]] = {
    "customers": CreateCustomerRequest,
    "locations": CreateLocationRequest,
    "bookings": CreateBookingRequest,
    "leads": LeadCreateRequest,
    "addresses": CustomerAddress,
    "contacts": NewCustomerContact,
}


# The scheduling world's strategies live in a module of their own; offered here with the rest.
from mockst_contracts.schedule_strategies import (  # noqa: E402
    booked_visits,
    job_type_specs,
    schedules,
    technician_specs,
    windows,
)
