"""Our own simple mark for each provider on the connect page: initials on a coloured tile with a geometric motif,
derived from the provider's slug and title alone (no provider's artwork, nothing to keep per provider).

The colour and the motif come from a hash of the slug, so a provider keeps its mark across releases; the text is
white on a dark enough background (lightness 34%) to pass WCAG contrast for large text.
"""

from __future__ import annotations

import hashlib

from markupsafe import Markup, escape

_MOTIFS = (
    '<circle cx="40" cy="8" r="14" fill="#fff" fill-opacity=".18"/>',
    '<path d="M48 48 L48 22 L22 48 Z" fill="#fff" fill-opacity=".18"/>',
    '<rect x="30" y="-6" width="22" height="22" transform="rotate(45 41 5)" fill="#fff" fill-opacity=".18"/>',
    '<circle cx="8" cy="44" r="12" fill="none" stroke="#fff" stroke-opacity=".25" stroke-width="4"/>',
)


def initials(name: str, title: str) -> str:
    """``business_central`` → BC; a one-word slug takes the capitals of the title's first word (QuickBooks → QB,
    FreeAgent → FA), else its first letter."""
    parts = [p for p in name.split("_") if p]
    if len(parts) > 1:
        return "".join(p[0] for p in parts[:2]).upper()
    first = (title.split() or [name])[0]
    capitals = [c for c in first if c.isupper()]
    return "".join(capitals[:2]) if len(capitals) > 1 else first[:1].upper()


def mark(name: str, title: str) -> Markup:
    digest = hashlib.sha256(name.encode()).digest()
    hue = int.from_bytes(digest[:2], "big") % 360
    motif = _MOTIFS[digest[2] % len(_MOTIFS)]
    text = escape(initials(name, title))
    size = 22 if len(text) == 1 else 18
    return Markup(
        '<svg class="mark" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">'
        f'<defs><clipPath id="mark-{escape(name)}"><rect width="48" height="48" rx="11"/></clipPath></defs>'
        f'<g clip-path="url(#mark-{escape(name)})"><rect width="48" height="48" fill="hsl({hue} 62% 34%)"/>{motif}</g>'
        f'<text x="24" y="24" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" '
        f'font-weight="700" font-size="{size}" fill="#fff">{text}</text></svg>'
    )
