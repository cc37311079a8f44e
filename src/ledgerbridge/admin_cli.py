"""Admin commands: ``ledgerbridge projects|keys|linked-users|connections|webhooks …`` (to be filled)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the admin command groups to the main ``ledgerbridge`` command."""
