"""A small schemathesis run inside ``make test`` (the full ≥ 5,000-case run is ``make fuzz``): the served API,
started as the demo is, answers no generated request with a 5xx or with a body its OpenAPI does not describe."""

from __future__ import annotations

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location("fuzz_run", Path(__file__).with_name("run.py"))
assert spec is not None and spec.loader is not None
fuzz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz)


def test_generated_requests_find_no_5xx_and_no_schema_violation() -> None:
    code, cases, output = fuzz.run(max_examples=2, seed=7)
    assert code == 0, output[-6000:]
    assert cases >= 300, output[-2000:]
