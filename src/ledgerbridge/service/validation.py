"""Turning Pydantic's validation errors into our field errors, naming each field the way the caller wrote it."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ledgerbridge.errors import FieldError, ValidationFailed

M = TypeVar("M", bound=BaseModel)


def field_path(location: tuple[Any, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "body"


def field_errors(error: ValidationError) -> list[FieldError]:
    errors = []
    for item in error.errors(include_url=False):
        # Drop the validator-function frames Pydantic adds to the location of annotated types.
        location = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message = item["msg"].removeprefix("Value error, ")
        errors.append(FieldError(field_path(location), message))
    return errors


def parse(model: type[M], payload: Any) -> M:
    if not isinstance(payload, dict):
        raise ValidationFailed("The body must be a JSON object", errors=[FieldError("body", "must be an object")])
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise ValidationFailed("The request has invalid fields", errors=field_errors(exc)) from None
