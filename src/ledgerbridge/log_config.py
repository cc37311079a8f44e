"""JSON logs, one object per line, each carrying the request id of the request it belongs to.

``configure()`` is called once by the ``serve`` and ``worker`` commands (``LEDGERBRIDGE_LOG_FORMAT=text`` keeps
plain lines for a terminal). Secrets never reach a log on purpose; :class:`Redact` is the belt to those braces:
it masks anything shaped like one of our API keys, connection tokens or a bearer token, whoever logged it.
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
import sys

from pythonjsonlogger.json import JsonFormatter

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("ledgerbridge_request_id", default=None)

_SECRET = re.compile(r"\b(lb_|ct_)[A-Za-z0-9_\-]{16,}|(?i:bearer)\s+[A-Za-z0-9._\-~+/=]{8,}")


def _mask(match: re.Match[str]) -> str:
    return (match.group(1) or "Bearer ") + "[redacted]"


class Redact(logging.Filter):
    """Mask secrets in the rendered message and stamp the request id (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _SECRET.sub(_mask, message)
        if masked != message:
            record.msg, record.args = masked, None
        record.request_id = REQUEST_ID.get()
        return True


def formatter(fmt: str = "json") -> logging.Formatter:
    if fmt == "text":
        return logging.Formatter("%(levelname)s %(name)s [%(request_id)s]: %(message)s")
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        timestamp=False,
    )


def configure(level: str | None = None, fmt: str | None = None) -> None:
    """Route every log record (ours, uvicorn's, procrastinate's) through one JSON handler on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(fmt or os.environ.get("LEDGERBRIDGE_LOG_FORMAT", "json")))
    handler.addFilter(Redact())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("LEDGERBRIDGE_LOG_LEVEL", "INFO"))
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "procrastinate"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
