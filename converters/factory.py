"""Builds the configured converter from a flat mapping (Flask config, os.environ)."""

from __future__ import annotations

from collections.abc import Mapping

from workers.settings import setting

from .base import Converter
from .disabled import DisabledConverter
from .lanes import UploadLane
from .local_pool import UnoserverPool
from .remote import RemoteUnoservers, parse_servers

BACKENDS = ("pool", "remote", "none")
SANDBOX_CHOICES = ("auto", "off")
MEGABYTE = 1024 * 1024


def converter_from_config(config: Mapping) -> Converter:
    """Return a started converter; see docs/converters.md for the keys.

    Values may be strings (as they come from the environment). Raises
    ValueError on an invalid setting.
    """
    backend = str(config.get("PDF_BACKEND") or "pool").strip().lower()
    if backend not in BACKENDS:
        raise ValueError(f"PDF_BACKEND must be one of {', '.join(BACKENDS)}, got {backend!r}")
    if backend == "none":
        return DisabledConverter()

    timeout = setting(config, "PDF_TIMEOUT", float, 30.0, allow_zero=False)
    queue_limit = setting(config, "PDF_QUEUE_LIMIT", int, None)
    queue_wait = setting(config, "PDF_QUEUE_WAIT", float, None)
    uploads = _upload_lane(config)
    if backend == "remote":
        servers = parse_servers(str(config.get("PDF_REMOTE_SERVERS") or ""))
        if not servers:
            raise ValueError("PDF_BACKEND=remote needs PDF_REMOTE_SERVERS (host:port,host:port)")
        converter = RemoteUnoservers(
            servers,
            timeout=timeout,
            queue_limit=queue_limit,
            queue_wait=queue_wait,
            probe_interval=setting(config, "PDF_PROBE_INTERVAL", float, 5.0, allow_zero=False),
            upload_servers=parse_servers(str(config.get("PDF_REMOTE_UPLOAD_SERVERS") or "")),
            uploads=uploads,
        )
    else:
        sandbox = str(config.get("PDF_SANDBOX") or "auto").strip().lower()
        if sandbox not in SANDBOX_CHOICES:
            raise ValueError(f"PDF_SANDBOX must be one of {', '.join(SANDBOX_CHOICES)}, got {sandbox!r}")
        recycle_after = setting(config, "PDF_RECYCLE_AFTER", int, 200)
        converter = UnoserverPool(
            setting(config, "PDF_POOL_SIZE", int, None),
            timeout=timeout,
            queue_limit=queue_limit,
            queue_wait=queue_wait,
            recycle_after=recycle_after or None,
            base_port=setting(config, "PDF_BASE_PORT", int, None),
            soffice=config.get("PDF_SOFFICE") or None,
            python=config.get("PDF_SERVER_PYTHON") or None,
            startup_timeout=setting(config, "PDF_STARTUP_TIMEOUT", float, 60.0, allow_zero=False),
            health_interval=setting(config, "PDF_HEALTH_INTERVAL", float, 10.0, allow_zero=False),
            health_timeout=setting(config, "PDF_HEALTH_TIMEOUT", float, 10.0, allow_zero=False),
            uploads=uploads if uploads.size else None,
            sandbox=sandbox == "auto",
        )
    converter.start()
    return converter


def _upload_lane(config: Mapping) -> UploadLane:
    """Instances for uploads: ``IMPORT_CONVERT_INSTANCES`` of them (0: they share the PDF instances)."""
    defaults = UploadLane()
    size = setting(config, "IMPORT_CONVERT_INSTANCES", int, defaults.size)
    memory = setting(config, "IMPORT_CONVERT_MEMORY_LIMIT", int, defaults.memory_limit // MEGABYTE)
    return UploadLane(
        size=size,
        timeout=setting(config, "IMPORT_CONVERT_TIMEOUT", float, defaults.timeout, allow_zero=False),
        queue_limit=setting(config, "IMPORT_CONVERT_QUEUE_LIMIT", int, None),
        queue_wait=setting(config, "IMPORT_CONVERT_QUEUE_WAIT", float, None),
        memory_limit=memory * MEGABYTE or None,
    )

