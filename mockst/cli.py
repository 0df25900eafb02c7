"""``mockst``: serve the simulator (and, from the contract kit, verify connectors)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from mockst import __version__
from mockst.config import Config

Command = Callable[[argparse.Namespace], int]


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mockst.app import create_app
    from mockst.server import prepare

    overrides = {"environment": args.environment} if args.environment else {}
    try:
        config = Config.load(args.config or os.environ.get("MOCKST_CONFIG"), **overrides)
    except (OSError, ValueError) as exc:
        print(f"mockst: bad configuration: {exc}", file=sys.stderr)
        return 2
    shown_host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    base_url = f"http://{shown_host}:{args.port}"
    prepared = prepare(config, state=args.state, seed=args.seed, demo=args.demo, base_url=base_url)
    if prepared.demo:
        print(demo_banner(prepared.demo), flush=True)
    app = create_app(prepared.world, prepared.config)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def demo_banner(creds: dict[str, object]) -> str:
    tenant, api = creds["tenantId"], creds["apiUrl"]
    return "\n".join(
        [
            "mockst demo world is ready. Credentials for your connector:",
            f"  ST_AUTH_URL={creds['authUrl']}",
            f"  ST_API_URL={api}",
            f"  ST_TENANT_ID={tenant}",
            f"  ST_APP_KEY={creds['appKey']}",
            f"  ST_CLIENT_ID={creds['clientId']}",
            f"  ST_CLIENT_SECRET={creds['clientSecret']}",
            f"  ST_BOOKING_PROVIDER_ID={creds['bookingProviderId']}",
            "",
            "Try it:",
            f"  TOKEN=$(curl -s -X POST {creds['tokenUrl']} "
            f"-d grant_type=client_credentials -d client_id={creds['clientId']} "
            f"-d client_secret={creds['clientSecret']} "
            "| python3 -c 'import json,sys; print(json.load(sys.stdin)[\"access_token\"])')",
            f"  curl -s {api}/crm/v2/tenant/{tenant}/booking-provider-tags "
            f'-H "ST-App-Key: {creds["appKey"]}" -H "Authorization: Bearer $TOKEN"',
            "",
        ]
    )


def build_parser(
    extra: Sequence[Callable[[argparse._SubParsersAction], None]] = (),
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mockst", description="A local ServiceTitan.")
    parser.add_argument("--version", action="version", version=f"mockst {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the simulator")
    serve.add_argument("--host", default=os.environ.get("MOCKST_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("MOCKST_PORT", "8080")))
    serve.add_argument(
        "--state",
        default=os.environ.get("MOCKST_STATE"),
        help="SQLite file that keeps the world across restarts",
    )
    serve.add_argument(
        "--seed",
        default=os.environ.get("MOCKST_SEED"),
        help="world JSON to start from (ignored when --state holds a world)",
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        default=os.environ.get("MOCKST_DEMO", "").lower() in ("1", "true", "yes"),
        help="onboard a demo tenant and print its credentials",
    )
    serve.add_argument("--config", help="JSON file of settings (see README: Defaults)")
    serve.add_argument(
        "--environment",
        choices=["production", "integration"],
        default=os.environ.get("MOCKST_ENVIRONMENT"),
    )
    serve.add_argument("--log-level", default="warning")
    serve.set_defaults(run=_serve)
    for add in extra:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
