"""Provider and Panora SDKs that pin other versions than ours (pydantic, httpx), each in a virtualenv of its own
as a real client would have it: built with pip from the package index on first use, once per machine, under the
user's cache directory. The tests run them as subprocesses."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

PANORA_SDK = "panora-sdk==0.7.0"
BUSINESS_CENTRAL_SDK = "pybusinesscentral==3.10.0"


def _home(requirement: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base, "ledgerbridge", requirement.replace("==", "-"))


def sdk_python(requirement: str) -> Path:
    """The interpreter of a virtualenv holding ``requirement`` (``package==version``)."""
    home = _home(requirement)
    python = home / "bin" / "python"
    home.parent.mkdir(parents=True, exist_ok=True)
    with open(home.parent / f"{home.name}.lock", "w") as lock:  # test workers build it one at a time
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (home / "ready").exists():
            return python
        shutil.rmtree(home, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement],
                       check=True)
        (home / "ready").touch()
    return python
