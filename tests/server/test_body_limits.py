"""Request bodies over the limit through the production server: the API's JSON 413
from the app (also for a chunked body: waitress reads it whole and gives the app its
length) and from waitress itself (a body over the largest limit of any route), and
the import's one stated limit (10 MB) is the one enforced: an 8 MB Word file is read."""

from __future__ import annotations

import http.client
import io
import json
import os
import socket
import zipfile

import pytest

from api.imports import DEFAULT_MAX_BYTES
from bench.service import Service
from generators import render_docx
from schemas import load_plan
from tests.plans import example

TWO_AND_A_HALF_MB = 5 * 512 * 1024
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def server():
    with Service(backend="none", ready_timeout=90) as service:
        yield service


def post(port: int, path: str, body, headers: dict) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", path, body=body, headers=headers, encode_chunked="Transfer-Encoding" in headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def announced(port: int, path: str, length: int) -> tuple[str, dict]:
    """Headers announcing ``length`` bytes, and no body: the answer comes at once or never."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                           f"Content-Length: {length}\r\n\r\n".encode())
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.split(b"\r\n\r\n", 1)[1]) < _length(answer):
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    head, body = answer.split(b"\r\n\r\n", 1)
    return head.decode("latin-1"), json.loads(body)


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 1 << 30


def word_file_of(size: int) -> bytes:
    """A rendered plan with a picture (random bytes, stored) making it ``size`` bytes."""
    rendered = render_docx(load_plan(example("minimal")))
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(rendered)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(zipfile.ZipInfo("word/media/photo.bin"), os.urandom(size - len(rendered) - 200))
    return output.getvalue()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_body_over_the_limit_is_a_json_413(server, chunked):
    body = b" " * TWO_AND_A_HALF_MB
    headers = {"Content-Type": "application/json"}
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        body = iter([body[:65536]] * (TWO_AND_A_HALF_MB // 65536))

    status, answer = post(server.port, "/render", body, headers)

    assert status == 413
    assert answer["code"] == "too_large" and "2 MB" in answer["message"]


@pytest.mark.parametrize(("path", "limit"), [("/render", "2 MB"), ("/import", "10 MB")])
def test_a_body_over_every_limit_is_refused_by_the_server_at_once_in_json(server, path, limit):
    head, answer = announced(server.port, path, 50 * MEGABYTE)
    assert head.startswith("HTTP/1.1 413") and "application/json" in head
    assert answer == {"status": 413, "code": "too_large", "message": answer["message"], "errors": []}
    assert limit in answer["message"]


def test_an_8_mb_word_file_is_read_under_the_stated_10_mb_limit(server):
    assert DEFAULT_MAX_BYTES == 10 * MEGABYTE  # the limit README states
    data = word_file_of(8 * MEGABYTE)
    status, answer = post(server.port, "/import", data, {"Content-Type": "application/octet-stream"})
    assert status == 200, answer
    load_plan(answer["plan"])


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_word_file_over_10_mb_is_a_json_413(server, chunked):
    data = word_file_of(10 * MEGABYTE + 1000)  # the app's refusal; far larger ones are the server's (above)
    headers = {"Content-Type": "application/octet-stream"}
    body = data
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        body = iter([data[index:index + 65536] for index in range(0, len(data), 65536)])
    status, answer = post(server.port, "/import", body, headers)
    assert status == 413
    assert answer["code"] == "too_large" and "10 MB" in answer["message"]
