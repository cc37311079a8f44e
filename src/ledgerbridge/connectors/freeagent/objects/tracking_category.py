"""Tracking categories at FreeAgent: projects (``/projects?view=all``), read only and listed whole."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.freeagent.mapping import tracking_category as mapping
from ledgerbridge.connectors.freeagent.reader import Reader

READER = Reader("projects", "project", mapping.to_unified, params={"view": "all"}, filtered=False)

DECLARATION = ObjectDeclaration(name="tracking_category", list=READER.pages, fetch=READER.fetch)
