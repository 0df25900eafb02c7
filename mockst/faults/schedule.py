"""The fault schedule: the rules in force, each counting the calls it matches, in order.

Matching and firing are separate on purpose: every rule that matches a call counts it (so "every
3rd call" means every 3rd matching call, whatever other rules did), and the first rule that fires
applies. Draws come from per-rule generators seeded by the rule, so the same rules over the same
calls fault the same calls with the same latencies, run after run.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from mockst.faults.rules import FaultRule
from mockst.wire import OPERATIONS, glob, tenant_of


@dataclass
class _Active:
    id: int
    rule: FaultRule
    path: re.Pattern[str] | None
    operation: re.Pattern[str] | None
    trigger_rng: random.Random
    latency_rng: random.Random
    seen: int = 0
    hits: int = 0

    def matches(self, method: str, path: str, tenant: str | None) -> bool:
        rule = self.rule
        if rule.method and rule.method != method:
            return False
        if rule.tenant is not None and tenant != str(rule.tenant):
            return False
        if self.path and not self.path.match(path):
            return False
        if self.operation:
            op = OPERATIONS.find(method, path) if tenant is not None else None
            if op is None or not self.operation.match(op):
                return False
        return True

    def fires(self) -> bool:
        """Count a matching call; True when this one is faulted."""
        self.seen += 1
        rule = self.rule
        if rule.times is not None and self.hits >= rule.times:
            return False
        if rule.nth is not None:
            fire = self.seen % rule.nth == 0
        elif rule.first is not None:
            fire = self.seen <= rule.first
        elif rule.probability is not None:
            fire = self.trigger_rng.random() < rule.probability
        else:
            fire = True
        if fire:
            self.hits += 1
        return fire

    def view(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.rule.model_dump(exclude_none=True, exclude_defaults=True),
            "seen": self.seen,
            "hits": self.hits,
        }


@dataclass
class Fired:
    rule: _Active
    latency_ms: float | None


@dataclass
class FaultSchedule:
    """The rules in force, in order; the first rule that fires on a call applies."""

    rules: list[_Active] = field(default_factory=list)
    _next_id: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, rules: Any) -> list[dict[str, Any]]:
        """Add one rule or a list; each a ``FaultRule`` or its JSON form (a dict)."""
        given = rules if isinstance(rules, list) else [rules]
        parsed = [r if isinstance(r, FaultRule) else FaultRule.model_validate(r) for r in given]
        added = []
        with self._lock:
            for rule in parsed:
                active = _Active(
                    id=self._next_id,
                    rule=rule,
                    path=glob(rule.path) if rule.path else None,
                    operation=glob(rule.operation) if rule.operation else None,
                    trigger_rng=random.Random(rule.seed),
                    latency_rng=random.Random(f"latency:{rule.seed}"),
                )
                self._next_id += 1
                self.rules = [*self.rules, active]  # copy-on-write: readers never lock
                added.append(active.view())
        return added

    def clear(self) -> int:
        with self._lock:
            count, self.rules = len(self.rules), []
            return count

    def remove(self, rule_id: int) -> bool:
        with self._lock:
            kept = [r for r in self.rules if r.id != rule_id]
            found, self.rules = len(kept) != len(self.rules), kept
            return found

    def views(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.view() for r in self.rules]

    def pick(self, method: str, path: str) -> Fired | None:
        """Count the call against every matching rule; the first that fires, with its latency."""
        rules = self.rules
        if not rules:
            return None
        tenant = tenant_of(path)
        fired = None
        with self._lock:
            for active in rules:
                if active.matches(method, path, tenant) and active.fires() and fired is None:
                    fired = active
            if fired is None:
                return None
            latency = fired.rule.latency
            ms = latency.sample(fired.latency_rng) if latency is not None else None
        return Fired(fired, ms)
