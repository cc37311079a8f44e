"""Hold exchanges with the sandbox to Moneybird's official OpenAPI 3.1 document.

``check(request, response)`` (an ``httpx`` pair) lists what the exchange breaks of the contract: an operation the
document does not have, a request body its schema refuses, a status the operation does not declare, an answer its
schema refuses. The tests and the harness's ``CheckedTransport`` call it on every exchange.

Statuses the document declares once for all operations (``components/responses``: 401, 403, 429…) are checked
against those; injected 5xx faults have no schema and are not judged. The 2.4 MB YAML is parsed once per process
and kept out of the cyclic GC's walks; validators are cached per schema.
"""

from __future__ import annotations

import gc
import json
import os
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import simplejson
import yaml
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REFERENCE = Path(os.environ.get("LEDGERBRIDGE_MONEYBIRD_OPENAPI",
                                "/work/shared/reference/providers/moneybird_openapi.yml"))
BASE = "urn:moneybird:openapi"
API_PREFIX = "/api/v2"
SHARED_RESPONSES = {401: "401_unauthorized", 402: "402_payment_required", 403: "403_forbidden",
                    404: "404_not_found", 429: "429_too_many_requests"}
_FORMATS = jsonschema.FormatChecker(formats=("date",))


@cache
def spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(REFERENCE, encoding="utf-8") as fh:
        document: dict[str, Any] = yaml.load(fh, Loader=loader)
    # The document is ~180,000 objects kept for the life of the process: left in the cyclic GC's sight, every full
    # collection walks them all (~0.2 s, a pause that stalls an event loop mid-request). Freeze what exists now.
    gc.freeze()
    return document


@cache
def _registry() -> Registry:
    return Registry().with_resource(BASE, Resource.from_contents(spec(), default_specification=DRAFT202012))


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """Path templates as patterns; literal segments win over parameters (``/synchronization`` over ``/{id}``)."""
    out = []
    for template in spec()["paths"]:
        pattern = re.escape(template)
        pattern = pattern.replace(re.escape("{format}"), r"(\.json|\.xml)?")
        pattern = re.sub(r"\\\{[a-z_]+\\\}", r"[^/]+", pattern)
        out.append((re.compile(f"^{pattern}$"), template))
    return sorted(out, key=lambda pt: (pt[1].count("{"), -len(pt[1])))


def operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The template and operation of a request path (below ``/api/v2``), None when the document has none."""
    for pattern, template in _templates():
        if pattern.match(path):
            op = spec()["paths"][template].get(method.lower())
            if op is not None:
                return template, op
    return None


def _resolve(obj: dict[str, Any]) -> dict[str, Any]:
    ref = obj.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        node: Any = spec()
        for part in ref[2:].split("/"):
            node = node[part]
        return _resolve(node)
    return obj


def _absolutise(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: (BASE + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _absolutise(v))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_absolutise(v) for v in schema]
    return schema


@lru_cache(maxsize=512)
def _validator(schema_key: str) -> Any:
    return OAS31Validator(_absolutise(json.loads(schema_key)), registry=_registry(), format_checker=_FORMATS)


def errors(schema: dict[str, Any], body: Any, what: str) -> list[str]:
    validator = _validator(json.dumps(schema, sort_keys=True))
    found = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    return [f"{what} at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in found[:10]]


def _json_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    content = content or {}
    media = content.get("application/json") or content.get("application/*") or {}
    return media.get("schema")


def check_request(method: str, path: str, body: Any) -> list[str]:
    found = operation(method, path)
    if found is None:
        return [f"{method} {path} is not an operation of Moneybird's OpenAPI document"]
    template, op = found
    schema = _json_schema(_resolve(op.get("requestBody") or {}).get("content"))
    if body is None:
        return []
    if schema is None:
        return [f"{method} {template} takes no JSON body"]
    return errors(schema, body, f"request {method} {template}")


def check_response(method: str, path: str, status: int, body: Any, has_body: bool) -> list[str]:
    found = operation(method, path)
    if found is None:
        return [f"{method} {path} is not an operation of Moneybird's OpenAPI document"]
    template, op = found
    declared = op.get("responses", {}).get(str(status))
    if declared is None and status in SHARED_RESPONSES:
        declared = spec()["components"]["responses"][SHARED_RESPONSES[status]]
    if declared is None:
        return [] if status >= 500 else [f"{method} {template} does not declare status {status}"]
    declared = _resolve(declared)
    schema = _json_schema(declared.get("content"))
    if schema is None:
        return [f"{method} {template} {status} has no body in the contract"] if has_body else []
    if not has_body:
        return [f"{method} {template} {status} must have a JSON body"]
    return errors(schema, body, f"response {method} {template} {status}")


def _decode(content: bytes) -> Any:
    return simplejson.loads(content, use_decimal=True) if content.strip() else None


def check(request: httpx.Request, response: httpx.Response) -> list[str]:
    """What this exchange breaks of the contract (OAuth endpoints are not in the document: not judged)."""
    path = request.url.path
    if not path.startswith(API_PREFIX + "/"):
        return []
    path = path[len(API_PREFIX):]
    problems: list[str] = []
    try:
        body = _decode(request.content)
    except ValueError:
        problems.append("request body is not JSON")
        body = None
    problems += check_request(request.method, path, body)
    content = response.content
    try:
        answer = _decode(content)
    except ValueError:
        return [*problems, f"response {response.status_code} is not JSON"]
    return problems + check_response(request.method, path, response.status_code, answer, bool(content.strip()))
