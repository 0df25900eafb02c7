"""``mockst seed``: write a world JSON holding a populated demo tenant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

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
    world, creds = demo_world(seed=args.seed, customers=args.customers, now=now)
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
                f"Serve it with: mockst serve --seed {args.out} --demo",
                "(--demo prints fresh credentials for the demo tenant; without it, these work:",
                f"  ST_TENANT_ID={creds['tenantId']}",
                f"  ST_APP_KEY={creds['appKey']}",
                f"  ST_CLIENT_ID={creds['clientId']}",
                f"  ST_CLIENT_SECRET={creds['clientSecret']}",
                f"  ST_BOOKING_PROVIDER_ID={creds['bookingProviderId']})",
            ]
        )
    )
    return 0
