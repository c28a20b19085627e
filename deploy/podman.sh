# Shell functions shared by scripts/image-test.sh and scripts/cluster-test.sh
# (sourced, not run). They need podman, set up on Debian 12 by
# ../shared/container/podman-setup.sh (no container registry needed).

IMAGE=${IMAGE:-ke-hoach-nd30}

require_podman() {
  if ! command -v podman >/dev/null; then
    echo "podman is missing: run ../shared/container/podman-setup.sh as root first" >&2
    exit 2
  fi
}

# Builds the service's image from the Dockerfile. Unchanged layers come from
# the cache, so a second build after a code change takes seconds.
# --format docker: the OCI format drops HEALTHCHECK.
# --network=host: the build reaches Debian's and Python's registries as this
# machine does; when this machine trusts a CA of its own (a TLS-inspecting
# proxy), pip in the build is given it through BUILD_CA_BUNDLE.
build_image() {
  local ca=/etc/ssl/certs/ca-certificates.crt args=()
  if [[ -f $ca ]]; then
    args+=(-v "$ca:/run/build-ca.crt:ro" --build-arg BUILD_CA_BUNDLE=/run/build-ca.crt)
  fi
  podman build --format docker --network=host "${args[@]}" -t "$IMAGE" "$@" .
}

# The balancer's image (deploy/haproxy/Containerfile: Debian's haproxy).
build_balancer_image() {
  podman build --network=host -t "$IMAGE-haproxy" "$@" deploy/haproxy
}

# A TCP port nothing listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_until SECONDS WHAT COMMAND...: runs COMMAND every 0.5 s until it
# succeeds; prints how long it took, or fails after SECONDS.
wait_until() {
  local limit=$1 what=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS - start >= limit)); then
      echo "FAIL: $what not within ${limit} s" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$what after $((SECONDS - start)) s"
}

# http_ok URL: the URL answers 200.
http_ok() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1") == 200 ]]
}

# Seconds since START (a value of $EPOCHREALTIME), to one decimal.
elapsed_since() {
  awk -v start="$1" -v now="$EPOCHREALTIME" 'BEGIN { printf "%.1f", now - start }'
}
