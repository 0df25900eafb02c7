"""What ``mockst verify``'s report tells a vendor (issue 16): cut evidence says how much there
was, JUnit carries the violation and the connector's output, task-completed quotes the
connector's own error, the 401 of a missing app key is not a token fault, and the scenario texts
say what the scenarios do."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from mockst_contracts.checks import CHECKS, Evidence, Outcome, RunContext, merge
from mockst_contracts.connector_output import error_lines
from mockst_contracts.report import to_junit, to_markdown, write
from mockst_contracts.runner import RunResult, ScenarioResult, VerifyOptions, VerifyReport, verify
from mockst_contracts.scenarios import SCENARIOS
from mockst_contracts.task import ConnectorTask, make_lead
from test_checks import entry, token

CONNECTORS = Path(__file__).parent / "connectors"


def _report(outcome: Outcome, stdout: str = "out", stderr: str = "err") -> VerifyReport:
    outcomes = {cid: Outcome("passed", seconds=0.001) for cid in CHECKS}
    outcomes["app-key-on-every-call"] = outcome
    run = RunResult(1, 0, False, 1.5, 3, stdout, stderr, {})
    scenario = ScenarioResult(
        "happy-path", "s", {"customers": 1}, [run], outcomes, "2026-01-01T00:00:00Z", 2.0,
        journal=[{"run": 1, "id": 13, "kind": "api", "path": "/crm/v2/tenant/7/customers"}],
    )  # fmt: skip
    report = VerifyReport(["connector"], {}, "0.1.0", "2026-01-01T00:00:00Z", "later")
    report.scenarios.append(scenario)
    return report


def _cut() -> Outcome:
    evidence = tuple(Evidence(i, f"#{i} GET /crm/v2/tenant/7/customers -> 200", "no key")
                     for i in range(1, 21))  # fmt: skip
    return Outcome("failed", evidence, "139 violation(s)", total=139, seconds=0.25)


def test_cut_evidence_says_how_much_there_was() -> None:
    report = _report(_cut())
    markdown = to_markdown(report)
    assert "Evidence: the first 20 of 139 violations." in markdown
    case = next(
        c for c in ET.fromstring(to_junit(report).split("\n", 1)[1]).iter("testcase")
        if c.get("name") == "app-key-on-every-call"
    )  # fmt: skip
    failure = case.find("failure")
    assert failure is not None
    assert (
        failure.get("message") == "#1 GET /crm/v2/tenant/7/customers -> 200: no key (and 138 more)"
    )
    assert "first 20 of 139" in (failure.text or "")
    assert failure.text.startswith("Rule: " + CHECKS["app-key-on-every-call"].rule)
    assert case.get("time") == "0.250000"
    merged = merge([_cut(), _cut()])
    assert (
        merged.total == 278 and len(merged.evidence) == 20 and merged.shown() == ("first 20 of 278")
    )
    assert Outcome("failed", _cut().evidence[:2], total=2).shown() == ""


def test_junit_carries_the_connectors_output_as_valid_xml() -> None:
    report = _report(_cut(), stdout="synced 3\x1b[0m customers", stderr="warn\x00ing")
    suite = ET.fromstring(to_junit(report).split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    assert suite.findtext("system-out") == "synced 3\ufffd[0m customers"
    assert suite.findtext("system-err") == "warn\ufffding"


def test_the_report_folder_holds_each_scenarios_journal(tmp_path: Path) -> None:
    paths = write(_report(_cut()), tmp_path)
    journal = json.loads((tmp_path / "journal" / "happy-path.json").read_text())
    assert journal["entries"][0]["id"] == 13
    data = json.loads(paths["json"].read_text())
    check = next(c for c in data["scenarios"][0]["checks"] if c["status"] == "failed")
    assert check["evidenceTotal"] == 139 and len(check["evidence"]) == 20
    assert "`journal/happy-path.json`" in paths["markdown"].read_text()


def test_task_completed_quotes_the_connectors_own_error() -> None:
    stderr = (
        "INFO starting\n"
        "Traceback (most recent call last):\n"
        '  File "sync.py", line 40, in <module>\n'
        "    main()\n"
        '  File "sync.py", line 31, in main\n'
        '    raise KeyError("ST_TENANT")\n'
        "KeyError: 'ST_TENANT'\n"
        "INFO closing the HTTP pool\n"
    )
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=[], exit_code=1, timed_out=False, stderr_tail=stderr,
    )  # fmt: skip
    notes = [e.note for e in CHECKS["task-completed"](ctx).evidence]
    assert notes[0] == (
        "exit status 1: KeyError: 'ST_TENANT' at File \"sync.py\", line 31, in main"
    )
    assert error_lines("Error: connect ECONNREFUSED 127.0.0.1:9\n    at TCP (net.js:1)\n") == (
        "Error: connect ECONNREFUSED 127.0.0.1:9"
    )
    assert error_lines("just the last words\n\n") == "just the last words"
    assert error_lines("") == ""


def test_a_new_token_after_a_missing_app_key_401_is_not_a_token_fault() -> None:
    missing = entry(at=1, status=401, app_key=None,
                    response_body={"data": {"reason": "missing_app_key"}})  # fmt: skip
    after = entry(at=3, token="tok-2")
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=[token(0), missing, token(at=2, issued="tok-2"), after], exit_code=0,
        timed_out=False,
    )  # fmt: skip
    assert CHECKS["token-reused"](ctx).status == "passed"
    assert CHECKS["app-key-on-every-call"](ctx).status == "failed"


def test_a_clamped_page_size_is_named_in_the_evidence() -> None:
    page = {"page": 1, "pageSize": 10, "hasMore": True, "data": []}
    asked = entry(query={"page": "1", "pageSize": "100"}, response_body=page)
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=[asked], exit_code=0, timed_out=False,
    )  # fmt: skip
    (evidence,) = CHECKS["pages-read-to-the-end"](ctx).evidence
    assert "pageSize=100 was asked for; the API clamped it to 10" in evidence.note
    ctx.entries = [entry(query={"page": "1", "pageSize": "10"}, response_body=page)]
    (evidence,) = CHECKS["pages-read-to-the-end"](ctx).evidence
    assert "clamped" not in evidence.note


def test_the_transient_5xx_text_says_which_export_call_answers_504() -> None:
    description = SCENARIOS["transient-5xx"].description
    assert "the third export call answers 504" in description
    guide = (Path(__file__).parents[2] / "docs" / "contracts.md").read_text()
    assert "the third answers 504" in guide
    options = VerifyOptions(
        command=(sys.executable, str(CONNECTORS / "careful.py")), scenarios=("transient-5xx",),
        customers=6, page_limit=5, timeout=60,
    )  # fmt: skip
    (scenario,) = verify(options).scenarios
    exports = [
        e for e in scenario.journal if e.get("operationId") == "ExportCustomers_GetCustomers"
    ]
    assert exports[0].get("status") is None or exports[0]["fault"]  # the dropped connection
    assert exports[2]["status"] == 504
    assert all(e["status"] != 504 for e in exports[:2])


def test_the_kits_own_connector_runs_on_mocksts_interpreter() -> None:
    from mockst_contracts.runner import connector_command

    module = "mockst_contracts.examples.reference_connector"
    for python in ("python", "python3", "/usr/bin/python3"):
        assert connector_command((python, "-m", module)) == (sys.executable, "-m", module)
    assert connector_command((sys.executable, "my.py")) == (sys.executable, "my.py")


def test_the_documented_command_works_without_an_activated_environment(
    tmp_path: Path,
) -> None:
    """A fresh shell: no virtual environment on PATH, mockst called by its full path."""
    import os
    import subprocess

    mockst = Path(sys.executable).parent / "mockst"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = "/usr/bin:/bin"
    done = subprocess.run(
        [str(mockst), "verify", "--scenario", "happy-path", "--customers", "4",
         "--page-limit", "5", "--report", str(tmp_path), "--",
         "python", "-m", "mockst_contracts.examples.reference_connector"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "# mockst verify: PASSED" in done.stdout


def test_a_connector_that_cannot_start_stops_verify_at_once(tmp_path: Path, capsys) -> None:
    from mockst.cli import main

    assert main(["verify", "--", "no-such-connector-program"]) == 2
    assert "'no-such-connector-program' is not a program on PATH" in capsys.readouterr().err
    missing = str(tmp_path / "my_connectr.py")
    argv = ["verify", "--customers", "3", "--report", str(tmp_path / "r"), "--",
            sys.executable, missing]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "without a single request in scenario happy-path" in err and "verify stopped" in err
    assert "can't open file" in err  # the connector's own words
    data = json.loads((tmp_path / "r" / "mockst-verify.json").read_text())
    assert [s["name"] for s in data["scenarios"]] == ["happy-path"]
    assert data["stopped"] and data["passed"] is False
