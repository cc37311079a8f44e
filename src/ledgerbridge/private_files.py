"""The data directory is private to the server's user: the embedded SQLite database (and its -wal/-shm files),
``secret.key``, the demo's ``demo.json`` and sandbox state hold credentials and every tenant's records.

The process creates files with umask 077 (0600 files, 0700 directories; SQLite gives -wal/-shm the database
file's own mode), and files left by an older version with wider modes are narrowed at startup.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077


def restrict_umask() -> int:
    """Files this process creates from now on are readable by its user only. Returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def make_private(data_dir: Path) -> None:
    """The umask, and ``data_dir`` with everything in it narrowed to its owner (0700 directories, 0600 files)."""
    restrict_umask()
    if not data_dir.is_dir():
        return
    _narrow(data_dir)
    for root, directories, files in os.walk(data_dir):
        for name in [*directories, *files]:
            _narrow(Path(root) / name)


def _narrow(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:  # a -shm or journal file that went away meanwhile
        return
    if stat.S_ISLNK(mode):
        return  # never follow a link out of the data directory
    private = 0o700 if stat.S_ISDIR(mode) else 0o600
    wanted = stat.S_IMODE(mode) & private
    if stat.S_IMODE(mode) != wanted:
        os.chmod(path, wanted)
