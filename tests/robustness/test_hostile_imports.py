"""Hostile uploads to POST /import, as issue 17's attack tried them, through the
real LibreOffice pool and worker processes:

- a canary HTTP server on 127.0.0.1 receives no request while .odt, .rtf, .doc
  and .docx files linking to it (images, sections, templates, fonts, OLE objects,
  included text) are imported, as JSON, DOCX and PDF;
- no plan, .docx or PDF returned holds the converter's paths (nor a local file's
  content the documents link to);
- an RTF announcing a billion bytes of picture is refused at once while PDFs
  render beside it;
- through the production server: a .docx of 190 MB of XML is refused within 2 s
  with the service's peak memory growing by less than 50 MB, and 1,000 imports
  leave its memory within 20 % of where it started.
"""

from __future__ import annotations

import io
import json
import threading
import time
import zipfile

import pytest

from app import create_app
from bench.canary import Canary
from bench.hostile_documents import MARK, RTF_BIN, huge_docx, linking
from bench.procs import status_kib
from bench.service import Service
from generators import render_docx
from schemas import load_plan
from tests.converters.converter_checks import pdf_text
from tests.plans import example

pytestmark = pytest.mark.libreoffice

SECRET = "NỘI-DUNG-RIÊNG-CỦA-MÁY-CHỦ"
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def canary():
    with Canary() as canary:
        yield canary


@pytest.fixture(scope="module")
def documents(canary, tmp_path_factory) -> dict[str, bytes]:
    secret = tmp_path_factory.mktemp("secret") / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    made = linking(canary.url, str(secret))
    canary.requests.clear()  # only what the service does counts
    return made


@pytest.fixture(scope="module")
def hostile_app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_POOL_SIZE": 1, "PDF_TIMEOUT": 60,
                      "IMPORT_WORKERS": 1, "RENDER_WORKERS": 2})
    converter = app.extensions["converter"]
    assert converter.wait_ready(90) and converter.wait_ready(90, lane="docx"), converter.status()
    yield app
    app.extensions["workers"].close()
    converter.close()


def private_paths(app) -> list[str]:
    return [str(app.extensions["converter"].workdir), "unoserver-pool-", "private:stream", "/instance-"]


def docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist()
                       if name.endswith((".xml", ".rels")))


def test_linked_documents_fetch_nothing_and_return_no_path_of_ours(hostile_app, canary, documents):
    client = hostile_app.test_client()
    hidden = private_paths(hostile_app) + [SECRET]
    for name, data in documents.items():
        answer = client.post("/import", data=data, content_type="application/octet-stream")
        assert answer.status_code == 200, (name, answer.get_data(as_text=True)[:300])
        found = answer.get_json()
        load_plan(found["plan"])
        text = json.dumps(found, ensure_ascii=False)
        assert MARK in text, name
        word = client.post("/import?format=docx", data=data, content_type="application/octet-stream")
        pdf = client.post("/import?format=pdf", data=data, content_type="application/octet-stream")
        assert word.status_code == pdf.status_code == 200, name
        for shown in (text, docx_xml(word.data), pdf_text(pdf.data)):
            assert not [path for path in hidden if path in shown], (name, [path for path in hidden if path in shown])
    assert canary.requests == []


def test_a_stalling_rtf_is_refused_at_once_while_pdfs_render(hostile_app):
    client = hostile_app.test_client()
    outcome = {}

    def upload():
        started = time.monotonic()
        outcome["answer"] = client.post("/import", data=RTF_BIN, content_type="application/rtf")
        outcome["seconds"] = time.monotonic() - started

    uploader = threading.Thread(target=upload)
    uploader.start()
    renders = [client.post("/render?format=pdf", json=example("minimal")) for _ in range(3)]
    uploader.join()
    assert [render.status_code for render in renders] == [200] * 3
    assert outcome["answer"].status_code == 422 and outcome["answer"].get_json()["code"] == "corrupt_file"
    assert outcome["seconds"] < 10  # refused from its bytes, long before any deadline


@pytest.fixture(scope="module")
def server():
    with Service(backend="none", ready_timeout=90, extra_env={"PLANS_WORKER_RECYCLE_AFTER": "0"}) as service:
        yield service


def post(service: Service, data: bytes):
    return service.client.request("POST", "/import", data, {"Content-Type": "application/octet-stream"})


def test_a_docx_of_190_mb_of_xml_is_refused_within_2_s_without_the_service_growing(server, capsys):
    data = huge_docx(190)
    assert len(data) < 5 * MEGABYTE
    assert post(server, render_docx(load_plan(example("minimal")))).ok  # everything loaded once
    peak_before = status_kib(server.pid, "VmHWM")
    reply = post(server, data)
    assert reply.status == 422 and json.loads(reply.body)["code"] == "part_too_large"
    assert reply.seconds < 2.0
    growth_mb = (status_kib(server.pid, "VmHWM") - peak_before) / 1024
    with capsys.disabled():
        print(f"\n190 MB of XML ({len(data) / MEGABYTE:.1f} MB file): refused in {reply.seconds * 1000:.0f} ms, "
              f"service peak memory +{growth_mb:.1f} MB")
    assert growth_mb < 50, f"the service's peak memory grew by {growth_mb:.0f} MB"


@pytest.mark.slow
def test_a_thousand_imports_leave_the_service_memory_flat(server, capsys):
    documents = [render_docx(load_plan(example(name))) for name in ("minimal", "tam-duong-2021")]
    for index in range(50):  # caches, buffers and the allocator settle first
        assert post(server, documents[index % 2]).ok
    started = status_kib(server.pid, "VmRSS")
    for index in range(1000):
        reply = post(server, documents[index % 2])
        assert reply.ok, (index, reply.status, reply.body[:200])
    ended = status_kib(server.pid, "VmRSS")
    with capsys.disabled():
        print(f"\n1,000 imports: service RSS {started / 1024:.1f} MB → {ended / 1024:.1f} MB")
    assert ended <= 1.2 * started, f"service RSS {started / 1024:.0f} MB → {ended / 1024:.0f} MB"
