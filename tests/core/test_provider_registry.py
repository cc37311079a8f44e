"""The provider registry: every registered spec loads without its optional dependencies, names its connector,
and says how it is linked, reached by passthrough and run in the demo."""

from __future__ import annotations

import pytest

from ledgerbridge.connectors import PROVIDERS, connector_class, providers, spec, specs
from ledgerbridge.connectors.provider_spec import KeyForm, OAuth2
from ledgerbridge.demo import chosen


def test_every_registered_provider_has_one_spec_and_its_connector() -> None:
    names = [s.name for s in specs()]
    assert len(names) == len(PROVIDERS) == len(set(names))
    assert providers() == sorted(names)
    for provider in specs():
        assert spec(provider.name) is provider
        assert connector_class(provider.name).provider == provider.name
        assert provider.title and provider.account_key
    with pytest.raises(KeyError):
        spec("nope")


def test_specs_say_how_a_provider_is_linked() -> None:
    for provider in specs():
        assert isinstance(provider.auth, OAuth2 | KeyForm)
        if provider.oauth is not None:  # the demo and the tests aim a project's app at the sandbox
            assert provider.sandbox is not None and provider.sandbox.endpoints is not None
            endpoints = provider.sandbox.endpoints("http://sandbox.test/x")
            assert set(endpoints) <= set(OAuth2.OVERRIDABLE)
            aimed = provider.oauth.with_app(endpoints)
            assert aimed.token_url.startswith("http://sandbox.test/x/")
            assert aimed.scope == provider.oauth.scope  # not overridden: the production value stays


def test_a_key_form_names_every_missing_field_and_bad_url() -> None:
    form = KeyForm(fields=("url", "database", "password"), url_fields=("url",), secret_fields=("password",))
    problems = form.problems({"url": "ftp://erp.example", "database": "", "password": "x"})
    assert [(p.field, p.message) for p in problems] == [("database", "is required"),
                                                        ("url", "must be an http(s) URL")]
    assert form.problems({"url": "https://erp.example", "database": "books", "password": "x"}) == []


def test_the_demo_runs_fast_sandboxes_by_default_and_slow_ones_on_request() -> None:
    fast = [s.name for s in chosen(with_slow=False)]
    assert fast == [s.name for s in specs() if s.sandbox is not None and not s.sandbox.slow]
    assert {"quickbooks", "xero"} <= set(fast)
    everything = [s.name for s in chosen(with_slow=True)]
    assert set(fast) <= set(everything)
    for provider in specs():
        if provider.sandbox is not None and provider.sandbox.slow:
            assert (provider.name in everything) == provider.installed()
