"""Opaque list cursors: a keyset position (the record's ``seq``) and a direction, base64url-encoded.

Keyset positions make pages stable under inserts: new rows get larger positions, so a page never repeats or
skips a row that existed when the listing began.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from ledgerbridge.errors import BadRequest

# Positions are the store's 64-bit ``seq``: anything larger was not handed out here (and no database could bind it).
MAX_POSITION = 2**63 - 1


@dataclass(frozen=True)
class Cursor:
    position: int
    backwards: bool = False

    def encode(self) -> str:
        raw = json.dumps({"p": self.position, "b": 1 if self.backwards else 0}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            data = json.loads(raw)
            position = data["p"]
            if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position <= MAX_POSITION:
                raise ValueError
            return cls(position, bool(data.get("b")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            raise BadRequest("cursor is not a cursor this API returned") from None
