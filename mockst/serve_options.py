"""The options of ``mockst serve``: each reads an environment variable, and ``--help`` shows
its default, its variable and its choices, so nobody has to read this file to learn them."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from typing import Any

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")
ENVIRONMENTS = ("production", "integration")
_TRUE = ("1", "true", "yes", "on")


def setting(
    flag: str, env: str, kind: type, what: str, high: float = float("inf")
) -> Callable[[str], Any]:
    """An argparse type that names the flag and its variable when a value is wrong (argparse
    also applies it to a default read from the environment)."""

    def convert(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not 0 <= value <= high or value == float("inf"):
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} (set by {flag} or {env})")
        return value

    return convert


def log_level(text: str) -> str:
    level = text.strip().lower()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a log level (set by --log-level or MOCKST_LOG_LEVEL); "
            f"use one of {', '.join(LOG_LEVELS)}"
        )
    return level


def environment(text: str) -> str:
    value = text.strip().lower()
    if value not in ENVIRONMENTS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an environment (set by --environment or MOCKST_ENVIRONMENT); "
            f"use one of {', '.join(ENVIRONMENTS)}"
        )
    return value


def _option(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    flag: str,
    text: str,
    *,
    shown_default: str | None = None,
    choices: Sequence[str] = (),
    default: Any = None,
    env: str | None = None,
    **kwargs: Any,
) -> None:
    """``flag`` reading ``MOCKST_<FLAG>`` (or ``env``) when not given; the help says so."""
    env = env or "MOCKST_" + flag[2:].upper().replace("-", "_")
    notes = []
    if choices:
        notes.append(f"one of {', '.join(choices)}")
    notes.append(f"default: {shown_default if shown_default is not None else default}")
    notes.append(f"env {env}")
    value = os.environ.get(env)
    if kwargs.get("action") == "store_true":
        default = (value or "").strip().lower() in _TRUE if value else default
    elif value:
        default = value
    parser.add_argument(flag, default=default, help=f"{text} ({'; '.join(notes)})", **kwargs)


def add_serve_arguments(serve: argparse.ArgumentParser) -> None:
    net = serve.add_argument_group("where it listens")
    _option(net, "--host", "address to listen on", default="127.0.0.1")
    _option(
        net,
        "--port",
        "port to listen on",
        default="8080",
        type=setting("--port", "MOCKST_PORT", int, "a port number (0 to 65535)", 65535),
    )
    world = serve.add_argument_group("the world")
    _option(
        world,
        "--state",
        "SQLite file that keeps the world (and the demo credentials) across restarts",
        shown_default="none: the world lives in memory",
        metavar="FILE",
    )
    _option(
        world,
        "--world",
        "world JSON to start from, as `mockst seed` or GET /_mock/world write it "
        "(ignored when --state holds a world)",
        shown_default="none",
        metavar="FILE",
    )
    # The old spelling: `--seed` is a random seed (a number) in `mockst seed` and `mockst verify`.
    _option(
        world,
        "--seed",
        "deprecated spelling of --world",
        dest="seed_file",
        shown_default="none",
        metavar="FILE",
    )
    _option(
        world,
        "--config",
        "JSON file of settings (README: Defaults)",
        metavar="FILE",
        shown_default="none",
    )
    _option(
        world,
        "--environment",
        "the server's environment",
        choices=ENVIRONMENTS,
        shown_default="production, or the config file's",
        type=environment,
        metavar="NAME",
    )
    demo = serve.add_argument_group(
        "the demo tenant",
        "Its credentials are stable: kept with --state, fixed by the options below. "
        "Each --demo-* option and --env-file implies --demo.",
    )
    _option(
        demo,
        "--demo",
        "onboard a demo tenant and print its credentials",
        default=False,
        shown_default="off; the variable takes 1, true, yes or on",
        action="store_true",
    )
    for flag, what in (
        ("--demo-app-key", "app key"),
        ("--demo-client-id", "client id"),
        ("--demo-secret", "client secret"),
    ):
        _option(
            demo, flag, f"the demo's {what}", shown_default="made once, then kept", metavar="VALUE"
        )
    _option(
        demo,
        "--env-file",
        "write the demo's ST_* settings to this file in dotenv form (mode 0600)",
        shown_default="none",
        metavar="PATH",
    )
    limits = serve.add_argument_group("limits and faults")
    _option(
        limits,
        "--rate-limit",
        "API calls a second per app key and tenant; 0 disables",
        shown_default="60",
        type=setting("--rate-limit", "MOCKST_RATE_LIMIT", float, "a number of calls a second"),
        metavar="N",
    )
    _option(
        limits,
        "--token-rate-limit",
        "token requests a minute per client id; 0 disables",
        shown_default="0 (off)",
        type=setting(
            "--token-rate-limit", "MOCKST_TOKEN_RATE_LIMIT", float, "a number of requests a minute"
        ),
        metavar="N",
    )
    _option(
        limits,
        "--journal-size",
        "journal entries kept; 0 turns the journal off",
        shown_default="10000",
        type=setting("--journal-size", "MOCKST_JOURNAL_SIZE", int, "a number of entries"),
        metavar="N",
    )
    limits.add_argument(
        "--fault",
        action="append",
        metavar="SPEC",
        help="a fault rule, e.g. 'path=/crm/v2/*/customers*,status=503,nth=3' (repeatable; "
        "no variable: use --faults FILE)",
    )
    _option(
        limits,
        "--faults",
        "JSON file of fault rules (one rule or a list)",
        metavar="FILE",
        shown_default="none",
    )
    access = serve.add_argument_group("access and logs")
    _option(
        access,
        "--control-token",
        "the control plane (/_mock) then needs 'Authorization: Bearer TOKEN'",
        shown_default="none: open to whoever reaches the port",
        metavar="TOKEN",
    )
    _option(
        access,
        "--log-level",
        "how much uvicorn logs (info and debug: a line per request)",
        choices=LOG_LEVELS,
        default="warning",
        type=log_level,
        metavar="LEVEL",
    )
