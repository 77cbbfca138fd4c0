# Two commands: `make run` starts everything, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NG_CLI_ANALYTICS := false

.PHONY: run api serve cluster loadtest client test lint typecheck pytest client-test api-types api-types-check bench screenshots mutation clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

.env:
	@$(PY) -c 'import secrets; t = secrets.token_urlsafe; print(f"DJANGO_DEBUG=true\nDJANGO_SECRET_KEY={t(50)}\nJWT_SIGNING_KEY={t(50)}\nDEMO_USER_PASSWORD={t(9)}\nEMAIL_URL=consolemail://")' > .env
	@echo "Wrote .env with fresh random secrets (git ignores it)."

client/node_modules/.package-lock.json: client/package-lock.json
	@echo "Installing the client's packages (npm ci, the first time takes a minute)..."
	cd client && npm ci --no-audit --no-fund
	@touch $@

# The API and the client together (ports: make run API_PORT=8001 CLIENT_PORT=4201); Ctrl-C
# stops both. scripts/run.sh says why.
API_PORT ?= 8000
CLIENT_PORT ?= 4200
run: $(STAMP) .env
	@PY=$(PY) scripts/run.sh check $(API_PORT) $(CLIENT_PORT)
	$(PY) manage.py migrate --no-input
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory client/node_modules/.package-lock.json; \
	else echo "!! npm not found: serving the API only (install Node.js 20 for the client)."; fi
	@$(PY) manage.py ensure_demo_user
	@PY=$(PY) scripts/run.sh serve $(API_PORT) $(CLIENT_PORT)

# The API alone.
api: $(STAMP) .env
	$(PY) manage.py migrate --no-input
	@$(PY) manage.py ensure_demo_user
	$(PY) manage.py runserver 127.0.0.1:$(API_PORT)

# nginx at :8080 in front of three production app servers sharing DATABASE_URL and REDIS_URL.
cluster: $(STAMP) .env
	deploy/cluster.sh

# Locust's 64 users through `make cluster`'s nginx for 60 s, one app server killed mid-run
# (README "Load and failover"); needs what `make cluster` needs. Not part of `make test`.
LOADTEST_STAMP := $(VENV)/.loadtest-installed
$(LOADTEST_STAMP): requirements-loadtest.txt $(STAMP)
	$(PY) -m pip install --quiet -r requirements-loadtest.txt
	@touch $@

loadtest: $(LOADTEST_STAMP)
	$(PY) bench/loadtest/run.py

# The production server, as deployed (debug off, static files collected), at :8000.
serve: $(STAMP) .env
	$(PY) manage.py migrate --no-input
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --no-input --verbosity 0
	@echo "API (production server, debug off, plain http): http://127.0.0.1:8000"
	DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=false deploy/serve.sh 8000

test: $(STAMP) lint typecheck api-types-check pytest client-test

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

# The client's API types come from the OpenAPI schema: `make api-types` after changing an
# endpoint, and commit the result; `make test` fails while they are stale.
API_TYPES := client/src/app/api/schema.d.ts
api-types: $(STAMP)
	@$(MAKE) --no-print-directory client/node_modules/.package-lock.json
	@schema=$$(mktemp --suffix=.json) && \
	$(PY) manage.py spectacular --settings tests.settings --format openapi-json --file $$schema && \
	(cd client && npx openapi-typescript $$schema --immutable --output $(abspath $(API_TYPES))); \
	status=$$?; rm -f $$schema; exit $$status

api-types-check: $(STAMP)
	@if command -v npm >/dev/null; then \
		fresh=$$(mktemp --suffix=.d.ts) && \
		$(MAKE) --no-print-directory api-types API_TYPES=$$fresh >/dev/null && \
		if cmp -s $$fresh $(API_TYPES); then rm -f $$fresh; \
		else diff -u $(API_TYPES) $$fresh | head -40; rm -f $$fresh; \
			echo "!! $(API_TYPES) is stale: run make api-types and commit it."; exit 1; fi; \
	else echo "!! SKIPPED the API types check: npm not found (install Node.js 20)."; fi

client-test:
	@if command -v npm >/dev/null; then \
		$(MAKE) --no-print-directory client/node_modules/.package-lock.json && cd client && npm run test:ci; \
	else echo "!! SKIPPED the client's unit tests: npm not found (install Node.js 20)."; fi

# Retake the README's screenshots (docs/screenshots/); no other run writes them.
screenshots: $(STAMP)
	JWTSITE_SCREENSHOTS=1 $(VENV)/bin/pytest -q tests/e2e

# Every speed figure in one run and one table; fails when a goal is missed (README "Speed").
bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/enumeration_bench.py

# Mutation testing of the security-critical modules of `accounts` (pyproject's [tool.mutmut]);
# not part of `make test`. One child at a time: the tests' SQLite file is named before the fork.
$(VENV)/.mutation-installed: requirements-mutation.txt $(STAMP)
	$(PY) -m pip install --quiet -r requirements-mutation.txt
	@touch $@

mutation: $(VENV)/.mutation-installed
	$(VENV)/bin/mutmut run --max-children $(shell nproc)
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants
