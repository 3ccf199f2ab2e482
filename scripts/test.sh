#!/usr/bin/env bash
# Run cronica's checks: lint, types, the test suite and the accuracy gate.
#
#   bash scripts/test.sh            (after scripts/install.sh)
#
# PostgreSQL store tests run when CRONICA_TEST_PG_URL is set (.ci/postgres.sh starts a server and prints
# it); with CI=true they fail instead of skipping when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VIRTUAL_ENV:-}" ] && [ -x .venv/bin/python ]; then
    # shellcheck disable=SC1091
    . .venv/bin/activate
fi
echo "== ruff"
ruff check src tests benchmarks
echo "== mypy"
mypy
echo "== pytest"
python -m pytest -q
echo "== accuracy gate"
cronica eval-gate
