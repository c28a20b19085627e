"""Request bodies over the limit through the production server: the API's JSON 413,
also for a chunked body (waitress reads it whole and gives the app its length)."""

from __future__ import annotations

import http.client
import json

import pytest

from bench.service import Service

TWO_AND_A_HALF_MB = 5 * 512 * 1024


@pytest.fixture(scope="module")
def server():
    with Service(backend="none", ready_timeout=90) as service:
        yield service


def post(port: int, body, headers: dict) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", "/render", body=body, headers=headers,
                           encode_chunked="Transfer-Encoding" in headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_body_over_the_limit_is_a_json_413(server, chunked):
    body = b" " * TWO_AND_A_HALF_MB
    headers = {"Content-Type": "application/json"}
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        body = iter([body[:65536]] * (TWO_AND_A_HALF_MB // 65536))

    status, answer = post(server.port, body, headers)

    assert status == 413
    assert answer["code"] == "too_large"
