"""LibreOffice converts uploads in a sandbox: no request to any host for what a
document links to (by its own settings, and with no network at all where the
machine allows it), no path of ours in what it returns, uploads on instances of
their own (lower priority, address space cap, shorter deadline, no retry) so that
a stalling upload never holds an instance PDF rendering needs."""

from __future__ import annotations

import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from converter_checks import assert_sample_pdf, running_pool, wait_for

from bench.canary import Canary
from bench.hostile_documents import MARK, RTF_BIN, doc_linking, odt_linking, rtf_linking
from converters import ConversionTimeout
from converters.lanes import UploadLane
from converters.local_process import sandbox_problem

pytestmark = pytest.mark.libreoffice

SECRET = "NỘI-DUNG-BÍ-MẬT-CỦA-MÁY-CHỦ"
UPLOADS = UploadLane(size=1, timeout=8.0)


@pytest.fixture(scope="module")
def canary():
    with Canary() as canary:
        yield canary


@pytest.fixture(scope="module")
def local_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def documents(canary, local_file) -> dict[str, bytes]:
    made = {**odt_linking(canary.url, str(local_file)), **rtf_linking(canary.url, str(local_file)),
            **doc_linking(canary.url, str(local_file))}
    canary.requests.clear()  # only what the pool does counts
    return made


@pytest.fixture(scope="module", params=["sandbox", "settings only"])
def pool(request):
    with running_pool(size=1, uploads=UPLOADS, sandbox=request.param == "sandbox") as pool:
        assert pool.wait_ready(90) and pool.wait_ready(90, lane="docx"), pool.status()
        yield pool


def xml_of(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist()
                       if name.endswith((".xml", ".rels")))


def test_linked_documents_fetch_nothing_and_name_no_path_of_ours(pool, canary, documents):
    for name, document in documents.items():
        xml = xml_of(pool.convert(document, to="docx"))
        assert MARK in xml, name
        assert str(pool.workdir) not in xml and "unoserver-pool-" not in xml and "private:stream" not in xml, name
        assert SECRET not in xml, name
    assert canary.requests == []


def test_a_field_that_names_the_file_keeps_no_location(pool, documents):
    for name in ("odt-file-name", "rtf-file-name", "doc-file-name-from-rtf"):
        xml = xml_of(pool.convert(documents[name], to="docx"))
        assert "FILENAME" not in xml, name  # the field is gone, not recomputed from our location


def namespace(pid: int) -> str:
    return str(Path(f"/proc/{pid}/ns/net").readlink())


def interfaces(pid: int) -> list[str]:
    lines = Path(f"/proc/{pid}/net/dev").read_text().splitlines()[2:]
    return [line.split(":")[0].strip() for line in lines]


def test_instances_have_no_network_where_the_machine_allows_it(pool):
    status = pool.status()
    instances = status["instances"] + status["uploads"]["instances"]
    if pool._sandbox:
        if sandbox_problem(pool._python) is not None:
            pytest.skip(f"this machine gives no network namespace: {sandbox_problem(pool._python)}")
        assert status["sandbox"] == {"network": "none", "reason": None}
        for instance in instances:
            assert namespace(instance["soffice_pid"]) != namespace(os.getpid())
            assert interfaces(instance["soffice_pid"]) == ["lo"]
    else:
        assert status["sandbox"]["network"] == "host"
        assert all(namespace(instance["soffice_pid"]) == namespace(os.getpid()) for instance in instances)


def limits_of(pid: int) -> str:
    return Path(f"/proc/{pid}/limits").read_text()


def nice_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rindex(")") + 2:].split()[16])


def test_uploads_have_instances_of_their_own_at_a_lower_priority_and_capped(pool, documents, sample_docx):
    pool.convert(documents["rtf-template"], to="docx")
    assert_sample_pdf(pool.convert(sample_docx))
    status = pool.status()
    pdf, upload = status["instances"][0], status["uploads"]["instances"][0]
    assert (pdf["lane"], upload["lane"]) == ("pdf", "docx")
    assert upload["conversions"] >= 1 and pdf["conversions"] >= 1
    assert nice_of(upload["soffice_pid"]) == UPLOADS.nice and nice_of(pdf["soffice_pid"]) == 0
    cap = next(line for line in limits_of(upload["soffice_pid"]).splitlines() if line.startswith("Max address space"))
    assert cap.split()[3] == str(UPLOADS.memory_limit)


def test_a_stalling_rtf_is_cut_at_the_upload_deadline_while_pdfs_convert(pool, sample_docx):
    outcome = {}

    def upload():
        try:
            pool.convert(RTF_BIN, to="docx")
        except ConversionTimeout as error:
            outcome["error"] = error

    stalled = threading.Thread(target=upload)
    stalled.start()
    assert wait_for(lambda: pool.status()["uploads"]["busy"] == 1, 30)
    pdfs = 0
    while stalled.is_alive():
        assert_sample_pdf(pool.convert(sample_docx))
        pdfs += 1
    stalled.join()
    assert outcome["error"].seconds == UPLOADS.timeout
    assert pdfs >= 2
