"""Admin commands: ``ledgerbridge projects|keys|linked-users|connections|provider-apps|operators|webhooks …``.

Thin, like the rest of the CLI: each command opens a :class:`Runtime` from the environment (LEDGERBRIDGE_*),
calls one package function and prints the outcome (:mod:`.running`). One module per command group. Secrets are
printed only where they are created (a new API key, a webhook's signing secret); passwords and client secrets
are prompted for, never taken from the command line history.
"""

from __future__ import annotations

import typer

from ledgerbridge.admin_cli import (
    connections,
    keys,
    linked_users,
    operators,
    projects,
    provider_apps,
    webhooks,
)

GROUPS = {
    "projects": projects.app,
    "keys": keys.app,
    "linked-users": linked_users.app,
    "connections": connections.app,
    "provider-apps": provider_apps.app,
    "operators": operators.app,
    "webhooks": webhooks.app,
}


def register(app: typer.Typer) -> None:
    """Add the admin command groups to the main ``ledgerbridge`` command."""
    for name, group in GROUPS.items():
        app.add_typer(group, name=name)
