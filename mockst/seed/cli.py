"""``mockst seed``: write a world JSON holding a populated demo tenant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

from mockst.demo import DemoError, DemoOptions, write_env_file
from mockst.encoding import parse_datetime
from mockst.seed.world import demo_world
from mockst.store.snapshot import export_world


def run_seed(args: argparse.Namespace) -> int:
    if args.customers < 0:
        print("mockst seed: --customers must be 0 or more", file=sys.stderr)
        return 2
    try:
        now = parse_datetime(args.now) if args.now else None
    except ValueError:
        print(f"mockst seed: --now: not a date-time: {args.now!r}", file=sys.stderr)
        return 2
    options = DemoOptions(
        app_key=args.demo_app_key, client_id=args.demo_client_id, secret=args.demo_secret
    )
    try:
        world, creds = demo_world(
            seed=args.seed, customers=args.customers, now=now, options=options
        )
        if args.env_file:
            write_env_file(args.env_file, creds)
    except DemoError as exc:
        print(f"mockst seed: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"mockst seed: --env-file {args.env_file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    text = orjson.dumps(export_world(world), option=orjson.OPT_INDENT_2) + b"\n"
    if args.out == "-":
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
        return 0
    Path(args.out).write_bytes(text)
    tables = world.tenant_data(creds["tenantId"]).tables
    counts = ", ".join(f"{len(t)} {name}" for name, t in sorted(tables.items()))
    print(
        "\n".join(
            [
                f"mockst: wrote {args.out} (seed {args.seed}): tenant {creds['tenantId']} "
                f"with {counts}.",
                f"Serve it with: mockst serve --world {args.out}",
                "These credentials work there (the same seed and options give the same ones;",
                "`--demo` keeps them only with --state or --demo-secret):",
                f"  ST_TENANT_ID={creds['tenantId']}",
                f"  ST_APP_KEY={creds['appKey']}",
                f"  ST_CLIENT_ID={creds['clientId']}",
                f"  ST_CLIENT_SECRET={creds['clientSecret']}",
                f"  ST_BOOKING_PROVIDER_ID={creds['bookingProviderId']}",
            ]
        )
    )
    return 0
