"""Hand-picked hostile inputs for every operation of the served API, beyond what schemathesis generates from the
OpenAPI document (issue 14): JSON nested far deeper than any object, integers beyond 64 bits in every integer
parameter and in cursors, dates at the ends of the calendar with offsets in every date parameter. None may be
answered with a 5xx. Then an oversize body over a real socket, unauthenticated and authenticated: refused (401,
413) with the server's memory bounded, measured as its resident set size.
"""

from __future__ import annotations

import base64
import json
import re
import select
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

BLANK_ID = "00000000-0000-0000-0000-000000000000"
HUGE = [str(2**64), str(-(2**64)), str(2**63), "9" * 40]
DATE_TIMES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999999Z",
              "0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z"]
DATES = ["0001-01-01", "9999-12-31", "10000-01-01", "0000-01-01"]
DEEP = [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 5_000 + b"1" + b"}" * 5_000, b'{"a":' * 65 + b"1" + b"}" * 65]
CURSORS = [base64.urlsafe_b64encode(json.dumps({"p": 2**64, "b": 0}).encode()).decode().rstrip("="),
           base64.urlsafe_b64encode(b"[" * 3000 + b"]" * 3000).decode()]


def _kinds(schema: dict[str, Any]) -> set[str]:
    """The parameter's types and formats, through anyOf (FastAPI writes ``X | None`` as anyOf with null)."""
    found = {str(schema.get("type")), str(schema.get("format"))}
    for option in schema.get("anyOf", []) + schema.get("oneOf", []):
        found |= _kinds(option)
    return found


def _values(parameter: dict[str, Any]) -> list[str]:
    kinds = _kinds(parameter.get("schema", {}))
    if parameter["name"] == "cursor":
        return CURSORS
    if "integer" in kinds:
        return HUGE
    if "date-time" in kinds:
        return DATE_TIMES
    if "date" in kinds:
        return DATES
    return []


def cases(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, str], bytes | None]]:
    """(method, path, query, body) for every operation: one hostile value at a time."""
    for template, item in schema["paths"].items():
        path = re.sub(r"\{[^}]+\}", BLANK_ID, template)
        for method, operation in item.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    for value in _values(parameter):
                        yield method.upper(), path, {parameter["name"]: value}, None
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                for body in DEEP:
                    yield method.upper(), path, {}, body


def hostile_requests(base_url: str, headers: dict[str, str]) -> list[str]:
    """Every case sent; the ones answered with a 5xx (or not at all), described."""
    failures = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        schema = client.get("/openapi.json").json()
        sent = 0
        for method, path, query, body in cases(schema):
            sent += 1
            shown = str(query)[:120]
            try:
                answer = client.request(method, path, params=query, content=body,
                                        headers={"content-type": "application/json"} if body else {})
            except httpx.HTTPError as exc:
                failures.append(f"{method} {path} {shown} {len(body or b'')}B: no answer ({exc!r})")
                continue
            if answer.status_code >= 500:
                failures.append(f"{method} {path} {shown} {len(body or b'')}B: {answer.status_code} "
                                f"{answer.text[:200]}")
    if sent < 100:
        failures.append(f"only {sent} hostile cases: is the schema served?")
    return failures


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _post_chunked(port: int, path: str, headers: dict[str, str], total: int) -> tuple[int, int]:
    """POST ``total`` bytes chunked over a raw socket, stopping as soon as the server answers or stops reading;
    (status, body bytes sent)."""
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    head += "Transfer-Encoding: chunked\r\n\r\n"
    chunk = b"[" * 65536
    frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode())
        while sent < total:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered (or closed)
            try:
                sock.sendall(frame)
            except OSError:  # reset, or a send that blocked for 10 s: the server does not read
                break
            sent += len(chunk)
        answer = b""
        sock.settimeout(30)
        try:
            while b"\r\n" not in answer:
                more = sock.recv(65536)
                if not more:
                    break
                answer += more
        except OSError:
            pass
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, sent


def oversize_bodies(port: int, pid: int, headers: dict[str, str]) -> list[str]:
    """50 MB bodies (chunked: no Content-Length to refuse them by) to a typed-body route and a JSON route."""
    failures = []
    before = _rss_kib(pid)
    for path, sent_headers, expected in (
        ("/linked_users", {}, 401),
        ("/passthrough", {"x-api-key": "lb_nope"}, 401),
        ("/linked_users", {"x-api-key": headers["x-api-key"]}, 413),
        ("/passthrough", headers, 413),
    ):
        status, sent = _post_chunked(port, path, sent_headers, 50 * 1024 * 1024)
        if status != expected:
            failures.append(f"POST {path} 50 MB with {sorted(sent_headers)}: {status}, expected {expected}")
        if sent >= 50 * 1024 * 1024:
            failures.append(f"POST {path} with {sorted(sent_headers)}: the server read all 50 MB")
    grown = _rss_kib(pid) - before
    if grown > 30 * 1024:  # the 50 MB bodies four times over, had they been read: far more than this
        failures.append(f"the server's memory grew by {grown} KiB over four refused 50 MB bodies")
    return failures
