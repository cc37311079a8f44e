"""The sandboxes' faults as providers fail, and how a provider call's failure is classified: written, or not, or
unknown."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ledgerbridge.connectors.http import send
from ledgerbridge.errors import ProviderDetail, ProviderError, ProviderRejected, ProviderUnavailable
from ledgerbridge.sandbox.faults import EnforcedTimeouts, Fault, FaultInjectionMiddleware, FaultPlan


class Provider:
    """A provider of one endpoint that counts what it wrote."""

    def __init__(self) -> None:
        self.written = 0
        self.forgotten = 0
        self.memory: int | None = None
        self.plan = FaultPlan(forget_keys=self.forget, key_memory=self.remember)
        app = Starlette(routes=[Route("/things", self.create, methods=["POST"])])
        self.app = FaultInjectionMiddleware(app, self.plan)

    async def create(self, request: Request) -> JSONResponse:
        self.written += 1
        return JSONResponse({"id": self.written}, status_code=201)

    def forget(self) -> None:
        self.forgotten += 1

    def remember(self, count: int) -> None:
        self.memory = count

    def client(self, timeout: float = 0.2) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=EnforcedTimeouts(httpx.ASGITransport(app=self.app)),
                                 base_url="http://provider", timeout=timeout)


@pytest.fixture
def provider() -> Iterator[Provider]:
    yield Provider()


async def test_after_commit_faults_write_and_lose_the_answer(provider: Provider) -> None:
    async with provider.client() as client:
        provider.plan.add(Fault(kind="commit_timeout"))
        with pytest.raises(httpx.ReadTimeout):
            await client.post("/things")
        provider.plan.add(Fault(kind="commit_disconnect"))
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post("/things")
        assert provider.written == 2
        assert (await client.post("/things")).json() == {"id": 3}


async def test_before_the_write_faults_write_nothing(provider: Provider) -> None:
    async with provider.client() as client:
        provider.plan.add(Fault(kind="timeout"))
        with pytest.raises(httpx.ReadTimeout):
            await client.post("/things")
        provider.plan.add(Fault(kind="disconnect"))
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post("/things")
        provider.plan.add(Fault(kind="refuse"))
        with pytest.raises(httpx.ConnectError):
            await client.post("/things")
        provider.plan.add(Fault(kind="status", status=429, retry_after=3))
        refused = await client.post("/things")
        assert refused.status_code == 429 and refused.headers["Retry-After"] == "3"
        assert provider.written == 0


async def test_a_rate_fires_on_that_share_of_calls_reproducibly(provider: Provider) -> None:
    def outcomes(seed: int) -> list[bool]:
        plan = FaultPlan(seed=seed)
        plan.add(Fault(kind="status", status=503, rate=0.1))
        plan.add(Fault(kind="commit_timeout", rate=0.1))
        return [plan.take("POST", "/things") is not None for _ in range(2000)]

    first, again = outcomes(5), outcomes(5)
    assert first == again  # the same seed, the same calls fail
    assert 0.17 < sum(first) / len(first) < 0.23  # one draw shared: 0.1 + 0.1
    assert outcomes(6) != first


async def test_the_control_path_arms_rates_seeds_and_key_memory(provider: Provider) -> None:
    async with provider.client() as client:
        assert (await client.post("/_sandbox/faults", json={"seed": 9, "kind": "commit_disconnect", "rate": 1.0,
                                                            "path_contains": "/things"})).status_code == 204
        assert (await client.post("/_sandbox/faults", json={"forget_keys": True, "key_memory": 3})).status_code == 204
        state = (await client.get("/_sandbox/faults")).json()
        assert state["seed"] == 9 and state["faults"][0]["rate"] == 1.0
        assert (provider.forgotten, provider.memory) == (1, 3)
        for _ in range(3):  # a rate is not consumed
            with pytest.raises(httpx.RemoteProtocolError):
                await client.post("/things")
        assert provider.written == 3
        assert (await client.get("/_sandbox/faults")).json()["counts"] == {"commit_disconnect": 3}
        await client.delete("/_sandbox/faults")
        assert (await client.post("/things")).status_code == 201


def classify(response: httpx.Response) -> ProviderError | None:
    if response.status_code < 400:
        return None
    detail = ProviderDetail("test", status=response.status_code)
    return ProviderRejected(detail) if response.status_code < 500 else ProviderUnavailable(detail)


async def call(answers: list[int | type[Exception]], *, attempts: int = 3) -> ProviderError:
    """The error ``send`` raises for a provider that answers ``answers`` in turn (an exception: that failure)."""
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = queue.pop(0)
        if isinstance(answer, int):
            return httpx.Response(answer, headers={"Retry-After": "0"})
        raise answer("injected", request=request)  # type: ignore[call-arg]

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ProviderError) as raised:
            await send(client, client.build_request("POST", "http://p/x"), provider="test", classify=classify,
                       safe_to_retry=True, attempts=attempts)
    return raised.value


@pytest.mark.parametrize(("answers", "unknown"), [
    ([400], False), ([429, 429, 429], False), ([503, 503, 503], False), ([httpx.ConnectError] * 3, False),
    ([500, 500, 500], True), ([502, 502, 502], True), ([httpx.ReadTimeout] * 3, True),
    ([httpx.RemoteProtocolError] * 3, True),
    # once an attempt may have written, later refusals do not make the call's outcome known
    ([httpx.ReadTimeout, 503, 503], True), ([500, 429, 400], True),
])
async def test_a_failed_call_says_whether_the_provider_may_have_written(
    answers: list[int | type[Exception]], unknown: bool
) -> None:
    error = await call(answers)
    assert error.may_have_written is unknown


async def test_enforced_timeouts_leave_fast_calls_alone(provider: Provider) -> None:
    async with provider.client(timeout=5) as client:
        answers = await asyncio.gather(*(client.post("/things") for _ in range(5)))
    assert sorted(a.json()["id"] for a in answers) == [1, 2, 3, 4, 5]
