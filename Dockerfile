# The service with its own LibreOffice pool, on Debian 12.
#   podman build --format docker -t ke-hoach-nd30 .      (docker build -t ke-hoach-nd30 .)
# scripts/image-test.sh builds and checks it; README "Production".
# Layers change least first: system packages, Python packages, then the source,
# so editing the code rebuilds only the last, cheap layers.
FROM debian:12-slim

# tini as PID 1: forwards SIGTERM to the server and reaps LibreOffice's orphans.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3 python3-venv python3-uno libreoffice-writer-nogui fonts-liberation2 tini \
 && rm -rf /var/lib/apt/lists/*

# Debian's python3 with system site packages: the unoserver instances need "uno".
RUN python3 -m venv --system-site-packages /opt/venv
# BUILD_CA_BUNDLE: path (inside the build) of a CA bundle for pip, for a build machine
# that reaches PyPI through a TLS-inspecting proxy (scripts/image-test.sh mounts the
# host's). Unset, pip uses its own; it is not kept in the image.
ARG BUILD_CA_BUNDLE
COPY requirements.txt /tmp/requirements.txt
RUN env ${BUILD_CA_BUNDLE:+PIP_CERT=$BUILD_CA_BUNDLE} \
      /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements.txt

RUN useradd --create-home --uid 10001 plans
WORKDIR /srv/plans
# Root-owned and compiled at build time: the service never writes its own code,
# so the container also runs with a read-only root file system (only /tmp written).
COPY . .
RUN /opt/venv/bin/python -m compileall -q /srv/plans
USER 10001
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000

EXPOSE 8000
# Liveness: the server answers. (Readiness, a LibreOffice instance up: GET /readyz.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=4)"]
# waitress in one process that owns the LibreOffice pool (see serve.py).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python3", "serve.py"]
