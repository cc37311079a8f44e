"""Panora's published Python SDK, unmodified, in a virtualenv of its own (it pins older pydantic and httpx than
ours), as a real client would have it. Built once per machine under the user's cache directory."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

PANORA_SDK = "panora-sdk==0.7.0"


def _cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base, "ledgerbridge", PANORA_SDK.replace("==", "-"))


def panora_python() -> Path:
    """The interpreter of a virtualenv holding the SDK (created with pip from the package index on first use)."""
    home = _cache()
    python = home / "bin" / "python"
    home.parent.mkdir(parents=True, exist_ok=True)
    with open(home.parent / f"{home.name}.lock", "w") as lock:  # test workers build it one at a time
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (home / "ready").exists():
            return python
        shutil.rmtree(home, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PANORA_SDK],
                       check=True)
        (home / "ready").touch()
    return python
