"""The admin CLI against an SQLite file: every group, and its refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ledgerbridge.cli import app
from tests.conftest import SECRET

UUID = r"[0-9a-f-]{36}"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LEDGERBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LEDGERBRIDGE_SECRET_KEY", SECRET)
    runner = CliRunner()

    def run(*args: str, ok: bool = True, env: dict[str, str] | None = None) -> str:
        result = runner.invoke(app, list(args), env=env)
        assert (result.exit_code == 0) == ok, result.output
        return result.output

    run("db", "upgrade")
    return run


def test_projects_keys_users_and_links(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("operators", "create", "alice", env={"LEDGERBRIDGE_OPERATOR_PASSWORD": "a long enough password"})
    assert re.fullmatch(UUID + r"\n", out)
    assert "at least 12" in cli("operators", "create", "bob", env={"LEDGERBRIDGE_OPERATOR_PASSWORD": "short"}, ok=False)
    out = cli("projects", "create", "Acme", "--operator", "alice")
    project = re.search(r"project  (" + UUID + ")", out).group(1)  # type: ignore[union-attr]
    first_key = re.search(r"api key  (lb_\S+)", out).group(1)  # type: ignore[union-attr]
    assert project in cli("projects", "list")
    assert "no operator" in cli("projects", "create", "X", "--operator", "nobody", ok=False)

    new_key = cli("keys", "create", project, "--name", "ci").split()[0]
    listing = cli("keys", "list", project)
    assert first_key not in listing and new_key not in listing and new_key[:10] in listing
    key_id = re.search(r"(" + UUID + r")  \S+…  ci", listing).group(1)  # type: ignore[union-attr]
    cli("keys", "revoke", project, key_id)
    assert "no such active key" in cli("keys", "revoke", project, key_id, ok=False)
    assert "ci  revoked" in cli("keys", "list", project)

    user = cli("linked-users", "create", project, "customer-42", "--alias", "Customer").strip()
    assert "customer-42" in cli("linked-users", "list", project)
    link = cli("linked-users", "magic-link", project, user, "--base-url", "https://lb.example",
               "--return-url", "https://app.example/back").strip()
    assert link.startswith("https://lb.example/connect?link=")
    assert "return_url" in cli("linked-users", "magic-link", project, user, "--return-url", "javascript:x", ok=False)
    other = re.search(r"project  (" + UUID + ")", cli("projects", "create", "Other")).group(1)  # type: ignore[union-attr]
    assert "linked_user_id" in cli("linked-users", "magic-link", other, user, ok=False)


def test_provider_apps_and_connections(cli) -> None:  # type: ignore[no-untyped-def]
    project = re.search(r"project  (" + UUID + ")", cli("projects", "create", "Acme")).group(1)  # type: ignore[union-attr]
    out = cli("provider-apps", "set", project, "xero", "--client-id", "abc",
              env={"LEDGERBRIDGE_APP_SECRET": "s3cret-value"})
    assert "xero app saved" in out and "s3cret-value" not in out
    assert "must be one of" in cli("provider-apps", "set", project, "zoho_books", "--client-id", "abc",
                                   env={"LEDGERBRIDGE_APP_SECRET": "x"}, ok=False)
    assert cli("provider-apps", "list", project).split() == ["xero"]
    assert "offered on the connect page" in cli("provider-apps", "enable", project, "tryton")
    assert "must be one of" in cli("provider-apps", "enable", project, "xero", ok=False)  # an OAuth provider
    assert sorted(cli("provider-apps", "list", project).split()) == ["tryton", "xero"]
    assert "no longer offered" in cli("provider-apps", "disable", project, "tryton")
    assert "not set up" in cli("provider-apps", "disable", project, "tryton", ok=False)
    assert cli("provider-apps", "list", project).split() == ["xero"]
    assert cli("connections", "list", project) == ""
    missing = "00000000-0000-0000-0000-000000000000"
    assert "no such connection" in cli("connections", "resync", project, missing, ok=False)
    assert "no such connection" in cli("connections", "disconnect", project, missing, ok=False)
    assert "no operator" in cli("operators", "grant", "nobody", project, ok=False)
