"""The verify report in three forms: Markdown for people, JUnit XML for CI, JSON for machines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from mockst_contracts.checks import CHECKS
from mockst_contracts.runner import ScenarioResult, VerifyReport
from mockst_contracts.scenarios import scenarios_for

MARK = {"passed": "pass", "failed": "FAIL", "not-exercised": "n/a"}
JOURNALS = "journal"  # folder of the scenarios' journals, beside the report files


def journal_file(scenario: str) -> str:
    """Where ``write`` puts a scenario's journal, relative to the report folder."""
    return f"{JOURNALS}/{scenario}.json"


def to_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "passed": report.passed,
        "stopped": report.stopped or None,
        "simulatorVersion": report.simulator_version,
        "command": report.command,
        "options": report.options,
        "started": report.started,
        "finished": report.finished,
        "checks": [{"id": c.id, "rule": c.rule, "severity": c.severity} for c in CHECKS.values()],
        "scenarios": [_scenario_json(s) for s in report.scenarios],
    }


def _scenario_json(s: ScenarioResult) -> dict[str, Any]:
    return {
        "name": s.name,
        "summary": s.summary,
        "passed": not s.failed,
        "started": s.started,
        "durationSeconds": s.duration,
        "world": s.world,
        "journalFile": journal_file(s.name),
        "runs": [
            {
                "run": r.run,
                "exitCode": r.exit_code,
                "timedOut": r.timed_out,
                "durationSeconds": r.duration,
                "requests": r.requests,
                "task": r.task,
                "stdoutTail": r.stdout_tail,
                "stderrTail": r.stderr_tail,
            }
            for r in s.runs
        ],
        "checks": [
            {
                "id": cid,
                "severity": CHECKS[cid].severity,
                "status": o.status,
                "summary": o.summary,
                "evidence": [e.to_json() for e in o.evidence],
                "evidenceTotal": max(o.total, len(o.evidence)),
                "seconds": round(o.seconds, 6),
            }
            for cid, o in s.outcomes.items()
        ],
    }


def to_markdown(report: VerifyReport, journals: bool = False) -> str:
    """The report for people; ``journals``: the scenarios' journals are written beside it."""
    verdict = "PASSED" if report.passed else "FAILED"
    lines = [
        f"# mockst verify: {verdict}",
        "",
        f"- Connector: `{' '.join(report.command)}`",
        f"- Simulator: mockst {report.simulator_version}",
        f"- Started {report.started}, finished {report.finished}",
        f"- Options: {json.dumps(report.options)}",
        *([f"- **Stopped early**: {report.stopped}."] if report.stopped else []),
        "",
        "## Summary",
        "",
        "| check | severity | " + " | ".join(s.name for s in report.scenarios) + " |",
        "|---|---|" + "---|" * len(report.scenarios),
    ]
    for cid, c in CHECKS.items():
        cells = [MARK[s.outcomes[cid].status] for s in report.scenarios]
        lines.append(f"| `{cid}` | {c.severity} | " + " | ".join(cells) + " |")
    lines += ["", "`pass`: held; `FAIL`: broken; `n/a`: the run never met the situation.", ""]
    lines += ["## Checks", ""]
    lines += [f"- `{c.id}` ({c.severity}): {c.rule}" for c in CHECKS.values()]
    for s in report.scenarios:
        lines += ["", f"## Scenario `{s.name}`: {'passed' if not s.failed else 'FAILED'}", ""]
        scenario = scenarios_for(s.task).get(s.name)
        if scenario is not None:
            lines += [scenario.description, ""]
        lines.append(f"World: {', '.join(f'{v} {k}' for k, v in s.world.items())}.")
        if journals:
            lines.append(
                f"Journal: `{journal_file(s.name)}` (every request of the runs; `#13` below is "
                'its entry with `"id": 13`).'
            )
        for r in s.runs:
            ending = "timed out" if r.timed_out else f"exit {r.exit_code}"
            lines.append(f"Run {r.run}: {ending}, {r.requests} requests, {r.duration:.1f}s.")
        failed = [(cid, o) for cid, o in s.outcomes.items() if o.status == "failed"]
        for cid, o in failed:
            lines += ["", f"### `{cid}` failed: {CHECKS[cid].rule}", ""]
            if o.cut:
                lines += [f"Evidence: the {o.shown()} violations.", ""]
            lines += [f"- {e.request}: {e.note}" for e in o.evidence]
        if failed and s.runs and s.runs[-1].stderr_tail.strip():
            lines += ["", "Connector stderr (tail):", "", "```"]
            lines += s.runs[-1].stderr_tail.strip().splitlines()[-15:]
            lines += ["```"]
    return "\n".join(lines) + "\n"


def to_junit(report: VerifyReport) -> str:
    suites = ET.Element("testsuites", name="mockst verify")
    for s in report.scenarios:
        failures = sum(1 for o in s.outcomes.values() if o.status == "failed")
        skipped = sum(1 for o in s.outcomes.values() if o.status == "not-exercised")
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=s.name,
            tests=str(len(s.outcomes)),
            failures=str(failures),
            skipped=str(skipped),
            time=f"{s.duration:.3f}",
            timestamp=s.started,
        )
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="simulatorVersion", value=report.simulator_version)
        ET.SubElement(props, "property", name="command", value=" ".join(report.command))
        for cid, o in s.outcomes.items():
            case = ET.SubElement(
                suite, "testcase", classname=s.name, name=cid, time=f"{o.seconds:.6f}"
            )
            if o.status == "failed":
                failure = ET.SubElement(
                    case, "failure", message=_NOT_XML.sub("\ufffd", _violation(o)),
                    type=CHECKS[cid].severity,
                )  # fmt: skip
                failure.text = _NOT_XML.sub(
                    "\ufffd",
                    "\n".join(
                        [
                            f"Rule: {CHECKS[cid].rule}",
                            *([f"Evidence: the {o.shown()} violations."] if o.cut else []),
                            *(f"{e.request}: {e.note}" for e in o.evidence),
                        ]
                    ),
                )
            elif o.status == "not-exercised":
                ET.SubElement(case, "skipped", message="not exercised in this scenario")
        ET.SubElement(suite, "system-out").text = _outputs(s, "stdout_tail")
        ET.SubElement(suite, "system-err").text = _outputs(s, "stderr_tail")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _violation(o: Any) -> str:
    """The failure message a CI dashboard shows: the first violation itself, not the rule."""
    if not o.evidence:
        return o.summary or "failed"
    first = o.evidence[0]
    more = max(o.total, len(o.evidence)) - 1
    return f"{first.request}: {first.note}" + (f" (and {more} more)" if more else "")


# Characters XML 1.0 cannot hold; a connector's output may contain them (colour codes, NULs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _outputs(s: ScenarioResult, stream: str) -> str:
    """The connector's output of each run (its tail), for JUnit's system-out/system-err."""
    if len(s.runs) == 1:
        text = getattr(s.runs[0], stream)
    else:
        text = "\n".join(f"--- run {r.run} ---\n{getattr(r, stream)}" for r in s.runs)
    return _NOT_XML.sub("\ufffd", text)


def write(report: VerifyReport, directory: str | Path) -> dict[str, Path]:
    folder = Path(directory)
    (folder / JOURNALS).mkdir(parents=True, exist_ok=True)
    paths = {
        "markdown": folder / "mockst-verify.md",
        "junit": folder / "mockst-verify.junit.xml",
        "json": folder / "mockst-verify.json",
    }
    for s in report.scenarios:
        text = json.dumps({"scenario": s.name, "entries": s.journal}, indent=1, default=str)
        (folder / journal_file(s.name)).write_text(text)
    paths["markdown"].write_text(to_markdown(report, journals=True))
    paths["junit"].write_text(to_junit(report))
    paths["json"].write_text(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    return paths
