# Two commands: `make run` starts everything, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run api test lint typecheck pytest bench clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

.env:
	@$(PY) -c 'import secrets; t = secrets.token_urlsafe; print(f"DJANGO_DEBUG=true\nDJANGO_SECRET_KEY={t(50)}\nJWT_SIGNING_KEY={t(50)}\nDEMO_USER_PASSWORD={t(9)}")' > .env
	@echo "Wrote .env with fresh random secrets (git ignores it)."

run: $(STAMP) .env
	$(PY) manage.py migrate --no-input
	$(PY) manage.py ensure_demo_user
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/randomuser_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
