"""``mockst``: serve the simulator (and, from the contract kit, verify connectors)."""

from __future__ import annotations

import argparse
import gc
import ipaddress
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mockst import __version__
from mockst.config import Config
from mockst.serve_options import add_serve_arguments

Command = Callable[[argparse.Namespace], int]


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mockst.app import create_app
    from mockst.demo import DemoError, write_env_file
    from mockst.server import SeedFileError, prepare
    from mockst.store.sqlite import StateFileError

    overrides = {"environment": args.environment} if args.environment else {}
    overrides.update(
        rate_limit=args.rate_limit,
        token_rate_limit=args.token_rate_limit,
        journal_size=args.journal_size,
    )
    try:
        config = Config.load(args.config, **overrides)
        fault_rules = _fault_rules(args)
    except (OSError, ValueError) as exc:
        print(f"mockst: bad configuration: {exc}", file=sys.stderr)
        return 2
    warning = exposure_warning(args.host, args.control_token)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    shown_host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    base_url = f"http://{shown_host}:{args.port}"
    options = demo_options(args)
    try:
        prepared = prepare(
            config,
            state=args.state,
            seed=world_file(args),
            demo=args.demo or options is not None or bool(args.env_file),
            base_url=base_url,
            demo_options=options,
        )
        if prepared.demo and args.env_file:
            write_env_file(args.env_file, prepared.demo)
    except (StateFileError, SeedFileError, DemoError) as exc:
        print(f"mockst: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the env file's folder is missing or not writable
        print(f"mockst: --env-file {args.env_file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if prepared.demo:
        print(demo_banner(prepared.demo), flush=True)
        if args.env_file:
            print(f"  (also written to {args.env_file})", flush=True)
    app = create_app(prepared.world, prepared.config, control_token=args.control_token)
    app.state.faults.add(fault_rules)
    # What exists now (modules, models, the loaded world) lives as long as the server: leave it
    # out of the collector's full passes, which otherwise walk it all again and again under load.
    gc.collect()
    gc.freeze()
    # uvicorn formats each access line's fields (quoting the path) before the logger drops it
    # below "info": a few percent of a call's CPU for nothing at the default "warning".
    access_log = args.log_level.lower() in ("trace", "debug", "info")
    if access_log:
        logging.getLogger("uvicorn.access").addFilter(_redact_access_line)
    # One line at every log level, so a person knows where to point a connector or a browser.
    print(f"mockst listening on {base_url} (open it in a browser for the links)", flush=True)
    uvicorn.run(
        app, host=args.host, port=args.port, log_level=args.log_level, access_log=access_log
    )
    return 0


def world_file(args: argparse.Namespace) -> str | None:
    """``--world``, or the old ``--seed FILE`` with a note: ``--seed`` is a number elsewhere."""
    if args.seed_file and not args.world:
        print(
            "mockst: note: `mockst serve --seed FILE` (MOCKST_SEED) is now `--world FILE` "
            "(MOCKST_WORLD); --seed is the random seed of `mockst seed`. The old spelling "
            "still works for now.",
            file=sys.stderr,
            flush=True,
        )
        return str(args.seed_file)
    return args.world


def demo_options(args: argparse.Namespace) -> Any:
    """The fixed demo credentials asked for, or None (each ``--demo-*`` implies ``--demo``)."""
    from mockst.demo import DemoOptions

    options = DemoOptions(
        app_key=args.demo_app_key, client_id=args.demo_client_id, secret=args.demo_secret
    )
    return None if options == DemoOptions() else options


def _redact_access_line(record: logging.LogRecord) -> bool:
    """uvicorn's access line shows the path with its query: blank secrets in it (a client that
    sends ``client_secret`` in a query string must not find it in the log)."""
    from mockst.journal import redact_query

    args = record.args
    if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
        record.args = (*args[:2], redact_query(args[2]), *args[3:])
    return True


def exposure_warning(host: str, control_token: str | None) -> str | None:
    """A line for a server others can reach whose control plane anyone may use."""
    if control_token:
        return None
    try:
        loopback = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = host.lower() == "localhost"
    if loopback:
        return None
    return (
        f"mockst: warning: listening on {host} without --control-token: anyone who can reach "
        "this port can read credentials, mint secrets and wipe the world through /_mock."
    )


def _seed(args: argparse.Namespace) -> int:
    from mockst.seed.cli import run_seed

    return run_seed(args)


def _scaffold(args: argparse.Namespace) -> int:
    from mockst.scaffold import run_scaffold

    return run_scaffold(Path(args.document), Path(args.root), name=args.name, force=args.force)


def _coverage(args: argparse.Namespace) -> int:
    from mockst.coverage import find_specs_dir, report

    try:
        text = report(find_specs_dir(args.specs))
    except FileNotFoundError as exc:
        print(f"mockst: {exc}", file=sys.stderr)
        return 2
    if args.out:
        Path(args.out).write_text(text)
    else:
        print(text)
    return 0


def _fault_rules(args: argparse.Namespace) -> list:
    """``--faults FILE`` then each ``--fault SPEC``; pydantic's errors are ValueErrors."""
    from mockst.faults import load_file, parse_spec

    rules = load_file(args.faults) if args.faults else []
    rules.extend(parse_spec(spec) for spec in args.fault or ())
    return rules


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
    serve = sub.add_parser(
        "serve",
        help="run the simulator",
        description="Run the simulator. Every option also reads the environment variable named "
        "in its help.",
    )
    add_serve_arguments(serve)
    serve.set_defaults(run=_serve)
    seed = sub.add_parser("seed", help="write a world JSON with a populated demo tenant")
    seed.add_argument(
        "--seed", type=int, default=1, help="random seed: same seed, same world and credentials"
    )
    seed.add_argument("--customers", type=int, default=300, help="how many (default: 300)")
    seed.add_argument("--out", required=True, help="file to write ('-' for stdout)")
    seed.add_argument("--now", help="ISO date-time the story ends at (default: now)")
    for flag, what in (
        ("--demo-app-key", "app key"),
        ("--demo-client-id", "client id"),
        ("--demo-secret", "client secret"),
    ):
        seed.add_argument(flag, metavar="VALUE", help=f"fix the {what} (default: from the seed)")
    seed.add_argument(
        "--env-file", metavar="PATH", help="also write the ST_* settings here (dotenv, mode 0600)"
    )
    seed.set_defaults(run=_seed)
    coverage = sub.add_parser("coverage", help="which official operations the simulator serves")
    coverage.add_argument("--specs", help="folder of the official documents (crm-v2.json …)")
    coverage.add_argument("--out", help="write the Markdown report here instead of stdout")
    coverage.set_defaults(run=_coverage)
    scaffold = sub.add_parser(
        "scaffold", help="a new API family package from an official OpenAPI document"
    )
    scaffold.add_argument("document", help="the official document (../shared/specs/jpm-v2.json)")
    scaffold.add_argument("--root", default=".", help="the checkout to write into (default: .)")
    scaffold.add_argument("--name", help="the family's name (default: its server URL segment)")
    scaffold.add_argument("--force", action="store_true", help="write over an existing package")
    scaffold.set_defaults(run=_scaffold)
    for add in extra:
        add(sub)
    return parser


def _contract_kit_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """``mockst verify``, from the contract kit (imported lazily; light until it runs)."""
    try:
        from mockst_contracts.cli import add_verify_command
    except ImportError:
        return []
    return [add_verify_command]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(extra=_contract_kit_commands())
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
