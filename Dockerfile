# The service with its own LibreOffice pool, on Debian 12.
FROM debian:12-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3 python3-venv python3-uno libreoffice-writer-nogui fonts-liberation2 \
 && rm -rf /var/lib/apt/lists/*

# Debian's python3 with system site packages: the unoserver instances need "uno".
RUN python3 -m venv --system-site-packages /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt

RUN useradd --create-home --uid 10001 plans
WORKDIR /srv/plans
COPY --chown=plans:plans . .
USER plans
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# waitress in one process that owns the LibreOffice pool (see serve.py).
STOPSIGNAL SIGTERM
CMD ["python3", "serve.py"]
