"""Hold exchanges with the sandbox to Microsoft's official Business Central API v1.0 OpenAPI document.

``check(request, response)`` (the ``tests/checked_transport.py`` signature) finds the operation by path template
(``/companies({company_id})/salesInvoices({salesInvoice_id})`` …), validates a JSON request body against its
``requestBody`` and a 2xx JSON answer against its response schema, and holds error answers to the OData error
shape providers.md gives (the contract declares none). The 0.5 MB YAML is parsed once per process.

Stricter than the document in one way: a property the schema does not name fails (``@odata.*`` annotations
excepted), so the sandbox cannot drift into fields Business Central does not have. More lenient in one way:
the document marks Edm.Date properties (``invoiceDate``, ``dueDate``, ``postingDate``…) as ``date-time``, while
Business Central sends and takes them as plain dates (``2024-01-31``); ``date-time`` accepts both.
"""

from __future__ import annotations

import copy
import json
import os
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import yaml
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

REFERENCE = Path(os.environ.get("LEDGERBRIDGE_BC_OPENAPI",
                                "/work/shared/reference/providers/business_central_v1.0_openapi.yaml"))
API_ROOT = "/api/v1.0"
URN = "urn:business-central:v1.0"


def _date_or_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        if "T" in value:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:
            date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _uuid(value: object) -> bool:
    return not isinstance(value, str) or re.fullmatch(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}",
                                                      value) is not None


_FORMATS = jsonschema.FormatChecker(formats=())
_FORMATS.checks("uuid")(_uuid)
_FORMATS.checks("date-time")(_date_or_datetime)


@cache
def spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(REFERENCE, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # type: ignore[no-any-return]


def _closed(node: Any) -> Any:
    """Every object schema with properties refuses properties it does not name (``@odata.*`` allowed)."""
    if isinstance(node, dict):
        out = {k: _closed(v) for k, v in node.items()}
        if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
            out["additionalProperties"] = False
            out["patternProperties"] = {r"^@odata\.": {}}
        return out
    if isinstance(node, list):
        return [_closed(v) for v in node]
    return node


@cache
def _strict() -> dict[str, Any]:
    document = copy.deepcopy(spec())
    document["components"] = _closed(document["components"])
    return document


@cache
def _registry() -> Registry:
    return Registry().with_resource(URN, Resource.from_contents(_strict(), default_specification=DRAFT4))


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for path in spec()["paths"]:
        pattern = re.escape(path)
        pattern = re.sub(r"'\\\{\w+\\\}'", "'[^']*'", pattern)
        pattern = re.sub(r"\\\{\w+\\\}", "[^/()',]+", pattern)
        out.append((re.compile(f"^{pattern}$"), path))
    return out


def template(path: str) -> str | None:
    """The contract's path template for a request path below ``/api/v1.0``, or None."""
    for pattern, name in _templates():
        if pattern.match(path):
            return name
    return None


def _validate(schema: dict[str, Any], body: Any, *, write: bool) -> list[str]:
    cls = OAS30WriteValidator if write else OAS30ReadValidator
    validator = cls(schema, registry=_registry(), format_checker=_FORMATS)
    return [f"{'/'.join(map(str, e.absolute_path)) or '<body>'}: {e.message}" for e in validator.iter_errors(body)]


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    target: Any = _strict()
    for part in ref.lstrip("#/").split("/"):
        target = target[part]
    return _resolve(target)


def _json_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    media = (content or {}).get("application/json") or {}
    schema = media.get("schema")
    return None if schema is None else _localise(schema)


def _localise(schema: Any) -> Any:
    """Point the document's ``#/components/...`` references at the registered strict copy."""
    if isinstance(schema, dict):
        return {k: (f"{URN}{v}" if k == "$ref" and isinstance(v, str) and v.startswith("#") else _localise(v))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_localise(v) for v in schema]
    return schema


def operation(method: str, path: str) -> dict[str, Any] | None:
    name = template(path)
    if name is None:
        return None
    item = _strict()["paths"][name]
    return item.get(method.lower())  # type: ignore[no-any-return]


def _body(raw: bytes) -> Any:
    return json.loads(raw)  # numbers as floats: the schema's ``number`` takes them


def check_request(method: str, path: str, body: Any) -> list[str]:
    op = operation(method, path)
    if op is None:
        return [f"{method} {path} is not in the Business Central v1.0 contract"]
    if body is None or "requestBody" not in op:
        return []
    schema = _json_schema(_resolve(op["requestBody"]).get("content"))
    return [] if schema is None else [f"request {p}" for p in _validate(schema, body, write=True)]


def check_response(method: str, path: str, status: int, body: Any) -> list[str]:
    if status >= 400:
        error = body.get("error") if isinstance(body, dict) else None
        if not (isinstance(error, dict) and isinstance(error.get("code"), str)
                and isinstance(error.get("message"), str)):
            return [f"{status} answer is not an OData error {{'error': {{'code', 'message'}}}}: {body!r:.200}"]
        return []
    op = operation(method, path)
    if op is None:
        return [f"{method} {path} is not in the Business Central v1.0 contract"]
    declared = {str(k): v for k, v in op.get("responses", {}).items()}
    answer = declared.get(str(status))
    if answer is None:
        return [f"status {status} is not declared (declared: {', '.join(declared)})"]
    schema = _json_schema(answer.get("content"))
    if schema is None:
        return [] if body is None else [f"status {status} declares no body"]
    return [f"response {p}" for p in _validate(schema, body, write=False)]


def api_path(url_path: str) -> str | None:
    """``/v2.0/{tenant}/{environment}/api/v1.0/companies(…)/…`` → ``/companies(…)/…``; None for other URLs."""
    head, sep, rest = url_path.partition(API_ROOT)
    return "/" + rest.lstrip("/") if sep and head.startswith("/v2.0/") else None


def check(request: httpx.Request, response: httpx.Response) -> list[str]:
    """What this exchange breaks of the contract (OAuth calls are Entra's, outside the BC document)."""
    path = api_path(request.url.path)
    if path is None:
        return []
    problems = []
    if request.content and request.method in ("POST", "PATCH"):
        try:
            problems += check_request(request.method, path, _body(request.content))
        except ValueError:
            problems.append("request body is not JSON")
    if response.status_code >= 400 or response.status_code in (200, 201):
        try:
            body = _body(response.content) if response.content else None
        except ValueError:
            return [*problems, "response body is not JSON"]
        problems += check_response(request.method, path, response.status_code, body)
    elif response.status_code == 204:
        problems += [] if not response.content else ["204 with a body"]
    return problems
