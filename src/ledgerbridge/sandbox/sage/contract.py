"""Checks an exchange with the sandbox against Sage's official contract (Swagger 2.0,
``shared/reference/providers/sage_accounting_v3.1_swagger.json``, or ``LEDGERBRIDGE_SAGE_SWAGGER``).

``check(request, response)`` answers what about the exchange the contract does not allow:

- the path and method must be an operation of the swagger (``/businesses`` is Sage's core API, outside this file:
  accepted unchecked), and every query parameter one the operation declares;
- a request body must match the operation's ``body`` parameter schema (``postSalesInvoices``…);
- a success must carry a status the operation declares and a body matching its schema. Lists: the swagger says a
  bare array, the live API wraps it in ``{"$total","$page","$next","$back","$itemsPerPage","$items"}``; we check
  that envelope and each item against the array's item schema;
- an error must be Sage's array of ``{"$severity","$dataCode","$message","$source"}`` (the swagger declares no
  error responses; the shape is from Sage's guides, providers.md §3).

Swagger 2.0 has no ``nullable`` and Sage answers ``null`` for unset attributes, so every typed schema also admits
null. Definitions are validated with ``jsonschema``'s Draft 4 validator (Swagger 2.0's dialect), resolving
``#/definitions/...`` against the whole document. The 1.3 MB file is read once per process.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import pathlib
import re
from typing import Any

import httpx
from jsonschema import Draft4Validator
from jsonschema.exceptions import ValidationError

DEFAULT_SWAGGER = pathlib.Path("/work/shared/reference/providers/sage_accounting_v3.1_swagger.json")
BASE_PATH = "/v3.1"
CORE_API = ("/businesses",)  # Sage's core API: same host and version, not in the accounting swagger
ENVELOPE_KEYS = ("$total", "$page", "$next", "$back", "$itemsPerPage", "$items")
ERROR_SCHEMA = {"type": "array", "minItems": 1, "items": {
    "type": "object", "required": ["$severity", "$dataCode", "$message", "$source"],
    "properties": {"$severity": {"type": "string"}, "$dataCode": {"type": "string"},
                   "$message": {"type": "string"}, "$source": {"type": "string"}}}}
ENVELOPE_SCHEMA = {"type": "object", "required": list(ENVELOPE_KEYS), "properties": {
    "$total": {"type": "integer"}, "$page": {"type": "integer"}, "$next": {"type": ["string", "null"]},
    "$back": {"type": ["string", "null"]}, "$itemsPerPage": {"type": "integer"}, "$items": {"type": "array"}}}


def swagger_path() -> pathlib.Path:
    return pathlib.Path(os.environ.get("LEDGERBRIDGE_SAGE_SWAGGER") or DEFAULT_SWAGGER)


def _nullable(node: Any) -> Any:
    """Every ``type`` also admits null (Swagger 2.0 cannot say it; Sage does it)."""
    if isinstance(node, dict):
        out = {k: _nullable(v) for k, v in node.items()}
        kind = out.get("type")
        if isinstance(kind, str) and kind != "null":
            out["type"] = [kind, "null"]
        if "$ref" in out:  # a reference can be null too
            return {"anyOf": [{"$ref": out.pop("$ref")}, {"type": "null"}], **out}
        return out
    if isinstance(node, list):
        return [_nullable(v) for v in node]
    return node


@functools.cache
def swagger() -> dict[str, Any]:
    return json.loads(swagger_path().read_text())  # type: ignore[no-any-return]


@functools.cache
def _root() -> dict[str, Any]:
    return {"definitions": _nullable(copy.deepcopy(swagger()["definitions"]))}


@functools.cache
def _operations() -> list[tuple[re.Pattern[str], str, dict[str, Any]]]:
    ops = []
    for template, item in swagger()["paths"].items():
        pattern = re.compile("^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$")
        for method, op in item.items():
            if isinstance(op, dict) and method in ("get", "post", "put", "delete"):
                ops.append((pattern, method.upper(), op))
    return ops


def operation(method: str, path: str) -> dict[str, Any] | None:
    for pattern, verb, op in _operations():
        if verb == method and pattern.match(path):
            return op
    return None


@functools.lru_cache(maxsize=256)
def _validator(schema_json: str) -> Draft4Validator:
    schema = _nullable(json.loads(schema_json))
    return Draft4Validator({**schema, "definitions": _root()["definitions"]})


def _deepest(error: ValidationError) -> ValidationError:
    """Inside an ``anyOf`` (a nullable reference), the branch error that went deepest says what is wrong."""
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


def validate(schema: dict[str, Any], instance: Any, where: str) -> list[str]:
    ref = schema.get("$ref")
    if ref is not None and len(schema) == 1:  # the top level is never null
        schema = swagger()["definitions"][ref.rsplit("/", 1)[-1]]
    validator = _validator(json.dumps(schema, sort_keys=True))
    found = [_deepest(e) for e in validator.iter_errors(instance)]
    return [f"{where}: {'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message[:300]}"
            for e in sorted(found, key=lambda e: list(map(str, e.absolute_path)))[:10]]


def _json(content: bytes) -> Any:
    return json.loads(content) if content.strip() else None


def check(request: httpx.Request, response: httpx.Response) -> list[str]:
    path = request.url.path
    if not path.startswith(BASE_PATH + "/"):
        return []  # OAuth endpoints: not part of the accounting contract
    path = path[len(BASE_PATH):]
    if path.startswith(CORE_API):
        return []
    op = operation(request.method, path)
    if op is None:
        return [f"{request.method} {path} is not an operation of Sage's swagger"]
    problems: list[str] = []
    params = op.get("parameters", [])
    known = {p["name"] for p in params if p.get("in") == "query"}
    problems += [f"query parameter {name!r} is not declared" for name in request.url.params if name not in known]
    body_param = next((p for p in params if p.get("in") == "body"), None)
    if request.content and body_param is None:
        problems.append("a body was sent to an operation that takes none")
    elif body_param is not None:
        try:
            sent = _json(request.content)
        except ValueError:
            return [*problems, "the request body is not JSON"]
        if sent is None and body_param.get("required"):
            problems.append("the required request body is missing")
        elif sent is not None:
            problems += validate(body_param["schema"], sent, "request")
    status = response.status_code
    try:
        answer = _json(response.content)
    except ValueError:
        return [*problems, f"the {status} answer is not JSON"]
    if status >= 400:
        problems += validate(ERROR_SCHEMA, answer, f"{status} error")
        return problems
    declared = op.get("responses", {})
    if str(status) not in declared:
        return [*problems, f"status {status} is not declared (declared: {', '.join(declared)})"]
    schema = declared[str(status)].get("schema")
    if schema is None:
        if answer is not None:
            problems.append(f"status {status} declares no body but one was sent")
        return problems
    if schema.get("type") == "array":
        # The swagger says a bare array; the live API answers the paging envelope (providers.md §3).
        problems += validate(ENVELOPE_SCHEMA, answer, "envelope")
        if isinstance(answer, dict) and isinstance(answer.get("$items"), list):
            for i, item in enumerate(answer["$items"]):
                problems += validate(schema["items"], item, f"$items[{i}]")
        return problems
    return problems + validate(schema, answer, "response")
