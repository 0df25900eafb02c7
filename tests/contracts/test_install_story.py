"""The install story is honest (issue 16): mockst is on no package index, so nothing tells a user
to ``pip install 'mockst[contracts]'`` from one; the contracts extra stays light."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from mockst.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_verify_without_the_kit_dependencies_says_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setitem(sys.modules, "mockst_contracts.runner", None)  # as if not importable
    assert main(["verify", "--", "true"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "not on PyPI" in err
    assert "pip install -e '.[contracts]'" in err and "git+" in err


def test_every_documented_pip_install_names_a_checkout_or_a_git_url() -> None:
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    bad = []
    for path in texts:
        for line in path.read_text().splitlines():
            for match in re.finditer(r"pip install (?:-q )?(\S+(?: @ \S+)?)", line):
                target = match.group(1)
                honest = target.startswith(("-e", "'-e")) or "git+" in target
                if not honest and "finds nothing" not in line:
                    bad.append(f"{path.name}: {line.strip()}")
    assert not bad, bad


def test_the_contracts_extra_does_not_pull_schemathesis() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    assert not [d for d in extras["contracts"] if d.startswith("schemathesis")]
    assert [d for d in extras["test"] if d.startswith("schemathesis")]
