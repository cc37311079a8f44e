"""``ledgerbridge serve --workers 2``: two processes answer on the one port.

Which process answered is read from ``GET /metrics``: each worker counts its own requests (Prometheus' client
keeps them per process), so over many fresh connections a single process would report 0, 1, 2, … without a
repeat, while two report overlapping counts.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "metrics-token-for-the-test"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _serve(tmp_path: Path, port: int) -> subprocess.Popen[bytes]:
    """``db upgrade`` then ``serve --workers 2`` on ``port``, as an operator would run them."""
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}", LEDGERBRIDGE_DATA_DIR=str(tmp_path),
               LEDGERBRIDGE_SECRET_KEY="a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s=",
               LEDGERBRIDGE_METRICS_TOKEN=TOKEN, LEDGERBRIDGE_LOG_LEVEL="WARNING")
    cli = [sys.executable, "-c", "from ledgerbridge.cli import app; app()"]
    subprocess.run([*cli, "db", "upgrade"], env=env, check=True, capture_output=True, timeout=120)
    server = subprocess.Popen([*cli, "serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return server


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_two_workers_answer(tmp_path: Path) -> None:
    port = _free_port()
    server = await asyncio.to_thread(_serve, tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                async with httpx.AsyncClient(timeout=5) as client:
                    if (await client.get(f"{base}/health")).status_code == 200:
                        break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            await asyncio.sleep(0.2)
        assert len(_children(server.pid)) >= 2

        async def scrape() -> int:
            # A fresh connection each time (no keep-alive), so the kernel may hand it to either worker.
            async with httpx.AsyncClient(timeout=30) as client:
                text = (await client.get(f"{base}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).text
            found = re.search(r'ledgerbridge_request_seconds_count\{method="GET",route="/metrics",status="200"\} '
                              r"([0-9.]+)", text)
            return 0 if found is None else int(float(found.group(1)))

        counts: list[int] = []
        for _ in range(8):  # concurrent batches: while one worker is busy, the other accepts
            counts += await asyncio.gather(*(scrape() for _ in range(8)))
            if len(set(counts)) < len(counts):
                break
        assert len(set(counts)) < len(counts), f"one process answered every request: {sorted(counts)}"
    finally:
        server.terminate()
        server.wait(30)
