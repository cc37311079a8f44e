"""Operations commands: ``ledgerbridge sync CONNECTION``, ``ledgerbridge worker`` (to be filled)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the operations commands to the main ``ledgerbridge`` command."""
