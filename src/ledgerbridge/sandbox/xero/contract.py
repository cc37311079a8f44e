"""Validate request/response bodies against Xero's official OpenAPI documents (accounting + identity).

Used by the sandbox's own tests and reusable by the Xero connector tests::

    validate_response("GET", "/Invoices", 200, body)
    validate_request("PUT", "/Invoices", body)
    validate_response("GET", "/Connections", 200, body, api="identity")

The ~900 KB YAML is parsed once per process (libyaml when available) and validators are cached per schema.
Bodies must be parsed with Decimal floats (as the sandbox and xero-python do); numbers validate either way.

Format checking is limited to ``uuid``: Xero's real wire dates (``/Date(..)/``, zone-less identity timestamps)
knowingly diverge from the ``date-time`` formats the spec declares, and the recorded responses prove it.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

REFERENCE_DIR = Path(os.environ.get("LEDGERBRIDGE_XERO_OPENAPI_DIR", "/work/shared/reference/providers"))
FILES = {"accounting": "xero_accounting.yaml", "identity": "xero-identity.yaml"}
_FORMATS = jsonschema.FormatChecker(formats=("uuid",))


class ContractError(AssertionError):
    """A body that does not match the contract; the message lists every violation with its JSON path."""


@cache
def spec(api: str = "accounting") -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(REFERENCE_DIR / FILES[api], encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # a safe loader (C-accelerated when available)


@cache
def _registry(api: str) -> Registry:
    return Registry().with_resource(f"urn:xero:{api}", Resource.from_contents(spec(api), default_specification=DRAFT4))


def _operation(api: str, method: str, path_template: str) -> dict[str, Any]:
    paths = spec(api)["paths"]
    wanted = path_template.rstrip("/").lower()
    for path, item in paths.items():
        if path.lower() == wanted and method.lower() in item:
            return item[method.lower()]
    raise KeyError(f"{method.upper()} {path_template} is not in the Xero {api} OpenAPI document")


def _json_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    media = (content or {}).get("application/json") or {}
    return media.get("schema")


def response_schema(method: str, path_template: str, status: int, api: str = "accounting") -> dict[str, Any] | None:
    responses = _operation(api, method, path_template)["responses"]
    entry = responses.get(str(status)) or responses.get("default")
    schema = _json_schema((entry or {}).get("content"))
    if schema is None and status == 400 and api == "accounting":
        return {"$ref": "#/components/schemas/Error"}  # many 400s are declared without a body schema
    return schema


def request_schema(method: str, path_template: str, api: str = "accounting") -> dict[str, Any] | None:
    body = _operation(api, method, path_template).get("requestBody") or {}
    return _json_schema(body.get("content"))


@lru_cache(maxsize=256)
def _validator(api: str, schema_key: str, write: bool) -> Any:
    import json
    schema = json.loads(schema_key)
    schema = _absolutise(schema, f"urn:xero:{api}")
    cls = OAS30WriteValidator if write else OAS30ReadValidator
    return cls(schema, registry=_registry(api), format_checker=_FORMATS)


def _absolutise(schema: Any, base: str) -> Any:
    """Top-level local refs point into the whole document, so anchor them on its URN."""
    if isinstance(schema, dict):
        return {k: (base + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _absolutise(v, base))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_absolutise(v, base) for v in schema]
    return schema


def _check(api: str, schema: dict[str, Any], body: Any, write: bool, what: str) -> None:
    import json
    validator = _validator(api, json.dumps(schema, sort_keys=True), write)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:20]]
        raise ContractError(f"{what} violates the Xero {api} contract ({len(errors)} errors):\n" + "\n".join(lines))


def validate_response(method: str, path_template: str, status: int, body: Any, *, api: str = "accounting") -> None:
    schema = response_schema(method, path_template, status, api)
    if schema is None:
        raise ContractError(f"No JSON response schema for {method.upper()} {path_template} {status}")
    _check(api, schema, body, False, f"Response {method.upper()} {path_template} {status}")


def validate_request(method: str, path_template: str, body: Any, *, api: str = "accounting") -> None:
    schema = request_schema(method, path_template, api)
    if schema is None:
        raise ContractError(f"No JSON request schema for {method.upper()} {path_template}")
    _check(api, schema, body, True, f"Request {method.upper()} {path_template}")


def validate_schema(name: str, body: Any, *, api: str = "accounting") -> None:
    """Validate against a named component schema, e.g. ``validate_schema("Error", body)``."""
    _check(api, {"$ref": f"#/components/schemas/{name}"}, body, False, f"Body as {name}")
