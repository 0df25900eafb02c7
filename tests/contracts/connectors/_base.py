"""A careful connector in plain httpx, with switches that each break exactly one rule.

``main(flaw=None)`` does the connector task (``mockst_contracts.task``) correctly: one token per
lifetime and a new one after a 401, ``Retry-After`` honoured, reads retried on 5xx and lost
connections, a failed booking create looked up by externalId before it is repeated, every page
and every export batch read. Each flaw changes one of those behaviours; the files beside this
one are the example connectors, one flaw each.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from typing import Any

import httpx

FLAWS = {
    "no-app-key": "one call (booking provider tags) goes without ST-App-Key",
    "no-app-key-new-token": "one call goes without ST-App-Key; its 401 makes it take a new token",
    "tenant-wide-lookup": "looks a failed booking up on the tenant-wide /bookings, takes a 403 "
    "for 'not there' and creates it again",
    "token-per-request": "takes a new token before every API call",
    "ignores-retry-after": "retries a 429 at once instead of waiting Retry-After",
    "retries-post-blindly": "repeats a POST that failed with a 5xx without looking first",
    "other-provider": "also writes a booking under another booking provider",
    "duplicate-booking": "creates the task's booking twice under its own provider",
    "first-page-only": "reads page 1 of the customers and stops",
    "ignores-continuefrom": "reads the export's next batch without from=continueFrom",
    "invalid-body": "sends a lead whose campaignId is a string",
    "other-tenant": "reads the customers of the next tenant id too",
    "fixed-width-stamps": "parses modifiedOn sliced to 26 characters (six fractional digits)",
    "iterates-null": "iterates customFields without allowing for null",
}


class Connector:
    def __init__(self, flaw: str | None) -> None:
        self.flaw = flaw
        self.auth_url = os.environ["ST_AUTH_URL"].rstrip("/")
        self.base = (
            f"{os.environ['ST_API_URL'].rstrip('/')}/crm/v2/tenant/{os.environ['ST_TENANT_ID']}"
        )
        self.tenant = int(os.environ["ST_TENANT_ID"])
        self.app_key = os.environ["ST_APP_KEY"]
        self.provider = int(os.environ["ST_BOOKING_PROVIDER_ID"])
        self.http = httpx.Client(timeout=30)
        self.token: str | None = None
        self.latest = datetime.min
        self.custom_fields = 0
        self.token_until = 0.0

    # -- auth --------------------------------------------------------------------------------

    def take_token(self) -> str:
        for _ in range(5):
            response = self.http.post(
                f"{self.auth_url}/connect/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": os.environ["ST_CLIENT_ID"],
                    "client_secret": os.environ["ST_CLIENT_SECRET"],
                },
            )
            if response.status_code == 429:
                time.sleep(float(response.headers.get("Retry-After", "1")))
                continue
            response.raise_for_status()
            body = response.json()
            self.token = body["access_token"]
            self.token_until = time.monotonic() + float(body["expires_in"]) - 60
            return self.token
        raise RuntimeError("no token")

    def current_token(self) -> str:
        if self.flaw == "token-per-request" or self.token is None:
            return self.take_token()
        if time.monotonic() >= self.token_until:
            return self.take_token()
        return self.token

    def headers(self, with_key: bool = True) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.current_token()}"}
        if with_key:
            headers["ST-App-Key"] = self.app_key
        return headers

    # -- calls -------------------------------------------------------------------------------

    def call(
        self, method: str, url: str, *, with_key: bool = True, **kwargs: Any
    ) -> httpx.Response:
        refreshed = False
        for attempt in range(1, 8):
            try:
                response = self.http.request(method, url, headers=self.headers(with_key), **kwargs)
            except httpx.TransportError:
                if method != "GET":
                    raise
                time.sleep(0.1 * attempt)
                continue
            # The reference client's way, here a flaw's: any 401 is worth one new token.
            any_401 = self.flaw == "no-app-key-new-token"
            if response.status_code == 401 and not refreshed and (with_key or any_401):
                reason = (response.json().get("data") or {}).get("reason")
                if reason in ("expired_token", "invalid_token") or any_401:
                    self.token = None
                    refreshed = True
                    continue
            if response.status_code == 429:
                if self.flaw != "ignores-retry-after":
                    time.sleep(float(response.headers.get("Retry-After", "1")))
                continue
            if response.status_code >= 500 and method == "GET":
                time.sleep(0.1 * attempt)
                continue
            return response
        return response

    # -- the task ----------------------------------------------------------------------------

    def sync_customers(self) -> int:
        page, count = 1, 0
        while True:
            response = self.call(
                "GET", f"{self.base}/customers", params={"page": page, "pageSize": 500}
            )
            response.raise_for_status()
            body = response.json()
            count += len(body["data"])
            for row in body["data"]:
                self.keep(row)
            if not body["hasMore"] or self.flaw == "first-page-only":
                return count
            page += 1

    def keep(self, row: dict[str, Any]) -> None:
        """What a sync does with a row: its change time and its custom fields."""
        if self.flaw == "fixed-width-stamps":
            changed = datetime.strptime(row["modifiedOn"][:26], "%Y-%m-%dT%H:%M:%S.%f")
        else:
            # any number of fractional digits, or none: production trims trailing zeros
            changed = datetime.fromisoformat(row["modifiedOn"])
        self.latest = max(self.latest, changed.replace(tzinfo=None))
        if self.flaw == "iterates-null":
            self.custom_fields += sum(1 for _ in row["customFields"])
        else:
            self.custom_fields += sum(1 for _ in row["customFields"] or [])  # null when empty

    def read_export(self) -> int:
        token, count, calls = None, 0, 0
        while True:
            params = {"from": token} if token else {}
            response = self.call("GET", f"{self.base}/export/customers", params=params)
            response.raise_for_status()
            body = response.json()
            count += len(body["data"])
            calls += 1
            if not body["hasMore"]:
                return count
            if self.flaw == "ignores-continuefrom":
                if calls >= 3:
                    return count
                continue  # asks again from the start
            token = body["continueFrom"]

    def create_booking(self, body: dict[str, Any], provider: int) -> dict[str, Any]:
        url = f"{self.base}/booking-provider/{provider}/bookings"
        for attempt in range(1, 5):
            try:
                response = self.call("POST", url, json=body)
                if response.status_code < 500:
                    response.raise_for_status()
                    return response.json()
            except httpx.TransportError:
                pass
            if self.flaw != "retries-post-blindly":
                time.sleep(0.1 * attempt)
                where = f"{self.base}/bookings" if self.flaw == "tenant-wide-lookup" else url
                found = self.call("GET", where, params={"externalId": body["externalId"]})
                if self.flaw == "tenant-wide-lookup" and found.status_code == 403:
                    continue  # taken for "not there": the create is sent again, blind
                found.raise_for_status()
                if found.json()["data"]:
                    return found.json()["data"][0]
        raise RuntimeError("booking not created")

    def run(self) -> int:
        with open(os.environ["MOCKST_TASK"]) as handle:
            lead = json.load(handle)["lead"]
        if self.flaw in ("no-app-key", "no-app-key-new-token"):
            self.call("GET", f"{self.base}/booking-provider-tags", with_key=False)
        if self.flaw == "other-tenant":
            other = self.base.replace(f"/tenant/{self.tenant}", f"/tenant/{self.tenant + 1}")
            self.call("GET", f"{other}/customers")
        customers = self.sync_customers()
        exported = self.read_export()
        body = {
            "source": lead["source"],
            "name": lead["name"],
            "summary": lead["summary"],
            "externalId": lead["externalId"],
            "isFirstTimeClient": True,
            "contacts": [{"type": "Phone", "value": lead["phone"]}],
        }
        if lead.get("address"):
            body["address"] = lead["address"]
        booking = self.create_booking(body, self.provider)
        if self.flaw == "duplicate-booking":
            self.create_booking(body, self.provider)
        if self.flaw == "other-provider":
            tags = self.call("GET", f"{self.base}/booking-provider-tags").json()["data"]
            other = next(t["id"] for t in tags if t["id"] != self.provider)
            self.create_booking({**body, "externalId": body["externalId"] + "-copy"}, other)
        if self.flaw == "invalid-body":
            self.call(
                "POST",
                f"{self.base}/leads",
                json={"campaignId": "7", "summary": lead["summary"], "callReasonId": 1},
            )
        print(json.dumps({"customers": customers, "exported": exported, "booking": booking["id"]}))
        return 0


def main(flaw: str | None = None) -> int:
    assert flaw is None or flaw in FLAWS, flaw
    return Connector(flaw).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
