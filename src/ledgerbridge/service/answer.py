"""What a write answers the route: status, the rendered JSON body, and whether it was replayed for a key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: str
    replayed: bool = False
    etag: str | None = None
