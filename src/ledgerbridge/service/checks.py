"""Every check a write goes through before anything is sent: unified validation, reference resolution and the
provider's own rules. Problems are collected, not raised one by one, so a caller (and a dry run) sees them all.

Also: warnings for fields the connection's provider cannot take, produced here once for every connector from
its declared :class:`~ledgerbridge.connectors.base.Capabilities`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ledgerbridge.connectors.base import Capabilities, Connector
from ledgerbridge.errors import FieldError, ValidationFailed
from ledgerbridge.objects import ObjectSpec
from ledgerbridge.remote import Refs
from ledgerbridge.runtime import Runtime
from ledgerbridge.service import attachment_source, references
from ledgerbridge.service.validation import parse
from ledgerbridge.store.records import Scope
from ledgerbridge.unified.base import Warning_


@dataclass
class Checked:
    body: BaseModel | None  # None when the body did not validate
    refs: Refs
    errors: list[FieldError]


async def check(
    runtime: Runtime, connector: Connector, scope: Scope, spec: ObjectSpec, payload: Any
) -> Checked:
    assert spec.input is not None
    errors: list[FieldError] = []
    body: BaseModel | None = None
    try:
        body = parse(spec.input, payload)
    except ValidationFailed as exc:
        errors += exc.errors
    async with runtime.engine.connect() as db:
        # References are checked even when the body is otherwise invalid, so every problem is reported at once.
        refs, ref_errors = await references.resolve(
            db, scope, spec, body if body is not None else (payload if isinstance(payload, dict) else {})
        )
    errors += ref_errors
    # An attachment's bytes, read from file_url: checked even when the rest of the body is invalid.
    errors += await attachment_source.prepare(
        runtime.settings, runtime.http.client(attachment_source.CLIENT_NAME), spec.name,
        body if body is not None else (payload if isinstance(payload, dict) else {}),
    )
    if body is not None and not ref_errors:
        # The provider's rules need the references resolved; with a dangling one they would only repeat it.
        errors += await connector.validate(spec.name, body, refs)
    return Checked(body, refs, errors)


def raise_errors(errors: list[FieldError], *, dry_run: bool = False) -> None:
    if errors:
        message = "The request has invalid fields"
        raise ValidationFailed(message + (" (dry run: nothing was written)" if dry_run else ""), errors=errors)


def _supplied(value: Any) -> bool:
    return value is not None and value != {} and value != []


def _paths(model: Any, parts: list[str], prefix: str) -> list[str]:
    """The paths under ``model`` the caller supplied a value for, expanding ``[]`` into each index."""
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(model, BaseModel) or name not in model.model_fields_set:
        return []
    value = getattr(model, name)
    path = f"{prefix}.{name}" if prefix else name
    if not many:
        if not rest:
            return [path] if _supplied(value) else []
        return _paths(value, rest, path)
    found = []
    for index, element in enumerate(value or []):
        here = f"{path}[{index}]"
        found += _paths(element, rest, here) if rest else ([here] if _supplied(element) else [])
    return found


def unsupported_warnings(
    capabilities: Capabilities, provider: str, object_name: str, body: BaseModel, already: list[Warning_]
) -> list[Warning_]:
    """A warning per supplied field the provider cannot store, unless the connector already warned about it."""
    warned = {w.field for w in already}
    warnings = []
    for declared in sorted(capabilities.unsupported_fields.get(object_name, frozenset())):
        for path in _paths(body, declared.split("."), ""):
            if path not in warned:
                warnings.append(Warning_(field=path, message=f"{provider} cannot store {declared}; it was not sent"))
    return warnings
