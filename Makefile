# The two commands of the README: `make run` and `make test`.
VENV       := .venv
PY         := $(VENV)/bin/python
FLASK      := FLASK_APP=wsgi $(VENV)/bin/flask
RUN_STAMP  := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
NODE_STAMP := node_modules/.installed
PYTHON     ?= python3

.PHONY: run test lint format install migrate pwa clean cluster cluster-stop

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# `npm install` with the lock file, not `npm ci`: npm 11 rejects a lock file whose
# optional platform packages (rollup's, via workbox-build) it did not record (npm/cli#4828).
$(NODE_STAMP): package.json package-lock.json
	scripts/ensure-node.sh
	npm install --no-audit --no-fund --loglevel=error
	touch $@

pwa: $(NODE_STAMP)
	npm run --silent build

install: $(RUN_STAMP) pwa

migrate: install
	$(FLASK) db upgrade

run: migrate
	$(FLASK) seed-demo --if-empty
	$(FLASK) seal create-demo-cert
	$(VENV)/bin/gunicorn --workers 4 --bind 127.0.0.1:5000 --access-logfile - wsgi:app

# nginx (TLS, https://127.0.0.1:8443) → 3 gunicorn app servers → PgBouncer → PostgreSQL 15
# (a cluster of its own on port 5440); deploy/ holds the configuration, docs/operations.md
# explains it. Returns once the proxy answers /healthz; cluster-stop stops it all by pid.
# STANDBY=1 adds a hot standby (port 5441, pg_basebackup of the primary) that pulls read.
cluster: $(RUN_STAMP) pwa
	scripts/ensure-cluster.sh
	$(PY) -m deploy.cluster start $(if $(STANDBY),--standby)

cluster-stop:
	$(PY) -m deploy.cluster stop

# eslint (bugs, not style), prettier --check, ruff (B, E, F, I, UP, W) and mypy (strict on sync/).
lint: $(TEST_STAMP) $(NODE_STAMP)
	npm run --silent lint
	npm run --silent format:check
	$(VENV)/bin/ruff check server sync tests bench deploy
	$(VENV)/bin/mypy

format: $(NODE_STAMP)
	npx prettier --write pwa/static/src tests/js

test: lint $(TEST_STAMP) pwa
	scripts/ensure-chromium.sh
	scripts/ensure-cluster.sh || echo "nginx/PgBouncer unavailable: the cluster test will be skipped"
	npm test --silent
	@PG_URL="$$(scripts/test-postgres.sh)"; \
	if [ -z "$$PG_URL" ]; then echo "PostgreSQL unavailable: running on SQLite only"; fi; \
	FELTMAPPE_TEST_PG_URL="$$PG_URL" $(VENV)/bin/pytest

clean:
	rm -rf $(VENV) instance node_modules pwa/static/dist *.egg-info
