"""The builder a seeded story runs on: a clock of events, the API's handlers, and made-up people.

Every step of ``populate_tenant`` (the company, customers, bookings, leads) plans rows at instants
of the story and writes them through this builder, so all steps share one ``random.Random``, one
event queue in time order, and one way to call an operation: its handler, with a body validated as
a request's would be. The draws happen in a fixed order, which is what makes a seed reproducible.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import orjson

from mockst.api import registry
from mockst.api.operation import Call, Operation, TenantContext
from mockst.config import Config
from mockst.encoding import dumps_to_keep, instant, ticks_of
from mockst.seed import names
from mockst.store.world import World

# An address's postal parts, in the order technician homes and booking addresses take them.
POSTAL_PARTS = ("street", "unit", "city", "state", "zip", "country")


@dataclass(order=True)
class _Event:
    at: datetime
    order: int
    run: Callable[[], None] = field(compare=False)


class Builder:
    """One tenant's story in the making: its random source, its events and what exists so far."""

    # Filled by the company step (mockst.seed.company), read by the steps after it.
    role_ids: dict[str, int]
    units: list[int]  # business unit ids, in names.BUSINESS_UNITS order
    tag_ids: dict[str, int]  # tag type name → id
    providers: list[int]  # the two booking provider tags bookings arrive through

    def __init__(
        self, world: World, tenant_id: int, seed: int, now: datetime, config: Config
    ) -> None:
        self.world = world
        self.tenant = world.tenant_data(tenant_id)
        self.seed = seed  # families that draw their own numbers derive a source from it
        self.rng = random.Random(seed)
        self.now = now
        self.config = config
        self.ops: dict[str, Operation] = {}  # found on first call (registry.find)
        self.metro = self.rng.choice(names.METROS)
        self.events: list[_Event] = []
        self.clock = now  # the instant of the event being run
        self.counts: dict[str, int] = {}
        self.logins: set[str] = set()
        self.customers: list[dict[str, Any]] = []  # created so far, for bookings and leads
        self.remember_customers = True  # off when no booking or lead will draw from them

    # -- plumbing ------------------------------------------------------------------------------

    def at(self, when: datetime, run: Callable[[], None]) -> None:
        heapq.heappush(self.events, _Event(min(when, self.now), len(self.events), run))

    def later(self, when: datetime, operation_id: str, body: dict[str, Any], **path: Any) -> None:
        """Call an operation at ``when`` (its path parameters known now)."""
        kept = dumps_to_keep(body)
        self.at(when, lambda: self.call(operation_id, kept, **path))

    def run_events(self) -> None:
        while self.events:
            event = heapq.heappop(self.events)
            self.clock = event.at
            event.run()

    def ctx(self) -> TenantContext:
        return TenantContext(self.world, self.tenant, self.clock)

    def call(self, operation_id: str, body: dict[str, Any] | bytes | None, **path: Any) -> Any:
        """Run an operation's handler as a request would, minus HTTP and the guard. A body
        planned long before it is sent is best kept as JSON bytes: a large story plans a hundred
        thousand of them at once."""
        op = self.ops.get(operation_id) or registry.find(operation_id)
        if op is None:
            raise KeyError(f"no operation {operation_id!r}")
        self.ops[operation_id] = op
        model = None
        if op.body is not None and body is not None:
            raw = body if isinstance(body, bytes) else orjson.dumps(body)
            model = op.body.model_validate_json(raw, strict=True)
        return op.handler(self.bare_call(model, **path))

    def bare_call(self, body: Any = None, **path: Any) -> Call:
        """A call at the story's instant with no caller (seeds pass no guard; a handler that asks
        for the caller's restriction finds none), for rules that take a ``Call``."""
        return Call(
            world=self.world,
            tenant=self.tenant,
            now=self.clock,
            config=self.config,
            principal=None,  # type: ignore[arg-type]
            path=path,
            query={},
            body=body,
        )

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def instant(self, start: datetime, end: datetime) -> datetime:
        """A random instant in [start, end], in US business hours (14:00-01:00 UTC) when the
        window spans a day or more; to the 100-ns tick, as real stamps have."""
        span = (end - start).total_seconds()
        if span < 2 * 86400:
            moment = start + timedelta(seconds=self.rng.uniform(0, max(span, 0.0)))
        else:
            day = start + timedelta(days=self.rng.randrange(1, int(span // 86400)))
            moment = day.replace(hour=14, minute=0, second=0) + timedelta(
                seconds=self.rng.uniform(0, 11 * 3600)
            )
        moment = moment.replace(microsecond=self.rng.randrange(0, 1_000_000))
        moment = instant(ticks_of(moment) + self.rng.randrange(10))  # and the 7th digit .NET has
        return max(start, min(moment, end))

    # -- people and places -------------------------------------------------------------------

    def person(self) -> tuple[str, str]:
        return self.rng.choice(names.FIRST_NAMES), self.rng.choice(names.LAST_NAMES)

    def phone(self, city: names.City) -> str:
        return f"({self.rng.choice(city.area_codes)}) 555-01{self.rng.randrange(100):02d}"

    def email(self, first: str, last: str) -> str:
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        style = self.rng.random()
        if style < 0.3:
            local = f"{first[0]}{last}".lower()
        elif style < 0.5:
            local = f"{local}{self.rng.randrange(1, 99)}"
        return f"{local}@{self.rng.choice(names.EMAIL_DOMAINS)}"

    def address(
        self, city: names.City | None = None, units: tuple[str, ...] = ("Apt ", "Unit ", "#")
    ) -> dict[str, Any]:
        city = city or self.rng.choice(self.metro.cities)
        street = (
            f"{self.rng.randrange(100, 19_999)} {self.rng.choice(names.STREET_NAMES)} "
            f"{self.rng.choice(names.STREET_SUFFIXES)}"
        )
        unit = None
        if self.rng.random() < 0.12:
            unit = self.rng.choice(units) + str(self.rng.randrange(1, 400))
        return {
            "street": street,
            "unit": unit,
            "city": city.name,
            "state": city.state,
            "zip": f"{self.rng.randint(*city.zips):05d}",
            "country": "USA",
            "latitude": round(city.lat + self.rng.uniform(-0.06, 0.06), 6),
            "longitude": round(city.lon + self.rng.uniform(-0.06, 0.06), 6),
        }

    def city_of(self, address: dict[str, Any]) -> names.City:
        return next(c for c in self.metro.cities if c.name == address["city"])

    def login(self, first: str, last: str) -> str:
        base = f"{first[0]}{last}".lower()
        login, n = base, 1
        while login in self.logins:
            n += 1
            login = f"{base}{n}"
        self.logins.add(login)
        return login

    def contacts(self, first: str, last: str, city: names.City) -> list[dict[str, Any]]:
        """A customer's contacts: a phone always, an email mostly, sometimes a work phone."""
        found = [
            {
                "type": self.rng.choice(("MobilePhone", "MobilePhone", "Phone")),
                "value": self.phone(city),
                "memo": None,
            }
        ]
        if self.rng.random() < 0.75:
            found.append({"type": "Email", "value": self.email(first, last), "memo": None})
        if self.rng.random() < 0.15:
            found.append({"type": "Phone", "value": self.phone(city), "memo": "Work"})
        return found

    def customer_at(self, pick: float) -> dict[str, Any]:
        """The customer a draw in [0, 1) made earlier lands on, among those created by now."""
        return self.customers[int(pick * len(self.customers))]


def postal(address: dict[str, Any], parts: Sequence[str] = POSTAL_PARTS) -> dict[str, Any]:
    """``address`` without coordinates: its postal parts, in the order ``parts`` gives."""
    return {k: address[k] for k in parts}
