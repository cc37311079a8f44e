"""Linking a provider account to a project: OAuth2 flows, magic links, provider apps, dashboard operators."""

from ledgerbridge.onboarding.magic_links import magic_link

__all__ = ["magic_link"]
