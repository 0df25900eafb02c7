"""The compose file and the CI guide: private by default, a wait that fails when nothing answers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from mockst.testing import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_compose_publishes_on_loopback_only() -> None:
    compose = yaml.safe_load((ROOT / "docker/compose.yaml").read_text())
    for service in compose["services"].values():
        for mapping in service.get("ports", []):
            assert str(mapping).startswith("127.0.0.1:"), mapping


def _workflows() -> list[str]:
    text = (ROOT / "docs/ci.md").read_text()
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_the_ci_workflow_is_complete() -> None:
    workflow = yaml.safe_load(_workflows()[0])
    # YAML 1.1 reads a bare `on` as True: GitHub reads it as the trigger list.
    assert workflow.get("on", workflow.get(True)) and workflow["jobs"]


def test_the_health_wait_fails_when_nothing_answers(tmp_path: Path) -> None:
    steps = yaml.safe_load(_workflows()[1])
    (script,) = [s["run"] for s in steps if "/_mock/health" in s.get("run", "")]
    # No Docker here: the container never starts, so nothing answers on the port.
    port = free_port()
    script = re.sub(r"^docker .*$", ":", script, flags=re.M).replace(":8080", f":{port}")
    script = script.replace("seq 50", "seq 3")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "did not answer" in done.stderr


def test_the_image_health_check_passes_with_a_control_token(tmp_path: Path) -> None:
    import json
    import sys

    sys.path.insert(0, str(ROOT / "tests/reliability"))
    from reliability_helpers import start_server

    dockerfile = (ROOT / "docker/Dockerfile").read_text()
    command = json.loads(re.search(r"CMD (\[.*\])", dockerfile).group(1))  # type: ignore[union-attr]
    server = start_server(tmp_path / "server.log", "--control-token", "locked")
    try:
        port = server.url.rsplit(":", 1)[1]
        env = {"MOCKST_PORT": port, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(
            [sys.executable, *command[1:]], env=env, capture_output=True, timeout=30
        )
        assert done.returncode == 0, done.stderr
    finally:
        server.kill()
