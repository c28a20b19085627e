#!/usr/bin/env bash
# Set up (if needed) and run the service on http://127.0.0.1:${PORT:-8000}
# with gunicorn; the service starts and supervises its own LibreOffice pool.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# One worker process owns the LibreOffice pool; threads serve requests.
exec .venv/bin/gunicorn --bind "${HOST:-127.0.0.1}:${PORT:-8000}" --workers 1 --threads "${THREADS:-16}" \
  --timeout 120 --graceful-timeout 30 'app:create_app()'
