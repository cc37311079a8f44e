"""verifyEvent as Panora's clients call it: they parse the delivery (JavaScript's JSON.parse or Python's json),
then pass the parsed object — re-encoded by that same library — with the signature header and their secret.

Every delivery must verify that way, whatever the amounts (``5.00``, ``1e2``), text (non-ASCII) or nesting, and a
changed payload, another secret or a re-signed timestamp must not."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from typing import Any

import httpx
import pytest

from ledgerbridge import wire
from ledgerbridge.connect import connect
from ledgerbridge.connectors.quickbooks.spec import sandbox_credentials as quickbooks_credentials
from ledgerbridge.runtime import Runtime
from ledgerbridge.store import tenancy
from ledgerbridge.webhooks import delivery
from ledgerbridge.webhooks.signing import HEADER, InvalidSignature, canonical, sign, verify, verify_event
from tests.factories import Tenant
from tests.providers import QuickBooksHarness
from tests.webhooks.test_delivery import Receiver, qbo, receiver, subscribe

__all__ = ["qbo", "receiver"]  # fixtures shared with the delivery tests

SECRET = "whsec_test"
# Bodies as Ledgerbridge writes them: exact decimals, whatever exponent or trailing zeros they carry.
BODIES = [
    b'{"id_event":"e1","type":"accounting.invoice.updated","data":{"total_amount":5.00,"lines":[{"value":1e2},'
    b'{"value":0.10,"qty":3}]}}',
    '{"id_event":"e2","data":{"name":"Café Zoë – 東京 😀","memo":"line\\nbreak \\"quoted\\"","amount":-0.0}}'.encode(),
    b'{"id_event":"e3","data":{"nested":{"deeper":{"list":[1,2.50,[3.000,{"x":null,"y":true,"z":false}]]}},'
    b'"big":12345678901234567890,"tiny":0.000001,"rate":20.000,"sci":1.5E+3,"10":"numeric key","b":"after"}}',
]


def python_round_trip(body: bytes) -> Any:
    """What a Python receiver passes: json.loads, then (in the request to verifyEvent) json.dumps."""
    return json.loads(json.dumps(json.loads(body)))


def javascript_round_trip(body: bytes) -> Any:
    """What a JavaScript receiver passes: JSON.stringify(JSON.parse(body)), run by node itself."""
    out = subprocess.run(
        ["node", "-e", "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>"
                       "process.stdout.write(JSON.stringify({payload: JSON.parse(s)})))"],
        input=body, capture_output=True, check=True, timeout=30,
    ).stdout
    return out


@pytest.mark.parametrize("body", BODIES)
def test_a_parsed_payload_verifies_whichever_library_parsed_it(body: bytes) -> None:
    header = sign(body, SECRET)
    python_payload = python_round_trip(body)
    javascript_payload = json.loads(javascript_round_trip(body))["payload"]
    decimal_payload = wire.loads(javascript_round_trip(body))["payload"]  # as our API reads the request
    assert json.dumps(python_payload).encode() != body  # the round trips did change the bytes…
    for payload in (body, body.decode(), python_payload, javascript_payload, decimal_payload):
        assert verify_event(payload, header, SECRET) > 0  # …and every form still verifies
    # A re-encoded string (not the raw bytes) verifies too.
    assert verify_event(json.dumps(python_payload), header, SECRET) > 0
    verify(body, header, SECRET)  # the exact-bytes signature is still there for receivers that keep the body


@pytest.mark.parametrize("body", BODIES)
def test_tampered_payloads_another_secret_and_old_timestamps_are_refused(body: bytes) -> None:
    header = sign(body, SECRET)
    payload = json.loads(body)
    tampered = [
        {**payload, "id_event": "other"},
        {**payload, "data": {**payload["data"], "extra": 1}},
        {**payload, "data": {}},
    ]
    # (a change below a double's precision, on 12345678901234567890, is no change to any JSON parser)
    first_number = next(k for k, v in payload["data"].items() if isinstance(v, int | float) and abs(v) < 1e15)
    tampered.append({**payload, "data": {**payload["data"], first_number: payload["data"][first_number] + 0.01}})
    for changed in tampered:
        with pytest.raises(InvalidSignature):
            verify_event(changed, header, SECRET)
        with pytest.raises(InvalidSignature):
            verify_event(json.dumps(changed), header, SECRET)
    with pytest.raises(InvalidSignature):
        verify_event(payload, header, "whsec_other")
    with pytest.raises(InvalidSignature, match="more than 300 s"):
        verify_event(payload, sign(body, SECRET, timestamp=1_700_000_000), SECRET)
    # Moving the canonical signature to another timestamp breaks it (the timestamp is inside the MAC).
    t, rest = header.split(",", 1)
    with pytest.raises(InvalidSignature):
        verify_event(payload, f"t={int(t[2:]) + 1},{rest}", SECRET)


def test_the_canonical_form_ignores_how_numbers_and_text_were_written() -> None:
    assert canonical(json.loads('{"b":5.00,"a":"é"}')) == canonical(wire.loads('{"a":"\\u00e9","b":5}'))
    assert canonical({"x": Decimal("1e2")}) == canonical({"x": 100}) == canonical({"x": 100.0}) == b'{"x":100}'
    assert canonical({"x": Decimal("5.10")}) != canonical({"x": Decimal("5.01")})
    assert canonical([-0.0, 0.1]) == b"[0,0.1]"


def test_during_a_rotation_either_secret_verifies_a_parsed_payload() -> None:
    body = BODIES[0]
    header = sign(body, "whsec_new", "whsec_old")
    assert header.count("v1=") == 2 and header.count("c1=") == 2
    for secret in ("whsec_new", "whsec_old"):
        verify(body, header, secret)
        verify_event(python_round_trip(body), header, secret)
        verify_event(json.loads(javascript_round_trip(body))["payload"], header, secret)
    with pytest.raises(InvalidSignature):
        verify_event(python_round_trip(body), header, "whsec_third")


async def _verify_over_http(api: httpx.AsyncClient, api_key: str, request_body: bytes) -> httpx.Response:
    return await api.post("/webhooks/verifyEvent", content=request_body,
                          headers={"x-api-key": api_key, "content-type": "application/json"})


@pytest.mark.parametrize("body", BODIES)
async def test_verify_event_route_accepts_javascript_and_python_clients(
    runtime: Runtime, api: httpx.AsyncClient, body: bytes
) -> None:
    async with runtime.engine.begin() as db:
        project = await tenancy.create_project(db, name="verify")
        key = await tenancy.create_api_key(db, project_id=project.id)
    header = sign(body, SECRET)
    # The JavaScript client: fetch(..., {body: JSON.stringify({payload: JSON.parse(raw), signature, secret})})
    js = javascript_round_trip(body)
    js_request = js[:-1] + b"," + json.dumps({"signature": header, "secret": SECRET}).encode()[1:]
    answer = await _verify_over_http(api, key, js_request)
    assert answer.status_code == 201, answer.text
    assert answer.json()["id_event"] == json.loads(body)["id_event"]
    # The Python client: requests.post(..., json={"payload": json.loads(raw), ...})
    py_request = json.dumps({"payload": json.loads(body), "signature": header, "secret": SECRET}).encode()
    assert (await _verify_over_http(api, key, py_request)).status_code == 201
    # The raw text still works.
    raw_request = json.dumps({"payload": body.decode(), "signature": header, "secret": SECRET}).encode()
    assert (await _verify_over_http(api, key, raw_request)).status_code == 201
    # Tampered: refused.
    tampered = {**json.loads(body), "type": "accounting.invoice.deleted"}
    bad = json.dumps({"payload": tampered, "signature": header, "secret": SECRET}).encode()
    answer = await _verify_over_http(api, key, bad)
    assert answer.status_code == 400 and "Invalid signature" in answer.json()["message"]


async def test_a_real_delivery_verifies_as_a_panora_receiver_does_it(
    runtime: Runtime, api: httpx.AsyncClient, qbo: tuple[QuickBooksHarness, Tenant], receiver: Receiver
) -> None:
    harness, tenant = qbo
    hook = await subscribe(api, tenant, ["connection.created"])
    receiver.mode = "up"
    await connect(runtime, project_id=tenant.project_id, provider="quickbooks", account_id=harness.realm,
                  credentials=quickbooks_credentials(harness.sandbox, harness.realm, "http://qbo"))
    assert (await delivery.deliver_due(runtime)).delivered == 1
    request = receiver.received[0]
    header = request.headers[HEADER]
    js = javascript_round_trip(request.content)
    js_request = js[:-1] + b"," + json.dumps({"signature": header, "secret": hook["secret"]}).encode()[1:]
    answer = await _verify_over_http(api, tenant.api_key, js_request)
    assert answer.status_code == 201, answer.text
    tampered = {**json.loads(request.content), "id_project": "someone-else"}
    answer = await _verify_over_http(api, tenant.api_key, json.dumps(
        {"payload": tampered, "signature": header, "secret": hook["secret"]}).encode())
    assert answer.status_code == 400
