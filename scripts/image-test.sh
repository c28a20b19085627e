#!/usr/bin/env bash
# Builds the container image with podman and checks it as a user would run it:
#   1. the build (from the layer cache when nothing changed);
#   2. a container started read-only, without capabilities, as Kubernetes runs it
#      (deploy/kubernetes): every process in it runs as the non-root user 10001;
#   3. its HEALTHCHECK turns healthy and GET /readyz answers 200;
#   4. every example rendered to PDF through the container has the same text
#      (pdftotext) as the same example rendered on this machine by the same code,
#      and the same DOCX parts (the zip's entries carry the time of the render);
#   5. SIGTERM while a PDF is being converted: that request still gets its PDF,
#      the container exits with 0 within STOP_LIMIT seconds and LibreOffice
#      is closed.
# Needs podman (../shared/container/podman-setup.sh, as root) and the test tools
# (scripts/setup.sh --dev). Slow (1-3 minutes, more when the image is built from
# scratch), so .ci/run leaves it out: run it after changing the Dockerfile,
# requirements.txt or anything the service loads at start. README "Production".
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/podman.sh
require_podman
scripts/setup.sh --dev >/dev/null

STOP_LIMIT=${STOP_LIMIT:-10}    # seconds SIGTERM may take to stop the container
START_LIMIT=${START_LIMIT:-120} # seconds until healthy and ready (a busy 2-core machine)
name=image-test-$$
port=$(free_port)
work=$(mktemp -d)
cleanup() {
  podman rm -f -t 0 "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "==> Building $IMAGE"
build_start=$EPOCHREALTIME
build_image -q >/dev/null
echo "built in $(elapsed_since "$build_start") s; size $(podman image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')"
[[ $(podman image inspect "$IMAGE" --format '{{.Config.User}}') == 10001 ]] || fail "the image's user is not 10001"
[[ -n $(podman image inspect "$IMAGE" --format '{{.Config.Healthcheck}}') ]] || fail "the image has no HEALTHCHECK"

echo "==> Running it on port $port (read-only root file system, no capabilities)"
run_start=$EPOCHREALTIME
podman run -d --name "$name" --network=host -e PORT="$port" \
  --read-only --cap-drop=ALL --security-opt=no-new-privileges "$IMAGE" >/dev/null
# No systemd here to run the HEALTHCHECK on its timer: run it as that timer would.
healthy() { podman healthcheck run "$name" && [[ $(podman inspect "$name" --format '{{.State.Health.Status}}') == healthy ]]; }
wait_until "$START_LIMIT" "HEALTHCHECK healthy" healthy || { podman logs "$name" | tail -20; exit 1; }
wait_until "$START_LIMIT" "GET /readyz 200 (LibreOffice up)" http_ok "http://127.0.0.1:$port/readyz"
echo "started to ready in $(elapsed_since "$run_start") s"

users=$(podman top "$name" user | tail -n +2 | sort -u | tr '\n' ' ')
[[ $users == "plans " ]] || fail "processes not all run by the user plans: $users"
echo "every process runs as: $users($(podman top "$name" pid | tail -n +2 | wc -l) processes)"

echo "==> Every example through the container and on this machine"
mkdir -p "$work/container" "$work/host"
for example in examples/*.json; do
  base=$(basename "$example" .json)
  for format in docx pdf; do
    status=$(curl -s -o "$work/container/$base.$format" -w '%{http_code}' --max-time 120 \
      -X POST "http://127.0.0.1:$port/render?format=$format" -H 'Content-Type: application/json' --data-binary @"$example")
    [[ $status == 200 ]] || fail "$base.$format through the container: HTTP $status"
  done
done
# The same requests to the same code on this machine, with its own LibreOffice pool.
.venv/bin/python - "$work/host" examples/*.json <<'PY'
import sys
from pathlib import Path

from app import create_app

out, examples = Path(sys.argv[1]), sys.argv[2:]
app = create_app({"TESTING": True})
try:
    if not app.extensions["converter"].wait_ready(120):
        sys.exit("LibreOffice on this machine is not ready")
    client = app.test_client()
    for example in map(Path, examples):
        for output_format in ("docx", "pdf"):
            reply = client.post(f"/render?format={output_format}", data=example.read_bytes(),
                                content_type="application/json")
            if reply.status_code != 200:
                sys.exit(f"{example.name} {output_format} on this machine: HTTP {reply.status_code}")
            (out / f"{example.stem}.{output_format}").write_bytes(reply.data)
finally:
    app.extensions["converter"].close()
PY
same_docx_parts() {
  .venv/bin/python -c 'import sys, zipfile
a, b = (zipfile.ZipFile(path) for path in sys.argv[1:])
sys.exit(a.namelist() != b.namelist() or any(a.read(name) != b.read(name) for name in a.namelist()))' "$1" "$2"
}
for example in examples/*.json; do
  base=$(basename "$example" .json)
  same_docx_parts "$work/container/$base.docx" "$work/host/$base.docx" || fail "$base.docx differs between the container and this machine"
  pdftotext -layout "$work/container/$base.pdf" "$work/container/$base.txt"
  pdftotext -layout "$work/host/$base.pdf" "$work/host/$base.txt"
  diff -u "$work/host/$base.txt" "$work/container/$base.txt" >&2 || fail "$base.pdf: the container's text differs from this machine's (diff above)"
  pages=$(pdfinfo "$work/container/$base.pdf" | awk '/^Pages:/ {print $2}')
  echo "$base: DOCX parts identical, PDF text identical ($pages pages, $(wc -w < "$work/host/$base.txt") words)"
done

echo "==> SIGTERM while PDFs are being converted"
largest=$(ls -S examples/*.json | head -1)
clients=()
for i in 1 2 3; do
  curl -s -o "$work/inflight-$i.pdf" -w '%{http_code}' --max-time 60 -X POST "http://127.0.0.1:$port/render?format=pdf" \
    -H 'Content-Type: application/json' --data-binary @"$largest" > "$work/inflight-$i.status" &
  clients+=($!)
done
# Both instances busy: our requests, not an idle instance's health probe (one at a time).
converting() { curl -s --max-time 2 "http://127.0.0.1:$port/healthz" | grep -q '"busy":2'; }
until converting; do sleep 0.05; done
running=$(jobs -rp | wc -l)
stop_start=$EPOCHREALTIME
podman kill --signal TERM "$name" >/dev/null
exit_code=$(podman wait "$name")
stop_seconds=$(elapsed_since "$stop_start")
wait "${clients[@]}" || true
echo "stopped in $stop_seconds s with exit code $exit_code; $running requests in flight got HTTP $(paste -d ' ' "$work"/inflight-*.status)"
[[ $exit_code == 0 ]] || fail "exit code $exit_code after SIGTERM"
awk -v s="$stop_seconds" -v limit="$STOP_LIMIT" 'BEGIN { exit !(s <= limit) }' || fail "SIGTERM took $stop_seconds s (limit $STOP_LIMIT s)"
((running > 0)) || fail "no request was in flight at SIGTERM"
for i in 1 2 3; do
  [[ $(cat "$work/inflight-$i.status") == 200 ]] && pdfinfo "$work/inflight-$i.pdf" >/dev/null \
    || fail "request $i, in flight at SIGTERM, did not get its PDF"
done
logs=$(podman logs "$name" 2>&1)
grep -q "Unoserver pool closed" <<<"$logs" || fail "LibreOffice pool not closed at SIGTERM"
! grep -q "Traceback" <<<"$logs" || fail "a traceback in the container's log"

echo "image test: PASS"
