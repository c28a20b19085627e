"""A small version of the fault test of bench/load.py, on the real
LibreOffice pool behind the production server (serve.py) on 127.0.0.1 (about 45 s: 8 s clean, 22 s with a kill every ~2 s after the previous recovery).

Clean phase: no request may fail. Faults phase: soffice processes of the
pool are SIGKILLed; only PDF requests in flight at a kill may fail, only
with 503, nothing may hang past the client timeout, and /healthz must show
the pool full again after every kill.
"""

from __future__ import annotations

import shutil

import pytest

from bench import load
from bench.service import Service

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]


@pytest.fixture(scope="module")
def pool_service():
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed")
    with Service(pool_size=2, ready_timeout=90) as service:
        yield service


def test_pool_survives_soffice_kills(pool_service, capsys):
    results, text, passed = load.run(
        clients=4, seconds=8, fault_seconds=22, pdf_share=0.6, pool=2, kill_every=2.0, timeout=45.0, seed=7,
        phases=("clean", "faults"), service=pool_service, log=lambda message: None)
    with capsys.disabled():
        print("\n" + text)
    clean, faults = results
    assert clean.outcomes and faults.outcomes
    assert any(o.ok and o.output_format == "pdf" for o in faults.outcomes), "no PDF made it through the faults phase"
    assert len(faults.kills) >= 2, "the killer did not get to kill"
    assert passed, text
    # The pool is whole again at the end.
    pool_service.wait_ready(60)
