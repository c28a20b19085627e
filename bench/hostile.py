"""PDF rendering while hostile uploads arrive (issue 17), on 127.0.0.1.

    .venv/bin/python -m bench.hostile                 # 8 PDF clients, 4 uploaders, 30 s per phase
    .venv/bin/python -m bench.hostile --seconds 60 --output bench/results/hostile.md

The service as scripts/run.sh starts it (serve.py, its LibreOffice pool with
an instance for uploads, its worker processes). Phase "clean": the PDF
clients alone, each sending the next example as soon as it has its PDF.
Phase "hostile": the same while the uploaders send, again and again, files
that link to a canary server (images, sections, templates, fonts, OLE
objects, in .odt, .rtf, .doc, .docx), an RTF announcing a billion bytes of
picture, a .docx of 190 MB of XML, 1,000 footnote references, OLE2 files
that are no Word document, a .docx carrying an ODF mimetype.

Verdict (exit status 0 = PASS): no PDF request fails in either phase; the
PDF p99 with the uploads is at most twice the clean one; no upload gets a
5xx other than 503 (busy: retry later); the canary receives nothing.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import hostile_documents as H
from .canary import Canary
from .client import Client
from .procs import PeakSampler
from .service import ROOT, Service
from .stats import markdown_table, ms, p50, p99, publish

P99_FACTOR = 2.0


@dataclass
class Phase:
    name: str
    seconds: float
    pdf: list[float] = field(default_factory=list)  # seconds of the successful ones
    pdf_failures: dict = field(default_factory=dict)
    uploads: dict = field(default_factory=dict)  # status → count


def hostile_uploads(url: str) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        local = Path(folder) / "secret.txt"
        local.write_text("nội dung riêng", encoding="utf-8")
        uploads = H.linking(url, str(local))
    uploads["rtf-bin"] = H.RTF_BIN
    uploads["docx-190-mb-of-xml"] = H.huge_docx(190)
    uploads["docx-1000-footnotes"] = H.footnote_docx(1000)
    uploads["ole2-workbook"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le") + bytes(2048)
    uploads["docx-odf-mimetype"] = _with_odf_mimetype(uploads["docx-image"])
    return uploads


def _with_odf_mimetype(docx: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(output, "w") as target:
        target.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
    return output.getvalue()


def run_phase(service: Service, phase: Phase, *, pdf_clients: int, uploaders: int, plans: list[bytes],
              uploads: dict[str, bytes], seed: int) -> None:  # fmt: skip
    lock = threading.Lock()
    deadline = time.perf_counter() + phase.seconds
    client = Client("127.0.0.1", service.port, timeout=120)

    def render(number: int) -> None:
        index = number
        while time.perf_counter() < deadline:
            reply = client.render(plans[index % len(plans)], "pdf")
            index += 1
            with lock:
                if reply.ok:
                    phase.pdf.append(reply.seconds)
                else:
                    key = reply.error or reply.status
                    phase.pdf_failures[key] = phase.pdf_failures.get(key, 0) + 1

    def upload(number: int) -> None:
        chooser = random.Random(seed * 100 + number)
        names = sorted(uploads)
        while time.perf_counter() < deadline:
            reply = client.request("POST", "/import", uploads[chooser.choice(names)],
                                   {"Content-Type": "application/octet-stream"})  # fmt: skip
            with lock:
                key = reply.error or reply.status
                phase.uploads[key] = phase.uploads.get(key, 0) + 1

    threads = [threading.Thread(target=render, args=(n,), daemon=True) for n in range(pdf_clients)]
    threads += [threading.Thread(target=upload, args=(n,), daemon=True) for n in range(uploaders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=phase.seconds + 300)


def report(phases: list[Phase], canary: Canary, sampler: PeakSampler, settings: dict) -> tuple[str, bool]:
    clean, hostile = phases
    rows = [[phase.name, len(phase.pdf) + sum(phase.pdf_failures.values()),
             ", ".join(f"{k}×{v}" for k, v in sorted(phase.pdf_failures.items(), key=str)) or "0",
             f"{len(phase.pdf) / phase.seconds:.2f}", ms(p50(phase.pdf)), ms(p99(phase.pdf)),
             ", ".join(f"{k}×{v}" for k, v in sorted(phase.uploads.items(), key=str)) or "-"]
            for phase in phases]  # fmt: skip
    ratio = p99(hostile.pdf) / p99(clean.pdf) if clean.pdf and hostile.pdf else float("nan")
    server_errors = {key: count for key, count in hostile.uploads.items() if not isinstance(key, int) or
                     (key >= 500 and key != 503)}  # fmt: skip
    problems = [f"PDF failures in {phase.name}: {phase.pdf_failures}" for phase in phases if phase.pdf_failures]
    if not ratio <= P99_FACTOR:
        problems.append(f"PDF p99 with uploads is {ratio:.2f}× the clean one (at most {P99_FACTOR:g}×)")
    if server_errors:
        problems.append(f"uploads answered {server_errors}")
    if canary.requests:
        problems.append(f"the canary received {len(canary.requests)} requests: {canary.requests[:5]}")
    lines = ["### PDF rendering while hostile uploads arrive", "",
             "Settings: " + ", ".join(f"{key} {value}" for key, value in settings.items()), "",
             markdown_table(["phase", "PDF requests", "PDF failed", "PDF ok/s", "PDF p50 ms", "PDF p99 ms",
                             "uploads by answer"], rows), "",
             f"PDF p99 with uploads / clean: {ratio:.2f}× (at most {P99_FACTOR:g}×). "
             f"Canary requests: {len(canary.requests)}. Peak RSS: service {sampler.service_peak() / 1024:.0f} MiB, "
             f"largest soffice {max(sampler.soffice_kib.values(), default=0) / 1024:.0f} MiB.", "",
             "Verdict: " + ("PASS" if not problems else "FAIL"), *[f"- {problem}" for problem in problems]]  # fmt: skip
    return "\n".join(lines) + "\n", not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--pdf-clients", type=int, default=8)
    parser.add_argument("--uploaders", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0, help="per phase (max 600)")
    parser.add_argument("--pool", type=int, default=2, help="LibreOffice instances for PDFs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be in (0, 600]")

    def log(message: str) -> None:
        print(f"[hostile {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    plans = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.json"))]
    with Canary() as canary:
        log("making the hostile uploads")
        uploads = hostile_uploads(canary.url)
        canary.requests.clear()
        log(f"starting the service with a PDF pool of {args.pool}")
        with Service(pool_size=args.pool, ready_timeout=120) as service, PeakSampler(service.pid) as sampler:
            phases = [Phase("clean", args.seconds), Phase("hostile uploads", args.seconds)]
            for phase, uploaders in zip(phases, (0, args.uploaders)):
                service.wait_ready(90)
                log(f"phase {phase.name}: {args.pdf_clients} PDF clients, {uploaders} uploaders, {args.seconds:.0f} s")
                run_phase(service, phase, pdf_clients=args.pdf_clients, uploaders=uploaders, plans=plans,
                          uploads=uploads, seed=args.seed)  # fmt: skip
        settings = {"PDF clients": args.pdf_clients, "uploaders": args.uploaders, "seconds per phase": args.seconds,
                    "PDF pool": args.pool, "hostile files": len(uploads)}  # fmt: skip
        text, passed = report(phases, canary, sampler, settings)
    return publish(text, args.output, passed)


if __name__ == "__main__":
    sys.exit(main())
