"""What every HTML page of ours shares: the templates, the assets we serve ourselves, and the page's
Content-Security-Policy.

Every script, style sheet and font a page loads comes from ``/static`` (``api/static``, vendored libraries at
pinned versions under ``static/vendor/<name>-<version>/`` with their licences): the pages work with no internet,
and the policy allows nothing else — no inline script, no inline style attribute, no ``eval``. A page that needs a
value from the server (a project's accent colour) gets it as a ``<style>`` block whose hash the policy names.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STATIC_PREFIX = "/static"

TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))


def install(app: FastAPI) -> None:
    """Serve ``/static`` (GET only; the files are public and hold nothing per project)."""
    app.mount(STATIC_PREFIX, StaticFiles(directory=STATIC_DIR), name="static")


def asset(path: str) -> str:
    return f"{STATIC_PREFIX}/{path.lstrip('/')}"


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this ``<style>`` block's text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


def csp(*, frame_ancestors: Iterable[str] = ("'none'",), form_action: Iterable[str] = ("'self'",),
        styles: Iterable[str] = ()) -> str:
    """The policy of a page: ours only. ``frame_ancestors`` lists who may frame it (the connect page allows its
    link's return origin), ``form_action`` where its forms may post and be redirected to."""
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src " + " ".join(["'self'", *(style_hash(css) for css in styles)]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action " + " ".join(form_action),
        "frame-ancestors " + " ".join(frame_ancestors),
    ])


def page_headers(policy: str) -> dict[str, str]:
    return {"Cache-Control": "no-store", "Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer"}


_UNITS = ((365 * 86400, "year"), (30 * 86400, "month"), (7 * 86400, "week"), (86400, "day"), (3600, "hour"),
          (60, "minute"))


def ago(value: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """``3 minutes ago`` / ``in 2 hours`` / ``just now``; ``never`` for None."""
    if value is None:
        return "never"
    if value.tzinfo is None:  # stored times are UTC
        value = value.replace(tzinfo=dt.UTC)
    seconds = ((now or dt.datetime.now(dt.UTC)) - value).total_seconds()
    later, seconds = seconds < 0, abs(seconds)
    if seconds < 45:
        return "just now"
    size, unit = next(((size, unit) for size, unit in _UNITS if seconds >= size), (60, "minute"))
    count = max(1, int(seconds // size))
    text = f"{count} {unit}{'' if count == 1 else 's'}"
    return f"in {text}" if later else f"{text} ago"


def iso(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def duration(seconds: float | None) -> str:
    """A lag or an age as people say it: ``45 s``, ``12 min``, ``3 h``, ``2 d``."""
    if seconds is None:
        return "—"
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{int(seconds // size)} {unit}"
    return f"{int(seconds)} s"


TEMPLATES.env.globals["asset"] = asset
TEMPLATES.env.filters["ago"] = ago
TEMPLATES.env.filters["iso"] = iso
TEMPLATES.env.filters["duration"] = duration
