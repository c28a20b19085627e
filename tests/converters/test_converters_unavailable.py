"""Configurations that cannot convert: no LibreOffice, no uno, PDF disabled, bad settings."""

from __future__ import annotations

import json
import stat

import pytest

from converters import (
    ConversionUnavailable,
    DisabledConverter,
    RemoteUnoservers,
    UnoserverPool,
    converter_from_config,
    parse_servers,
)

MISSING_MESSAGE = (
    "Máy chủ chưa cài LibreOffice nên chưa thể tạo PDF; bản Word (DOCX) vẫn tải được."
)


def assert_reports_missing_libreoffice(pool, sample_docx, detail_fragment):
    with pytest.raises(ConversionUnavailable) as raised:
        pool.convert(sample_docx)
    assert str(raised.value) == MISSING_MESSAGE
    assert raised.value.retry_after > 0
    assert detail_fragment in raised.value.detail
    status = pool.status()
    assert json.loads(json.dumps(status)) == status
    assert status["available"] is False
    assert detail_fragment in status["error"]
    assert status["ready"] == 0
    assert pool.wait_ready(1) is False
    assert pool.workdir is None  # nothing was started


def test_pool_without_soffice_executable(sample_docx):
    pool = UnoserverPool(1, soffice="/nonexistent/soffice")
    pool.start()
    try:
        assert_reports_missing_libreoffice(pool, sample_docx, "LibreOffice")
    finally:
        pool.close()


def test_pool_with_server_python_that_cannot_import_uno(sample_docx, tmp_path):
    # /usr/bin/python3 with -S: no site-packages, hence no uno.
    python = tmp_path / "python-without-uno"
    python.write_text('#!/bin/sh\nexec /usr/bin/python3 -S "$@"\n')
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    pool = UnoserverPool(1, python=str(python))
    pool.start()
    try:
        assert_reports_missing_libreoffice(pool, sample_docx, "uno")
    finally:
        pool.close()


def test_pool_with_missing_server_python(sample_docx):
    pool = converter_from_config({"PDF_SERVER_PYTHON": "/nonexistent/python3"})
    try:
        assert_reports_missing_libreoffice(pool, sample_docx, "/nonexistent/python3")
    finally:
        pool.close()


def test_disabled_backend(sample_docx):
    converter = converter_from_config({"PDF_BACKEND": "none"})
    assert isinstance(converter, DisabledConverter)
    with pytest.raises(ConversionUnavailable) as raised:
        converter.convert(sample_docx)
    assert "không bật" in str(raised.value)
    assert raised.value.retry_after > 0
    assert converter.status()["backend"] == "none"
    assert converter.status()["available"] is False
    converter.close()


@pytest.mark.parametrize(
    "config",
    [
        {"PDF_BACKEND": "libreoffice"},
        {"PDF_BACKEND": "remote"},
        {"PDF_BACKEND": "remote", "PDF_REMOTE_SERVERS": "localhost"},
        {"PDF_TIMEOUT": "soon"},
        {"PDF_TIMEOUT": "0"},
        {"PDF_POOL_SIZE": "-1"},
    ],
)
def test_invalid_configuration_is_rejected(config):
    with pytest.raises(ValueError):
        converter_from_config(config)


def test_parse_servers():
    assert parse_servers(" 127.0.0.1:2003, pdf.internal:2004,[::1]:2005 ,") == [
        ("127.0.0.1", 2003),
        ("pdf.internal", 2004),
        ("::1", 2005),
    ]


def test_remote_backend_with_nothing_listening(sample_docx):
    converter = RemoteUnoservers([("127.0.0.1", 9)], probe_interval=0.2)
    converter.start()
    try:
        assert converter.wait_ready(0.5) is False
        with pytest.raises(ConversionUnavailable) as raised:
            converter.convert(sample_docx)
        assert "gián đoạn" in str(raised.value)
        assert converter.status()["instances"][0]["state"] == "dead"
    finally:
        converter.close()
