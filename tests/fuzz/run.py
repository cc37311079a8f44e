"""Fuzz the served API with schemathesis: start the demo server (uvicorn, embedded SQLite, seeded QuickBooks and
Xero sandboxes) in a temporary directory, then run ``st`` over its ``/openapi.json`` with the demo's QuickBooks
connection. Fails on any 5xx and on any response that does not match the documented schema. Then the inputs
schemathesis does not generate (:mod:`edges`: deep JSON, integers beyond 64 bits, calendar-edge dates on every
operation; 50 MB bodies over a real socket with the server's memory measured) against the same server.

    python tests/fuzz/run.py                     # make fuzz: ≥ 5,000 generated cases
    python tests/fuzz/run.py --max-examples 3    # the small run inside make test (tests/fuzz/test_fuzz.py)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
_EDGES_SPEC = importlib.util.spec_from_file_location("fuzz_edges", Path(__file__).with_name("edges.py"))
assert _EDGES_SPEC is not None and _EDGES_SPEC.loader is not None
edges = importlib.util.module_from_spec(_EDGES_SPEC)
_EDGES_SPEC.loader.exec_module(edges)
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(path: Path, server: subprocess.Popen[bytes], timeout: float = 120) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the demo server exited with {server.returncode}")
        if path.exists():
            try:
                return json.loads(path.read_text())  # type: ignore[no-any-return]
            except ValueError:
                pass  # being written
        time.sleep(0.2)
    raise TimeoutError("the demo server did not come up")


def run(max_examples: int, *, seed: int = 1, provider: str = "quickbooks", time_scale: float = 1.0,
        extra: list[str] | None = None) -> tuple[int, int, str]:
    """(exit code of st, number of generated cases, st's output)."""
    with tempfile.TemporaryDirectory() as data_dir:
        port = _free_port()
        # The server's log goes to a file: a pipe nobody reads would fill up and block the server mid-run.
        log = open(Path(data_dir) / "server.log", "wb")  # noqa: SIM115 - closed below, after the server
        server = subprocess.Popen(
            [str(BIN / "ledgerbridge"), "demo", "--port", str(port), "--data-dir", data_dir],
            stdout=subprocess.DEVNULL, stderr=log,
            env={**os.environ, "LEDGERBRIDGE_SANDBOX_TIME_SCALE": str(time_scale)},
        )
        try:
            state = _wait_for(Path(data_dir) / "demo.json", server)
            token = state["connections"][provider]  # type: ignore[index]
            command = [
                str(BIN / "st"), "run", f"http://127.0.0.1:{port}/openapi.json",
                "-H", f"x-api-key: {state['api_key']}", "-H", f"x-connection-token: {token}",
                "--max-examples", str(max_examples), "--seed", str(seed), "--checks", CHECKS,
                "--phases", "examples,coverage,fuzzing", "--workers", "1", "--no-color",
                *(extra or []),
            ]
            done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
            headers = {"x-api-key": str(state["api_key"]), "x-connection-token": str(token)}
            hostile = edges.hostile_requests(f"http://127.0.0.1:{port}", headers)
            hostile += edges.oversize_bodies(port, server.pid, headers)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        errors = _server_errors((Path(data_dir) / "server.log").read_text(errors="replace"))
    output = done.stdout + done.stderr + errors
    if hostile:
        output += "\n--- hostile inputs answered wrongly (tests/fuzz/edges.py) ---\n" + "\n".join(hostile)
    return done.returncode or (1 if hostile else 0), _cases(output), output


def _server_errors(log: str) -> str:
    """Tracebacks the server logged: a 5xx st saw, with its cause."""
    return "" if "Traceback" not in log else "\n--- server log (tracebacks) ---\n" + log[-20000:]


def _cases(output: str) -> int:
    """Generated test cases, from st's summary ("Test cases: N generated, …")."""
    found = re.search(r"Test cases:\s*\n?\s*([\d,]+) generated", output) or re.search(r"([\d,]+) generated", output)
    return int(found.group(1).replace(",", "")) if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=40)
    parser.add_argument("--min-cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--provider", choices=["quickbooks", "xero"], default="quickbooks",
                        help="whose demo connection the requests use")
    parser.add_argument("--time-scale", type=float, default=30.0,
                        help="the sandboxes' quota minute lasts 60/scale s, and the demo's budget is scaled alike: "
                        "thousands of requests would otherwise queue behind Xero's 60 calls a minute")
    args, extra = parser.parse_known_args()
    code, cases, output = run(args.max_examples, seed=args.seed, provider=args.provider, time_scale=args.time_scale,
                              extra=extra)
    print(output)
    print(f"fuzz: {cases} generated cases, st exit code {code}")
    if code != 0:
        return code
    if cases < args.min_cases:
        print(f"fuzz: fewer than {args.min_cases} cases; raise --max-examples", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
