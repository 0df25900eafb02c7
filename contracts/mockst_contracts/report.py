"""The verify report in three forms: Markdown for people, JUnit XML for CI, JSON for machines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from mockst_contracts.checks import CHECKS
from mockst_contracts.runner import ScenarioResult, VerifyReport
from mockst_contracts.scenarios import SCENARIOS

MARK = {"passed": "pass", "failed": "FAIL", "not-exercised": "n/a"}


def to_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "passed": report.passed,
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
            }
            for cid, o in s.outcomes.items()
        ],
    }


def to_markdown(report: VerifyReport) -> str:
    verdict = "PASSED" if report.passed else "FAILED"
    lines = [
        f"# mockst verify: {verdict}",
        "",
        f"- Connector: `{' '.join(report.command)}`",
        f"- Simulator: mockst {report.simulator_version}",
        f"- Started {report.started}, finished {report.finished}",
        f"- Options: {json.dumps(report.options)}",
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
        scenario = SCENARIOS.get(s.name)
        if scenario is not None:
            lines += [scenario.description, ""]
        lines.append(f"World: {', '.join(f'{v} {k}' for k, v in s.world.items())}.")
        for r in s.runs:
            ending = "timed out" if r.timed_out else f"exit {r.exit_code}"
            lines.append(f"Run {r.run}: {ending}, {r.requests} requests, {r.duration:.1f}s.")
        failed = [(cid, o) for cid, o in s.outcomes.items() if o.status == "failed"]
        for cid, o in failed:
            lines += ["", f"### `{cid}` failed: {CHECKS[cid].rule}", ""]
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
            case = ET.SubElement(suite, "testcase", classname=s.name, name=cid, time="0")
            if o.status == "failed":
                failure = ET.SubElement(
                    case, "failure", message=CHECKS[cid].rule, type=CHECKS[cid].severity
                )
                failure.text = "\n".join(f"{e.request}: {e.note}" for e in o.evidence)
            elif o.status == "not-exercised":
                ET.SubElement(case, "skipped", message="not exercised in this scenario")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def write(report: VerifyReport, directory: str | Path) -> dict[str, Path]:
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "markdown": folder / "mockst-verify.md",
        "junit": folder / "mockst-verify.junit.xml",
        "json": folder / "mockst-verify.json",
    }
    paths["markdown"].write_text(to_markdown(report))
    paths["junit"].write_text(to_junit(report))
    paths["json"].write_text(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    return paths
