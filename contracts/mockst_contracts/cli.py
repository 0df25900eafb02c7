"""``mockst verify [options] -- COMMAND ...``: the subcommand, added to ``mockst``'s parser.

This module imports nothing heavy: ``mockst --help`` and ``mockst serve`` must not pay for
hypothesis, and must work where the contract kit's dependencies are not installed.
"""

from __future__ import annotations

import argparse
import sys

EPILOG = """\
The connector is started once per scenario (twice in secret-rotated) with ST_AUTH_URL,
ST_API_URL, ST_TENANT_ID, ST_APP_KEY, ST_CLIENT_ID, ST_CLIENT_SECRET, ST_BOOKING_PROVIDER_ID,
ST_ENVIRONMENT, MOCKST_SCENARIO and MOCKST_TASK (a JSON file) in its environment. Its task and the
checks are described in docs/contracts.md. Exit status: 0 when every check held, 1 when one failed,
2 on bad usage.

example: mockst verify --report out -- python -m mockst_contracts.examples.reference_connector
"""

# mockst is on no package index yet: say how it is really installed (README, "Installing").
INSTALL_HINT = (
    "mockst is not on PyPI or any package index; install it with the contracts extra from a "
    "checkout (pip install -e '.[contracts]' in it) or from the repository's git URL "
    "(pip install 'mockst[contracts] @ git+URL')"
)


def add_verify_command(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "verify",
        help="run a connector under scenarios and check how it behaves",
        description="Run a connector against fresh simulators under named scenarios and judge "
        "it from the request journal and the resulting state.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scenario",
        action="append",
        metavar="NAME",
        help="run only this scenario (repeatable; default: all; --list shows them)",
    )
    parser.add_argument("--report", metavar="DIR", help="write Markdown, JUnit XML and JSON here")
    parser.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help="seconds a run may take"
    )
    parser.add_argument(
        "--customers",
        type=int,
        default=25,
        metavar="N",
        help="customers in each scenario's world (large-tenant: 20x; default 25)",
    )
    parser.add_argument(
        "--page-limit",
        type=int,
        default=10,
        metavar="N",
        help="rows per page and per export batch at most (bigger pageSize is clamped; default 10)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated worlds")
    parser.add_argument(
        "--task",
        default="sync-and-book",
        choices=("sync-and-book", "book-job"),
        help="the task the connector is given, and its scenarios (default: sync-and-book)",
    )
    parser.add_argument("--list", action="store_true", help="list scenarios and checks, then exit")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND ARGS...")
    parser.set_defaults(run=run_verify)


def _list() -> int:
    from mockst_contracts.checks import CHECKS
    from mockst_contracts.scenarios import TASKS, scenarios_for

    for task in TASKS:
        print(f"Scenarios of --task {task}:")
        for s in scenarios_for(task).values():
            print(f"  {s.name:<22} {s.summary}")
    print("Checks:")
    for c in CHECKS.values():
        print(f"  {c.id:<30} [{c.severity}] {c.rule}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    try:
        if args.list:
            return _list()
        from mockst_contracts.report import to_markdown, write
        from mockst_contracts.runner import ConnectorNotFound, VerifyOptions, verify
    except ImportError as exc:  # the kit's dependencies (hypothesis) are not installed
        print(
            f"mockst verify needs the contract kit's dependencies ({exc.name} is missing). "
            + INSTALL_HINT,
            file=sys.stderr,
        )
        return 2
    command = list(args.command)
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        print("mockst verify: give the connector's command after --", file=sys.stderr)
        return 2
    if args.customers < 1 or args.page_limit < 1:
        print("mockst verify: --customers and --page-limit must be at least 1", file=sys.stderr)
        return 2
    options = VerifyOptions(
        command=tuple(command),
        scenarios=tuple(args.scenario or ()),
        timeout=args.timeout,
        customers=args.customers,
        page_limit=args.page_limit,
        seed=args.seed,
        task=args.task,
    )
    try:
        report = verify(options, progress=lambda line: print(line, file=sys.stderr, flush=True))
    except (KeyError, ConnectorNotFound) as exc:
        print(f"mockst verify: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.report:
        paths = write(report, args.report)
        print(f"report: {', '.join(str(p) for p in paths.values())}", file=sys.stderr)
    print(to_markdown(report, journals=bool(args.report)))
    if report.stopped:
        print(f"mockst verify: {report.stopped}", file=sys.stderr)
        return 2
    return 0 if report.passed else 1
