"""Settings, from the environment (``LEDGERBRIDGE_*``) or keyword arguments."""

from __future__ import annotations

import base64
import ipaddress
import os
import re
import secrets
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEDGERBRIDGE_", extra="ignore")

    data_dir: Path = Field(default=Path(".ledgerbridge"), description="Embedded database, generated secret key.")
    database_url: str | None = Field(
        default=None,
        description="sqlite+aiosqlite:///path.db or postgresql+asyncpg://user@host/db; "
        "default: an SQLite file in data_dir.",
    )
    secret_key: str | None = Field(
        default=None,
        description="Base64 of 32 random bytes: encrypts provider credentials (AES-GCM). In embedded mode it is "
        "generated into data_dir/secret.key when not given.",
    )
    host: str = "127.0.0.1"
    port: int = 3000
    idempotency_ttl_hours: int = 24
    provider_timeout_seconds: float = Field(
        default=30.0, gt=0, description="How long one provider call may take before its answer counts as lost.",
    )
    provider_attempts: int = Field(
        default=4, ge=1, description="Tries of a provider call that is safe to repeat (reads, keyed writes), with "
        "backoff and Retry-After in between; 1 hands every failure to the caller (the chaos suite uses it).",
    )
    uncertain_write_grace_seconds: float = Field(
        default=600.0, ge=0, description="A create whose provider answer was lost (or whose process stopped) is "
        "resolved by the background pass once it is this old: longer than any provider call with its retries.",
    )
    write_quota_wait_seconds: float = Field(
        default=5.0, ge=0, le=120,
        description="Longest a write (POST/PATCH/DELETE) waits for the provider's quota before answering 429 with "
        "a Retry-After saying when there is room; nothing is sent to the provider then. Syncs always wait.",
    )
    sandbox_time_scale: float = Field(
        default=1.0, gt=0, description="Demo only: the sandboxes' quota minute lasts 60/scale seconds, and the demo's "
        "connections are given the same scaled quota (long fuzz runs; 1 = the providers' real limits).",
    )
    # Egress (ledgerbridge.egress): requests made on a caller's behalf (webhook deliveries, a provider URL typed
    # into a connect form, attachment fetches) never go to loopback, private, link-local, reserved or metadata
    # addresses, unless listed here.
    egress_allow_networks: list[str] = Field(
        default_factory=list,
        description='Addresses or networks (CIDR), or host names, requests on a caller\'s behalf may reach although '
        'they are not public, e.g. ["10.20.0.0/16", "erp.internal"]; default: none. JSON list in the environment.',
    )

    @field_validator("egress_allow_networks")
    @classmethod
    def _egress_entries(cls, entries: list[str]) -> list[str]:
        """Each entry an address, a CIDR network or a host name: a mistyped network must not pass as a name."""
        for entry in entries:
            text = entry.strip().strip("[]")
            try:
                ipaddress.ip_network(text, strict=False)
            except ValueError:
                if not re.fullmatch(r"[A-Za-z0-9_.-]+", text) or re.fullmatch(r"[0-9./:]+", text):
                    raise ValueError(f"{entry!r} is neither an address, a CIDR network nor a host name") from None
        return entries

    # Attachment uploads (POST /accounting/attachments). A data: URL is always accepted; an http(s) file_url is
    # fetched only from these hosts (exact names, JSON list in the environment), so callers cannot make the
    # server read whatever it can reach (SSRF).
    attachment_url_hosts: list[str] = Field(
        default_factory=list,
        description='Hosts an http(s) file_url may name, e.g. ["files.example.com"]; default: none.',
    )
    attachment_private_networks: list[str] = Field(
        default_factory=list,
        description="Private, loopback or link-local addresses/networks (CIDR) an allowed host may resolve to; "
        'default: none, so an allowed host that resolves to e.g. 10.0.0.5 is still refused. ["127.0.0.1"].',
    )
    attachment_max_bytes: int = Field(
        default=25 * 1024 * 1024,
        description="Largest attachment accepted: Xero takes at most 25 MB a file, QuickBooks 100 MB.",
    )

    # -- hardening (issue 14): the metrics credential, request size limits, dashboard login throttling ----------
    metrics_token: str | None = Field(
        default=None,
        description="Bearer token Prometheus sends to GET /metrics (Authorization: Bearer …). Unset: /metrics "
        "answers 404, so nothing unauthenticated lists tenants' connections.",
    )
    request_max_bytes: int = Field(
        default=1024 * 1024, ge=1024,
        description="Largest request body (bytes) any route reads; larger is refused with 413 while reading, before "
        "parsing. POST /accounting/attachments allows what attachment_max_bytes needs as a base64 data: URL.",
    )
    login_max_failures: int = Field(
        default=5, ge=1,
        description="Dashboard: failed logins allowed per operator name and per client address in "
        "login_window_seconds; more are answered 429 until the window has passed.",
    )
    login_window_seconds: int = Field(default=15 * 60, ge=1, description="Dashboard: the login throttling window.")

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'ledgerbridge.db').resolve()}"

    def encryption_key(self) -> bytes:
        """The AES-256 key; generated once into the data dir when the environment gives none."""
        if self.secret_key:
            key = base64.b64decode(self.secret_key)
        else:
            path = self.data_dir / "secret.key"
            if not path.exists():
                self.data_dir.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w") as handle:
                    handle.write(base64.b64encode(secrets.token_bytes(32)).decode())
            key = base64.b64decode(path.read_text().strip())
        if len(key) != 32:
            raise ValueError("LEDGERBRIDGE_SECRET_KEY must be base64 of exactly 32 bytes")
        return key
