"""Local simulators of provider APIs (ASGI apps), used by the demo, the tests and the benchmarks."""
