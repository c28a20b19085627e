#!/usr/bin/env bash
# Set up (if needed, with the test tools) and run the whole test suite:
# unit, document, API, real-LibreOffice PDF, property-based, fault and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
exec .venv/bin/python -m pytest "$@"
