"""The demo world of ``mockst serve --demo``: one onboarded tenant, ready for a first call.

Its credentials are stable, so a connector's saved ``.env`` keeps working across restarts:

- values given as options (``--demo-secret`` …) are used as they are;
- otherwise the client secret is derived from the world's token signing key and the client id,
  so a world kept with ``--state`` (which keeps the key) gives the same secret on every start,
  while the state file still holds only the secret's hash;
- ``mockst seed`` derives all three from its seed (``demo_world``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import string
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mockst.config import Config
from mockst.control.models import Quickstart
from mockst.control.quickstart import credentials, quickstart
from mockst.errors import ApiError
from mockst.identity import service
from mockst.seed import populate_tenant
from mockst.store.world import World

DEMO_TENANT_NAME = "Demo Plumbing & HVAC"
DEMO_SEED = 1
DEMO_CUSTOMERS = 300

# Safe unquoted in a dotenv file, a shell and a form body.
_VALUE = re.compile(r"^[A-Za-z0-9._~+/-]{1,256}$")
_ALNUM = string.ascii_letters + string.digits


class DemoError(Exception):
    """Why the demo credentials asked for cannot be given, as one line."""


@dataclass(frozen=True)
class DemoOptions:
    """Fixed demo credentials; ``None`` leaves a value to mockst."""

    app_key: str | None = None
    client_id: str | None = None
    secret: str | None = None

    def check(self) -> None:
        for flag, value in (
            ("--demo-app-key", self.app_key),
            ("--demo-client-id", self.client_id),
            ("--demo-secret", self.secret),
        ):
            if value is not None and not _VALUE.match(value):
                raise DemoError(
                    f"{flag} (or MOCKST_{flag[2:].upper().replace('-', '_')}): "
                    "1 to 256 letters, digits or . _ ~ + / -"
                )


def derived_secret(world: World, client_id: str) -> str:
    """The demo secret this world gives this client id: stable while the signing key is."""
    digest = hmac.new(
        world.signing_key.encode(), b"mockst demo secret\0" + client_id.encode(), hashlib.sha256
    ).digest()
    number, chars = int.from_bytes(digest), []
    for _ in range(40):
        number, index = divmod(number, len(_ALNUM))
        chars.append(_ALNUM[index])
    return "cs1." + "".join(chars)


def demo_credentials(
    world: World,
    config: Config,
    base_url: str,
    *,
    seed: int = DEMO_SEED,
    customers: int = DEMO_CUSTOMERS,
    options: DemoOptions | None = None,
) -> dict[str, Any]:
    """Onboard the demo tenant on first use and fill it with ``populate_tenant(seed=seed,
    customers=customers)``; on a restart with --state (or a seeded world), reuse it as it is.

    The secret is rotated only when the one wanted is not already active (a world read from a
    seed document has a new signing key, or ``--demo-secret`` names another value).
    """
    options = options or DemoOptions()
    options.check()
    existing = [t for t in world.identity["tenant"].values() if t.name == DEMO_TENANT_NAME]
    if not existing:
        client_id = options.client_id or service.new_client_id()
        request = Quickstart(
            tenantName=DEMO_TENANT_NAME,
            appName="Demo Integration",
            bookingProviderTag="Demo Booking Provider",
        )
        try:
            creds = quickstart(
                world,
                config,
                request,
                base_url,
                app_key=options.app_key,
                client_id=client_id,
                secret=options.secret or derived_secret(world, client_id),
            )
        except ApiError as exc:  # a fixed value another app or connection of the world holds
            raise DemoError(f"the demo credentials asked for: {exc.title}") from None
        populate_tenant(world, creds["tenantId"], seed=seed, customers=customers, config=config)
        return creds
    with world.transaction():
        connection = service.connections_of_tenant(world, existing[0].id)[0]
        client_id = connection.client_id
        if options.client_id is not None and options.client_id != client_id:
            raise DemoError(
                f"the demo tenant of this world already has client id {client_id}: a client id "
                "does not change; drop --demo-client-id or start from a new state file"
            )
        _keep_app_key(world, connection.app_id, options.app_key)
        wanted = options.secret or derived_secret(world, client_id)
        if service.verify_secret(world, client_id, wanted) is None:
            for old in service.active_secrets(world, client_id):
                service.deactivate_secret(world, client_id, old.id)
            service.generate_secret(world, client_id, value=wanted)
        tags = world.tenant_data(existing[0].id).table(service.BOOKING_PROVIDER_TAGS)
        tag_id = min(int(r.id) for r in tags.rows())
        return credentials(world, config, client_id, wanted, tag_id, base_url)


def _keep_app_key(world: World, app_id: int, app_key: str | None) -> None:
    """Give the demo app the key asked for (an app key is the developer portal's to set)."""
    app = service.get_app(world, app_id)
    if app_key is None or app_key == app.app_key:
        return
    if service.app_by_key(world, app_key) is not None:
        raise DemoError(f"--demo-app-key {app_key} is another app's key in this world")
    world.put_identity("app", str(app.id), replace(app, app_key=app_key))


def env_lines(creds: dict[str, Any]) -> list[str]:
    """The ``ST_*`` settings a connector reads, as ``NAME=value`` lines."""
    return [
        f"ST_AUTH_URL={creds['authUrl']}",
        f"ST_API_URL={creds['apiUrl']}",
        f"ST_TENANT_ID={creds['tenantId']}",
        f"ST_APP_KEY={creds['appKey']}",
        f"ST_CLIENT_ID={creds['clientId']}",
        f"ST_CLIENT_SECRET={creds['clientSecret']}",
        f"ST_BOOKING_PROVIDER_ID={creds['bookingProviderId']}",
    ]


def write_env_file(path: str | Path, creds: dict[str, Any]) -> None:
    """Write the credentials in dotenv form, readable by the owner only (it holds a secret).

    A temporary file (made 0600) is renamed over the target, so the secret is never readable
    by others, not even for a moment, and an existing file with a wider mode is replaced."""
    target = Path(path)
    text = "# mockst demo credentials (mockst serve --demo)\n" + "\n".join(env_lines(creds))
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text + "\n")
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
