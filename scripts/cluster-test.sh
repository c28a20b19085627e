#!/usr/bin/env bash
# Two replicas of the service behind HAProxy (deploy/compose.yaml, with podman),
# under load from 8 clients for 60 s (DOCX and PDF renders of the examples and
# imports of their DOCX); one replica is killed (SIGKILL) at 20 s and started
# again at 40 s. No request may fail: the balancer retries on the other replica
# what the dead one cannot answer. Prints the latency per phase, the balancer's
# retries and server states, the replicas' peak memory, and as its last line
#   N requests, F failed, p50 X ms, p99 Y ms
# Exit status 0 when F is 0 and the killed replica is back in rotation after its
# restart. Settings: REPLICAS (2), CLIENTS (8), LOAD_SECONDS (60),
# KILL_AT (20), RESTART_AT (40). Needs podman (../shared/container/podman-setup.sh,
# as root); installs podman-compose and podman's DNS plugin if missing (Debian
# packages), builds the images if needed. About 2-3 minutes. README "Production".
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/podman.sh
require_podman
scripts/setup.sh >/dev/null

REPLICAS=${REPLICAS:-2} CLIENTS=${CLIENTS:-8} LOAD_SECONDS=${LOAD_SECONDS:-60}
KILL_AT=${KILL_AT:-20} RESTART_AT=${RESTART_AT:-40}

# podman-compose runs the compose file; the DNS plugin lets the balancer find
# the replicas by the service's name, as Docker's own DNS does.
missing=()
command -v podman-compose >/dev/null || missing+=(podman-compose)
[[ -x /usr/lib/cni/dnsname ]] || missing+=(golang-github-containernetworking-plugin-dnsname)
if ((${#missing[@]})); then
  echo "==> Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

project=plans-cluster-$$
export REPLICAS PORT STATS_PORT
PORT=$(free_port)
STATS_PORT=$(free_port)
work=$(mktemp -d)
compose() { podman-compose -p "$project" -f deploy/compose.yaml "$@" >>"$work/compose.log" 2>&1; }
cleanup() {
  [[ -n ${sampler:-} ]] && kill "$sampler" 2>/dev/null
  compose down -t 5 || true
  podman network rm -f "${project}_default" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Images"
build_image -q >/dev/null
build_balancer_image -q >/dev/null
echo "==> $REPLICAS replicas and the balancer on port $PORT (statistics: $STATS_PORT)"
compose up -d || { cat "$work/compose.log"; exit 1; }
replicas_up() {
  [[ $(curl -s --max-time 2 "http://127.0.0.1:$STATS_PORT/stats;csv" | grep -c '^plans,plans[0-9]*,.*,UP,') == "$REPLICAS" ]]
}
wait_until 180 "$REPLICAS replicas ready behind the balancer" replicas_up || { podman logs "${project}_balancer_1" | tail; exit 1; }

# Memory of every container, every 2 s, while the load runs.
( while :; do podman stats --no-stream --format '{{.Name}} {{.MemUsage}}' 2>/dev/null; sleep 2; done ) >"$work/memory" &
sampler=$!

status=0
.venv/bin/python -m bench.cluster --port "$PORT" --stats-port "$STATS_PORT" --clients "$CLIENTS" \
  --seconds "$LOAD_SECONDS" --kill-at "$KILL_AT" --restart-at "$RESTART_AT" \
  --kill "podman kill ${project}_plans_1" --restart "podman start ${project}_plans_1" \
  --balancer-log "podman logs ${project}_balancer_1" >"$work/report" || status=$?
kill "$sampler" 2>/dev/null; sampler=
# The replica that served throughout: its cgroup's peak (page cache and /tmp included,
# an upper bound of what Kubernetes counts against the limit).
cgroup=$(podman inspect "${project}_plans_2" --format '{{.State.CgroupPath}}')
for peak_file in "/sys/fs/cgroup/memory$cgroup/memory.max_usage_in_bytes" "/sys/fs/cgroup$cgroup/memory.peak"; do
  [[ -r $peak_file ]] && cgroup_peak=$(awk '{ printf "%.0f MiB", $1 / 1048576 }' "$peak_file") && break
done

head -n -1 "$work/report"
echo "Peak memory (podman stats): $(awk '
  function mib(text) {  # 340MB, 1.02GB, 900kB -> MiB
    value = text + 0
    if (text ~ /GB$/) return value * 1e9 / 1048576
    if (text ~ /MB$/) return value * 1e6 / 1048576
    if (text ~ /kB$/) return value * 1e3 / 1048576
    return value / 1048576
  }
  { name = $1; sub(/^plans-cluster-[0-9]+_/, "", name); if (mib($2) > peak[name]) peak[name] = mib($2) }
  END { for (name in peak) printf "%s %.0f MiB; ", name, peak[name] }' "$work/memory")"
echo "Peak memory of plans_2, its cgroup: ${cgroup_peak:-not readable}"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
tail -n 1 "$work/report"
exit "$status"
