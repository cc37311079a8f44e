# The two commands of the README: `make demo` and `make test`. Both install what they need first.
PORT ?= 3000
DATA_DIR ?= ./.ledgerbridge
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo check test bench bench-freshness bench-dashboard chaos fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,tryton]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/ledgerbridge demo --port $(PORT) --data-dir $(DATA_DIR)

# The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	apt-get update -q && apt-get install -y -q chromium

# The import layering (pyproject's [tool.importlinter]: layers, the store alone on the tables, no cycles) and the
# type check, in seconds, before the tests' minutes.
check: install
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy src/ledgerbridge

test: install $(CHROMIUM) check
	$(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup --durations=15

# Every benchmark, each a ratio against a bare implementation of the same work run in the same invocation.
bench: install
	$(PY) bench/read_path.py
	$(PY) bench/ingest.py
	$(PY) bench/post_latency.py
	$(PY) bench/sync_throughput.py
	$(PY) bench/quota_latency.py --creates 150 --clients 10

# The dashboard's pages over 100k records and 1M events (SQLite and PostgreSQL).
bench-dashboard: install
	$(PY) bench/dashboard_pages.py --records 100000 --events 1000000

# The chaos suite at scale: 1,000 keyed creates per provider (QuickBooks, Xero) under 20 % injected faults, and
# the unkeyed control run (200 keyed creates run inside `make test`); then the sync killed at 10 random points,
# on SQLite and PostgreSQL.
chaos: install
	LEDGERBRIDGE_CHAOS_WRITES=1000 $(PY) -m pytest -q -s -p no:cacheprovider tests/chaos/test_keyed_creates.py -k sqlite
	$(PY) -m pytest -q -p no:cacheprovider tests/sync/test_crash.py

# Provider change → our webhook latency, with provider notifications on and off (a few minutes).
bench-freshness: install
	$(PY) bench/freshness.py --changes 5 --adaptive --timeout 100

# Thousands of generated requests against the served OpenAPI (a few hundred also run inside `make test`).
fuzz: install
	$(PY) tests/fuzz/run.py --provider quickbooks
	$(PY) tests/fuzz/run.py --provider xero

clean:
	rm -rf $(VENV) $(DATA_DIR) .pytest_cache .mypy_cache .import_linter_cache
