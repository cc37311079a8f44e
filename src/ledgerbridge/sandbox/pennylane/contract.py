"""Requests and answers held to Pennylane's official OpenAPI 3.0.1 document (``pennylane_openapi.json``).

``check(request, response)`` lists what an exchange breaks of the contract: a path or method the document does
not have, a request body or an answer its schemas refuse, a status it does not declare. The sandbox's tests and
the harness's :class:`~tests.checked_transport.CheckedTransport` use it; the sandbox itself uses
:func:`request_problems` to refuse a body as Pennylane does (400 with the validator's ``code``).

Where the contract is silent, providers.md decides, and these are let through: 429 (rate limit, ``{"error",
"status"}``) and 5xx answers in that same shape (injected faults). The OAuth endpoints are not API paths and are
not checked here. The 2 MB document is read once per process; it has no ``$ref``, every schema is inline.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator

REFERENCE = Path(os.environ.get("LEDGERBRIDGE_PENNYLANE_OPENAPI",
                                "/work/shared/reference/providers/pennylane_openapi.json"))
BASE_PATH = "/api/external/v2"
_FORMATS = jsonschema.FormatChecker(formats=("date", "date-time"))
_ERROR = {"type": "object", "additionalProperties": False, "required": ["error", "status"],
          "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}
#: the validator's keyword → the ``code`` Pennylane's 400 answers carry (the contract's enum)
CODES = {"additionalProperties": "NotExistPropertyDefinition", "required": "NotExistRequiredKey",
         "enum": "NotEnumInclude", "anyOf": "NotAnyOf", "oneOf": "NotOneOf", "minimum": "LessThanMinimum",
         "maximum": "MoreThanMaximum", "minLength": "LessThanMinLength", "maxLength": "MoreThanMaxLength",
         "minItems": "LessThanMinItems", "maxItems": "MoreThanMaxItems", "pattern": "InvalidPattern",
         "format": "InvalidDateFormat", "nullable": "NotNullError"}


@cache
def spec() -> dict[str, Any]:
    with open(REFERENCE, encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


@cache
def _routes() -> list[tuple[re.Pattern[str], str]]:
    """Each path template as a regex, literal paths before templated ones (``/customer_invoices/import``
    before ``/customer_invoices/{id}``)."""
    routes = []
    for template in spec()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/]+", re.escape(template))
        routes.append((re.compile(f"^{pattern}$"), template))
    return sorted(routes, key=lambda route: route[1].count("{"))


def template_of(path: str) -> str | None:
    """The contract's path template for a request path (any prefix before ``/api/external/v2`` dropped)."""
    at = path.find(BASE_PATH)
    if at < 0:
        return None
    path = path[at:].rstrip("/")
    return next((template for pattern, template in _routes() if pattern.match(path)), None)


def operation(method: str, path: str) -> dict[str, Any] | None:
    template = template_of(path)
    if template is None:
        return None
    found = spec()["paths"][template].get(method.lower())
    return found if isinstance(found, dict) else None


@cache
def _validator(schema_json: str, write: bool) -> Any:
    cls = OAS30WriteValidator if write else OAS30ReadValidator
    return cls(json.loads(schema_json), format_checker=_FORMATS)


def _errors(schema: dict[str, Any], body: Any, *, write: bool) -> list[jsonschema.ValidationError]:
    validator = _validator(json.dumps(schema, sort_keys=True), write)
    return sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(map(str, error.absolute_path))
    return f"at /{where}: {error.message[:300]}"


def _json_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    return ((content or {}).get("application/json") or {}).get("schema")


def request_problems(method: str, path: str, body: Any) -> list[tuple[str, str, str | None]]:
    """(message, code, field) for each way ``body`` breaks the operation's request schema."""
    found = operation(method, path)
    schema = _json_schema(((found or {}).get("requestBody") or {}).get("content"))
    if schema is None:
        return []
    problems = []
    for error in _errors(schema, body, write=True):
        field = ".".join(map(str, error.absolute_path)) or None
        problems.append((_describe(error), CODES.get(str(error.validator), "ValidateError"), field))
    return problems


def response_problems(method: str, path: str, status: int, body: Any) -> list[str]:
    found = operation(method, path)
    if found is None:
        return [f"{method} {path} is not an operation of the Pennylane contract"]
    declared = found.get("responses", {})
    entry = declared.get(str(status))
    if entry is None:
        if status == 429 or status >= 500:
            schema: dict[str, Any] | None = _ERROR
        else:
            return [f"status {status} is not declared for {method} {template_of(path)}"]
    else:
        schema = _json_schema(entry.get("content"))
    if schema is None:
        return [] if body in (None, b"", "") else [f"status {status} declares no body, but one came"]
    return [f"response {status} {_describe(e)}" for e in _errors(schema, body, write=False)]


def check(request: httpx.Request, response: httpx.Response) -> list[str]:
    """What this exchange breaks of the contract (empty when all is well); OAuth calls are not checked."""
    path = request.url.path
    if template_of(path) is None:
        if BASE_PATH in path:
            return [f"{request.method} {path} is not a path of the Pennylane contract"]
        return []
    problems: list[str] = []
    media = request.headers.get("content-type", "")
    if media.startswith("multipart/form-data"):
        found = operation(request.method, path) or {}
        if "multipart/form-data" not in ((found.get("requestBody") or {}).get("content") or {}):
            problems.append("a multipart body where the contract takes none")
    elif request.content:
        try:
            sent = json.loads(request.content)
        except ValueError:
            problems.append("the request body is not JSON")
        else:
            problems += [f"request {message}" for message, _, _ in request_problems(request.method, path, sent)]
    body: Any = None
    if response.content.strip():
        try:
            body = json.loads(response.content)
        except ValueError:
            return [*problems, f"response {response.status_code} is not JSON"]
    return problems + response_problems(request.method, path, response.status_code, body)
