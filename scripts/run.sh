#!/usr/bin/env bash
# Set up (if needed) and run the service on http://${HOST:-127.0.0.1}:${PORT:-8000}
# with waitress (serve.py); the service starts and supervises its own LibreOffice pool.
# Settings: HOST, PORT, THREADS, CONNECTION_LIMIT, CHANNEL_TIMEOUT (README "Production").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python serve.py
