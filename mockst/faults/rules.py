"""Fault rules: what a scheduled fault matches, when it fires and what it does, validated.

One model serves every way a rule arrives: the control plane's JSON (``POST /_mock/faults``), the
CLI's ``--fault 'k=v,…'`` and ``--faults FILE``, and Python (``app.state.faults.add(...)``), so a
rule means the same thing wherever it was written and a bad one is refused the same way.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

MAX_LATENCY_MS = 600_000.0
# Each distribution and the parameters it needs, in the order of its short form.
LATENCY_PARAMS: dict[str, tuple[str, ...]] = {
    "fixed": ("ms",),
    "uniform": ("low", "high"),
    "lognormal": ("median", "sigma"),
}


class Latency(BaseModel):
    """Milliseconds: ``100``, ``"fixed:100"``, ``"uniform:10:200"``, ``"lognormal:50:0.5"``.

    lognormal takes the median and sigma (of the underlying normal): long-tailed, like real
    latency, and the median is the number people think in.
    """

    model_config = ConfigDict(extra="forbid")
    distribution: Literal["fixed", "uniform", "lognormal"] = "fixed"
    ms: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    low: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    high: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    median: float | None = Field(default=None, gt=0, le=MAX_LATENCY_MS)
    sigma: float | None = Field(default=None, ge=0, le=10)

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"ms": value}
        if isinstance(value, str):
            name, *params = value.strip().split(":")
            try:
                if not params:
                    return {"ms": float(name)}
                numbers = [float(p) for p in params]
            except ValueError:
                raise ValueError(f"latency '{value}': numbers expected") from None
            if name not in LATENCY_PARAMS or len(numbers) != len(LATENCY_PARAMS[name]):
                raise ValueError(
                    f"latency '{value}': use MS, fixed:MS, uniform:LOW:HIGH, lognormal:MEDIAN:SIGMA"
                )
            return {"distribution": name, **dict(zip(LATENCY_PARAMS[name], numbers, strict=True))}
        return value

    @model_validator(mode="after")
    def _complete(self) -> Latency:
        missing = [n for n in LATENCY_PARAMS[self.distribution] if getattr(self, n) is None]
        if missing:
            raise ValueError(f"{self.distribution} latency needs {', '.join(missing)}")
        if self.distribution == "uniform" and self.low > self.high:  # type: ignore[operator]
            raise ValueError("uniform latency needs low <= high")
        return self

    def sample(self, rng: random.Random) -> float:
        if self.distribution == "fixed":
            value = self.ms or 0.0
        elif self.distribution == "uniform":
            value = rng.uniform(self.low or 0.0, self.high or 0.0)
        else:
            value = (self.median or 0.0) * math.exp(rng.gauss(0.0, self.sigma or 0.0))
        return round(min(value, MAX_LATENCY_MS), 3)


class FaultRule(BaseModel):
    """One scheduled fault. Matchers narrow, one trigger fires, effects apply in order."""

    model_config = ConfigDict(extra="forbid")
    # which calls
    operation: str | None = Field(default=None, description="operationId or a glob of them")
    path: str | None = Field(default=None, description="path glob: /crm/v2/*/customers*")
    method: str | None = None
    tenant: int | None = None
    # when (at most one of nth, first, probability; none: every matching call)
    nth: int | None = Field(default=None, ge=1, description="every nth matching call")
    first: int | None = Field(default=None, ge=1, description="the first n matching calls")
    probability: float | None = Field(default=None, ge=0, le=1)
    seed: int = Field(default=0, description="for probability and latency draws")
    times: int | None = Field(default=None, ge=1, description="stop after this many faults")
    # what
    status: int | None = Field(default=None, ge=400, le=599)
    retryAfter: int | None = Field(default=None, ge=0, le=86_400)
    latency: Latency | None = None
    drop: bool = False
    after: bool = Field(default=False, description="run the handler, then fault its answer")

    @model_validator(mode="after")
    def _coherent(self) -> FaultRule:
        triggers = [n for n in ("nth", "first", "probability") if getattr(self, n) is not None]
        if len(triggers) > 1:
            raise ValueError(f"choose one trigger, not {' and '.join(triggers)}")
        if self.status is None and not self.drop and self.latency is None:
            raise ValueError("a fault needs an effect: status, latency or drop")
        if self.status is not None and self.drop:
            raise ValueError("status and drop exclude each other")
        if self.after and self.status is None and not self.drop:
            raise ValueError("after=true needs a status or drop")
        if self.method:
            self.method = self.method.upper()
        return self


class FaultRules(RootModel[list[FaultRule] | FaultRule]):
    """The body of ``POST /_mock/faults``: one rule or a list of them."""

    def rules(self) -> list[FaultRule]:
        return self.root if isinstance(self.root, list) else [self.root]


SPEC_KEYS = {"retry_after": "retryAfter", "retry-after": "retryAfter", "op": "operation"}


def parse_spec(text: str) -> FaultRule:
    """``path=/crm/v2/*/customers*,status=503,nth=3`` (the CLI's ``--fault``)."""
    values: dict[str, Any] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key = SPEC_KEYS.get(key.strip(), key.strip())
        value = value.strip()
        if not sep:
            values[key] = True  # a bare flag: "drop", "after"
        elif value.lower() in ("true", "false"):
            values[key] = value.lower() == "true"
        else:
            values[key] = value
    return FaultRule.model_validate(values)


def load_file(path: str | Path) -> list[FaultRule]:
    """A JSON file: one rule, a list of rules, or ``{"faults": [...]}``."""
    data = json.loads(Path(path).read_text())
    if isinstance(data, dict) and "faults" in data:
        data = data["faults"]
    return FaultRules.model_validate(data).rules()
