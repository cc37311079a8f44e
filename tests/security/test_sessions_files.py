"""Issue 14, finding 7: every file in the data directory is readable by the server's user only (0600), like
``secret.key`` — the embedded database with its -wal/-shm files first of all."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from ledgerbridge import private_files


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_cli_creates_the_database_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    environment = {**os.environ, "LEDGERBRIDGE_DATA_DIR": str(data)}
    environment.pop("LEDGERBRIDGE_DATABASE_URL", None)
    script = (
        "import os, sys\n"
        "os.umask(0o022)\n"  # a usual login umask: world-readable files unless the server narrows it
        "from ledgerbridge.cli import app\n"
        "sys.argv = ['ledgerbridge', 'db', 'upgrade']\n"
        "app()\n"
    )
    subprocess.run([sys.executable, "-c", script], env=environment, check=True, capture_output=True, timeout=120)
    database = data / "ledgerbridge.db"
    assert database.exists()
    for path in data.iterdir():
        assert _mode(path) == 0o600, (path.name, oct(_mode(path)))
    assert _mode(data) & 0o077 == 0


def test_files_left_with_wider_modes_are_narrowed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "tryton").mkdir(parents=True)
    old = [data / "ledgerbridge.db", data / "ledgerbridge.db-wal", data / "demo.json", data / "tryton" / "state.db"]
    for path in old:
        path.write_text("x")
        path.chmod(0o644)
    (data / "tryton").chmod(0o755)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not ours")
    outside.chmod(0o644)
    (data / "link").symlink_to(outside)
    previous = os.umask(0o022)
    try:
        private_files.make_private(data)
        assert os.umask(0o022) == private_files.PRIVATE_UMASK
    finally:
        os.umask(previous)
    for path in old:
        assert _mode(path) == 0o600, path
    assert _mode(data / "tryton") == 0o700
    assert _mode(outside) == 0o644  # a link is not followed out of the data directory


def test_files_created_after_make_private_are_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        private_files.make_private(tmp_path)
        (tmp_path / "demo.json").write_text("{}")
        (tmp_path / "sandbox").mkdir()
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "demo.json") == 0o600
    assert _mode(tmp_path / "sandbox") == 0o700
