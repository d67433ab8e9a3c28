# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
export PORT

.PHONY: run dev test lint format openapi install bench screenshot clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the project definition changed.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	@[ -n "$$TATHYA_API_KEYS" ] || echo "WARNING: TATHYA_API_KEYS is not set: writes are open to anyone who can reach this service" >&2
	$(BIN)/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers $(WORKERS) wsgi:app

dev: install
	$(BIN)/flask --app wsgi run --debug --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/pytest

openapi: install
	$(BIN)/flask --app wsgi openapi write --format yaml openapi.yaml

bench: install
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/ingest.py

# docs/dashboard.png: the dashboard with the seed article (needs apt-get install chromium chromium-driver fonts-noto-core).
screenshot: install
	$(BIN)/python bench/screenshot.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
