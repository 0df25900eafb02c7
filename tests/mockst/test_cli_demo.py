"""Stable demo credentials (``--state``, fixed values, ``--env-file``, ``mockst seed``) and an
honest ``mockst serve --help``: issue 16."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst import cli
from mockst.demo import DemoOptions, derived_secret, env_lines
from mockst.store.world import World

KEYS = ("ST_TENANT_ID", "ST_APP_KEY", "ST_CLIENT_ID", "ST_CLIENT_SECRET", "ST_BOOKING_PROVIDER_ID")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The apps ``mockst serve`` would have run (uvicorn does not start)."""
    import uvicorn

    for name in [n for n in os.environ if n.startswith("MOCKST_")]:
        monkeypatch.delenv(name)
    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    return apps


def _printed(text: str) -> dict[str, str]:
    return dict(re.findall(r"^\s*(ST_[A-Z_]+)=(\S+)$", text, re.MULTILINE))


def _token_status(app: Any, creds: dict[str, str]) -> int:
    with TestClient(app) as client:
        form = {
            "grant_type": "client_credentials",
            "client_id": creds["ST_CLIENT_ID"],
            "client_secret": creds["ST_CLIENT_SECRET"],
        }
        taken = client.post("/connect/token", data=form)
        if taken.status_code != 200:
            return taken.status_code
        listed = client.get(
            f"/crm/v2/tenant/{creds['ST_TENANT_ID']}/booking-provider-tags",
            headers={
                "ST-App-Key": creds["ST_APP_KEY"],
                "Authorization": f"Bearer {taken.json()['access_token']}",
            },
        )
        return listed.status_code


def test_demo_with_state_keeps_its_credentials_across_restarts(
    served: list[Any], tmp_path: Path, capsys: Any
) -> None:
    state = str(tmp_path / "world.db")
    assert cli.main(["serve", "--demo", "--state", state]) == 0
    first = _printed(capsys.readouterr().out)
    assert set(KEYS) <= set(first)
    assert cli.main(["serve", "--demo", "--state", state]) == 0
    second = _printed(capsys.readouterr().out)
    assert second == first  # a saved .env keeps working
    assert _token_status(served[-1], second) == 200
    world = served[-1].state.world
    client_id = first["ST_CLIENT_ID"]
    assert first["ST_CLIENT_SECRET"] == derived_secret(world, client_id)
    assert len([s for s in world.identity["secret"].values() if s.client_id == client_id]) == 1
    assert first["ST_CLIENT_SECRET"].encode() not in Path(state).read_bytes()  # only its hash


def test_fixed_values_from_the_environment_and_an_env_file(
    served: list[Any], tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKST_DEMO_SECRET", "cs1.my-saved-secret")
    monkeypatch.setenv("MOCKST_DEMO_APP_KEY", "ak1.mysavedappkey")
    monkeypatch.setenv("MOCKST_DEMO_CLIENT_ID", "cid.mysavedclientid")
    env_file = tmp_path / ".env"
    env_file.write_text("stale, readable by all\n")
    env_file.chmod(0o644)
    # no --demo: a fixed value says what is wanted
    assert cli.main(["serve", "--port", "9123", "--env-file", str(env_file)]) == 0
    out = capsys.readouterr().out
    assert f"(also written to {env_file})" in out
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    written = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    assert written == _printed(out)
    assert written["ST_CLIENT_SECRET"] == "cs1.my-saved-secret"
    assert written["ST_APP_KEY"] == "ak1.mysavedappkey"
    assert written["ST_CLIENT_ID"] == "cid.mysavedclientid"
    assert written["ST_API_URL"] == written["ST_AUTH_URL"] == "http://127.0.0.1:9123"
    assert _token_status(served[-1], written) == 200
    assert [p.name for p in tmp_path.iterdir()] == [".env"]  # no temporary file left


def test_a_new_fixed_secret_replaces_the_kept_one(
    served: list[Any], tmp_path: Path, capsys: Any
) -> None:
    state = str(tmp_path / "world.db")
    assert cli.main(["serve", "--demo", "--state", state]) == 0
    old = _printed(capsys.readouterr().out)
    args = ["serve", "--state", state, "--demo-secret", "cs1.new", "--demo-app-key", "ak1.new"]
    assert cli.main(args) == 0
    new = _printed(capsys.readouterr().out)
    assert new["ST_CLIENT_SECRET"] == "cs1.new" and new["ST_APP_KEY"] == "ak1.new"
    assert new["ST_CLIENT_ID"] == old["ST_CLIENT_ID"]
    assert _token_status(served[-1], new) == 200
    assert _token_status(served[-1], old) == 400  # the old secret is deactivated
    assert cli.main(["serve", "--state", state, "--demo-client-id", "cid.other"]) == 2
    err = capsys.readouterr().err
    assert "--demo-client-id" in err and old["ST_CLIENT_ID"] in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--demo-secret", "has space"], "--demo-secret"),
        (["--demo-app-key", "quote'd"], "--demo-app-key"),
        (["--demo-client-id", ""], "--demo-client-id"),
        (["--demo", "--env-file", "/no/such/folder/.env"], "--env-file"),
    ],
)
def test_bad_demo_values_are_usage_errors(
    served: list[Any], capsys: Any, args: list[str], named: str
) -> None:
    assert cli.main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err
    assert served == []


def test_seed_gives_the_same_credentials_for_the_same_seed_and_options(
    tmp_path: Path, capsys: Any
) -> None:
    base = ["seed", "--customers", "3", "--now", "2026-02-01T12:00:00Z"]
    runs = []
    for name, extra in (
        ("a", ["--seed", "5"]),
        ("b", ["--seed", "5", "--env-file", str(tmp_path / "b.env")]),
        ("c", ["--seed", "6"]),
        ("d", ["--seed", "5", "--demo-secret", "cs1.fixed"]),
    ):
        assert cli.main([*base, *extra, "--out", str(tmp_path / f"{name}.json")]) == 0
        runs.append(_printed(capsys.readouterr().out))
    a, b, c, d = runs
    assert a == b
    assert a["ST_APP_KEY"] != c["ST_APP_KEY"] and a["ST_CLIENT_SECRET"] != c["ST_CLIENT_SECRET"]
    assert d["ST_CLIENT_SECRET"] == "cs1.fixed" and d["ST_CLIENT_ID"] == a["ST_CLIENT_ID"]
    assert stat.S_IMODE((tmp_path / "b.env").stat().st_mode) == 0o600
    assert a["ST_CLIENT_SECRET"] in (tmp_path / "b.env").read_text()
    assert a["ST_CLIENT_SECRET"] not in (tmp_path / "a.json").read_text()


def test_a_seeded_world_served_with_demo_and_state_keeps_the_secret(
    served: list[Any], tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "w.json"
    assert cli.main(["seed", "--customers", "2", "--out", str(out)]) == 0
    seeded = _printed(capsys.readouterr().out)
    assert cli.main(["serve", "--world", str(out)]) == 0  # without --demo: as printed
    assert _token_status(served[-1], seeded) == 200
    state = ["--state", str(tmp_path / "s.db")]
    assert cli.main(["serve", "--world", str(out), "--demo", *state]) == 0
    first = _printed(capsys.readouterr().out)
    assert cli.main(["serve", "--demo", *state]) == 0
    assert _printed(capsys.readouterr().out) == first
    assert first["ST_APP_KEY"] == seeded["ST_APP_KEY"]


def test_the_old_seed_spelling_of_serve_still_loads_a_world_with_a_note(
    served: list[Any], tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "w.json"
    assert cli.main(["seed", "--customers", "2", "--out", str(out)]) == 0
    seeded = _printed(capsys.readouterr().out)
    assert cli.main(["serve", "--seed", str(out)]) == 0
    assert "--world FILE" in capsys.readouterr().err
    assert _token_status(served[-1], seeded) == 200
    monkeypatch.setenv("MOCKST_SEED", str(out))
    assert cli.main(["serve"]) == 0
    assert "MOCKST_WORLD" in capsys.readouterr().err
    assert _token_status(served[-1], seeded) == 200
    monkeypatch.setenv("MOCKST_WORLD", str(out))
    assert cli.main(["serve"]) == 0  # the new name wins, without a note
    assert "note" not in capsys.readouterr().err


def _serve_parser() -> argparse.ArgumentParser:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["serve"]


def test_serve_help_shows_each_options_default_variable_and_choices(
    served: list[Any], capsys: Any
) -> None:
    parser = _serve_parser()
    text = parser.format_help()
    for action in parser._actions:
        if action.dest in ("help", "fault"):
            continue
        flag = action.option_strings[0]
        help_text = " ".join(str(action.help).split())
        assert "default:" in help_text, flag
        assert "env MOCKST_" + flag[2:].upper().replace("-", "_") in help_text, flag
    joined = " ".join(text.split())
    assert "one of production, integration" in joined
    assert "one of critical, error, warning, info, debug, trace" in joined
    assert "deprecated spelling of --world" in joined


def test_a_bad_environment_from_the_variable_is_a_usage_error(
    served: list[Any], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKST_ENVIRONMENT", "staging")
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "MOCKST_ENVIRONMENT" in err and "'staging'" in err


def test_env_lines_are_what_a_connector_reads() -> None:
    creds = {
        "authUrl": "http://h",
        "apiUrl": "http://h",
        "tenantId": 1,
        "appKey": "ak1.x",
        "clientId": "cid.y",
        "clientSecret": "cs1.z",
        "bookingProviderId": 2,
    }
    assert [line.split("=")[0] for line in env_lines(creds)] == [
        "ST_AUTH_URL",
        "ST_API_URL",
        *KEYS,
    ]
    assert json.dumps(DemoOptions().__dict__) == json.dumps(
        {"app_key": None, "client_id": None, "secret": None}
    )


def test_a_derived_secret_depends_on_the_signing_key() -> None:
    one, two = World(signing_key="a"), World(signing_key="b")
    assert derived_secret(one, "cid.x") == derived_secret(World(signing_key="a"), "cid.x")
    assert derived_secret(one, "cid.x") != derived_secret(two, "cid.x")
    assert derived_secret(one, "cid.x") != derived_secret(one, "cid.y")
