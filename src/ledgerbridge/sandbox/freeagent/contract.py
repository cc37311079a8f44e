"""FreeAgent's official Postman collection as a contract: ``check(request, response)`` lists what an exchange
breaks of it.

The collection (fac/postman-freeagent-api-collection, saved in ``shared/reference/providers``) is a list of
requests with example bodies and no example responses. From it:

- **endpoints**: a request's method and path must match one of the collection's requests (``:id`` and friends
  match any one segment; ``{{url}}`` is the API's base, wherever it is served);
- **request bodies**: every key at every depth must be one the collection's example bodies use at that place,
  wherever they use it (keys are pooled per envelope: ``invoice`` keys from the POST and the PUT examples alike).
  Line items are pooled across the sales documents (``invoice_item``, ``estimate_item``, ``credit_note_items``):
  they are one FreeAgent shape;
- **token requests**: the form keys the collection's token request and its OAuth block use;
- **responses**: the collection gives none, so what is checked follows providers.md §3: JSON bodies; a 2xx body
  wrapped in the resource's envelope — the singular the collection's request bodies use for one resource, the
  path's plural for a list — lists with ``X-Total-Count``; resources named by full ``…/v2/<collection>/<id>``
  URLs; errors under ``errors``.

Where the collection is silent and providers.md speaks, :data:`ADDITIONS` says so key by key.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import httpx

REFERENCE_DIR = Path(os.environ.get("LEDGERBRIDGE_FREEAGENT_COLLECTION_DIR", "/work/shared/reference/providers"))
FILE = "freeagent.postman_collection.json"
LINE_ENVELOPES = ("invoice_item", "estimate_item", "credit_note_items", "invoice_items", "estimate_items")
LINES = "<line>"  # the pooled vocabulary of line items

#: keys the collection never shows where providers.md (or the collection's own auth block) says they belong
ADDITIONS: dict[str, frozenset[str]] = {
    # providers.md §3: VAT per line is ``sales_tax_rate`` (the collection's line examples show ``sales_tax_value``)
    LINES: frozenset({"sales_tax_rate"}),
    # an invoice's lines travel inside it as a credit note's do (``credit_note.credit_note_items``), and it has a
    # ``reference`` (its number) as the collection's bills do (``bill.reference``): neither the collection's
    # invoice examples nor providers.md show them; this is the one addition by analogy, not from providers.md
    "invoice": frozenset({"invoice_items", "reference"}),
    # a payment is an explanation that names what it pays (FreeAgent's bank transaction explanations; providers.md
    # lists bank transactions, the collection's example explains a transaction by category only)
    "bank_transaction_explanation": frozenset({"paid_invoice", "paid_bill"}),
    # the authorization-code grant of the collection's OAuth block (grant_type authorization_code, PKCE S256)
    "<token>": frozenset({"code", "redirect_uri", "code_verifier"}),
}
#: GET /categories answers grouped lists (FreeAgent's chart of accounts); the collection shows no response
CATEGORY_LISTS = frozenset({"income_categories", "cost_of_sales_categories", "admin_expenses_categories",
                            "general_categories"})
_PLACEHOLDER = re.compile(r"^(:\w+|\{\{\w+\}\})$")


@dataclass(frozen=True)
class Operation:
    method: str
    segments: tuple[str, ...]  # after /v2; a placeholder segment is "*"
    top_keys: frozenset[str] | None  # the example body's top-level keys, None without an example

    def matches(self, method: str, segments: list[str]) -> bool:
        return (self.method == method and len(self.segments) == len(segments)
                and all(t == "*" or t == s for t, s in zip(self.segments, segments, strict=True)))


@dataclass(frozen=True)
class Contract:
    operations: tuple[Operation, ...]
    vocabulary: dict[str, frozenset[str]]  # envelope (or LINES) → keys seen in it
    singular: dict[str, str]  # collection segment → singular envelope ("invoices" → "invoice")
    token_keys: frozenset[str]


def _walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in items:
        found += _walk(item["item"]) if "item" in item else [item]
    return found


def _segments(raw_url: str) -> tuple[str, ...]:
    path = raw_url.split("?", 1)[0].replace("{{url}}", "")
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] == "v2":
        parts = parts[1:]
    return tuple("*" if _PLACEHOLDER.match(p) else p for p in parts)


def _collect(value: Any, envelope: str, vocabulary: dict[str, set[str]]) -> None:
    """Pool the keys of ``value`` (found under ``envelope``) and of everything nested in it."""
    if isinstance(value, list):
        for element in value:
            _collect(element, envelope, vocabulary)
        return
    if not isinstance(value, dict):
        return
    name = LINES if envelope in LINE_ENVELOPES else envelope
    vocabulary.setdefault(name, set()).update(value)
    for key, inner in value.items():
        _collect(inner, key, vocabulary)


def _singular(plural: str) -> str:
    return plural[:-3] + "y" if plural.endswith("ies") else plural[:-1] if plural.endswith("s") else plural


@cache
def contract() -> Contract:
    """The collection, read once per process."""
    data = json.loads((REFERENCE_DIR / FILE).read_text(encoding="utf-8"))
    operations: list[Operation] = []
    vocabulary: dict[str, set[str]] = {}
    singular: dict[str, str] = {}
    token_keys: set[str] = set()
    for item in _walk(data["item"]):
        request = item["request"]
        url = request["url"]["raw"] if isinstance(request["url"], dict) else request["url"]
        segments = _segments(url)
        body = request.get("body") or {}
        top: frozenset[str] | None = None
        if body.get("mode") == "urlencoded":
            token_keys.update(field["key"] for field in body.get("urlencoded", []))
        elif body.get("mode") == "raw" and body.get("raw"):
            parsed = json.loads(body["raw"])
            top = frozenset(parsed)
            for key, inner in parsed.items():
                _collect(inner, key, vocabulary)
                if isinstance(inner, dict) and segments and _singular(segments[0]) == key:
                    singular.setdefault(segments[0], key)
        operations.append(Operation(request["method"].upper(), segments, top))
    for name, extra in ADDITIONS.items():
        if name == "<token>":
            token_keys |= extra
        else:
            vocabulary.setdefault(name, set()).update(extra)
    return Contract(tuple(operations), {k: frozenset(v) for k, v in vocabulary.items()}, singular,
                    frozenset(token_keys))


# --- checking ---------------------------------------------------------------------------------------------------


def _api_segments(path: str) -> list[str] | None:
    at = path.find("/v2/")
    return None if at < 0 else [s for s in path[at + 4:].split("/") if s]


def _body_problems(value: Any, envelope: str, vocabulary: dict[str, frozenset[str]], where: str) -> list[str]:
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _body_problems(v, envelope, vocabulary, f"{where}[{i}]")]
    if not isinstance(value, dict):
        return []
    name = LINES if envelope in LINE_ENVELOPES else envelope
    known = vocabulary.get(name)
    problems = []
    for key, inner in value.items():
        if known is None or key not in known:
            problems.append(f"request key {where}.{key} is not one the collection's example bodies use")
        else:
            problems += _body_problems(inner, key, vocabulary, f"{where}.{key}")
    return problems


def check_request(request: httpx.Request) -> list[str]:
    segments = _api_segments(request.url.path)
    if segments is None:
        return [f"{request.url.path} is not under /v2"]
    spec = contract()
    matching = [op for op in spec.operations if op.matches(request.method, segments)]
    if not matching:
        return [f"{request.method} /v2/{'/'.join(segments)} is no request of the collection"]
    content = request.content
    if not content:
        return []
    if segments == ["token_endpoint"]:
        from urllib.parse import parse_qsl

        unknown = sorted({k for k, _ in parse_qsl(content.decode())} - spec.token_keys)
        return [f"token request key {k} is not one the collection uses" for k in unknown]
    try:
        body = json.loads(content)
    except ValueError:
        return ["request body is not JSON"]
    if not isinstance(body, dict):
        return ["request body is not a JSON object"]
    problems: list[str] = []
    tops = [op.top_keys for op in matching if op.top_keys is not None]
    for key, inner in body.items():
        if tops and not any(key in top for top in tops):
            problems.append(f"request envelope {key} is not one the collection uses on this request")
            continue
        problems += _body_problems(inner, key, spec.vocabulary, key)
    return problems


def _urls_problems(value: Any, where: str) -> list[str]:
    """Every ``url`` of a resource is a full URL naming it under /v2."""
    problems: list[str] = []
    if isinstance(value, list):
        for i, v in enumerate(value):
            problems += _urls_problems(v, f"{where}[{i}]")
    elif isinstance(value, dict):
        url = value.get("url")
        if url is not None and not re.match(r"^https?://[^/]+(/.*)?/v2/[a-z_]+(/[\w-]+)?$", str(url)):
            problems.append(f"{where}.url {url!r} is not a full FreeAgent resource URL")
        for key, inner in value.items():
            if isinstance(inner, (dict, list)):
                problems += _urls_problems(inner, f"{where}.{key}")
    return problems


def check_response(request: httpx.Request, response: httpx.Response) -> list[str]:
    segments = _api_segments(request.url.path) or []
    content = response.content
    status = response.status_code
    if segments in (["approve_app"], ["token_endpoint"]):
        return []
    if not content.strip():
        return [] if status in (200, 201, 204) and request.method == "DELETE" else [f"{status} with an empty body"]
    try:
        body = json.loads(content)
    except ValueError:
        return [f"{status} answer is not JSON"]
    if status >= 400:
        return [] if isinstance(body, dict) and "errors" in body else [f"{status} answer has no errors envelope"]
    if not isinstance(body, dict) or len(body) == 0:
        return ["answer is not a wrapped JSON object"]
    spec = contract()
    collection = segments[0] if segments else ""
    problems: list[str] = []
    if collection == "categories" and len(segments) == 1 and request.method == "GET":
        if not set(body) <= CATEGORY_LISTS:
            problems.append(f"categories answer under {sorted(body)}")
    elif len(segments) == 1 and request.method == "GET" and collection not in ("company",):
        if set(body) != {collection}:
            problems.append(f"list answer wrapped in {sorted(body)}, not {collection!r}")
        if "x-total-count" not in response.headers:
            problems.append("list answer without X-Total-Count")
    else:
        # Collections without a request body in the collection: FreeAgent's singular (providers.md: bodies wrapped
        # in the resource's name).
        wanted = {"company": "company", "users": "user", "price_list_items": "price_list_item"}.get(collection) \
            or spec.singular.get(collection)
        if wanted is None or set(body) != {wanted}:
            problems.append(f"answer wrapped in {sorted(body)}, not {wanted!r}")
    return problems + _urls_problems(body, "$")


def check(request: httpx.Request, response: httpx.Response) -> list[str]:
    """What about this exchange the collection (and, where it is silent, providers.md) does not allow."""
    return check_request(request) + check_response(request, response)
