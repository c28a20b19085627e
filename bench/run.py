"""The benchmark run behind ``python -m bench``: measures, prints one
report and writes it to bench/results/latest.md."""

from __future__ import annotations

import json
import math
import os
import shlex
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import machine, scaling
from .client import Client
from .importing import bench_import_in_process
from .lo import ColdSoffice, DirectUnoserver
from .procs import PeakSampler, peak_rss_kib, soffice_pids
from .service import ROOT, Service, pool_counts
from .stats import markdown_table, mib, ms, p50, p95, ratio, timed

EXAMPLES_DIR = ROOT / "examples"
RESULTS = ROOT / "bench" / "results"

# Targets of the performance issue (reported as PASS/MISS, never asserted).
RENDER_TARGET_S = 0.025          # DOCX render of the largest example, p50
SERVICE_OVERHEAD_TARGET = 1.10   # service PDF p50 / (direct unoserver + DOCX render)
POOL_SCALING_TARGET = 1.7        # throughput, pool of 2 / pool of 1
COLD_SPEEDUP_TARGET = 5.0        # cold soffice p50 / service PDF p50


@dataclass
class Settings:
    quick: bool = False
    render_samples: int = 60
    http_samples: int = 40
    pdf_samples: int = 15
    direct_samples: int = 15
    cold_samples: int = 3
    throughput_seconds: float = 10.0
    docx_throughput_seconds: float = 3.0
    concurrencies: tuple[int, ...] = (1, 2, 4, 8)
    pool_sizes: tuple[int, ...] = (1, 2)
    pdf: bool = True
    examples: tuple[str, ...] = ()

    @classmethod
    def make(cls, quick: bool, pdf: bool, examples: tuple[str, ...]) -> "Settings":
        if quick:
            return cls(quick=True, render_samples=20, http_samples=12, pdf_samples=4, direct_samples=4,
                       cold_samples=1, throughput_seconds=4.0, docx_throughput_seconds=1.5, pdf=pdf,
                       examples=examples)
        return cls(pdf=pdf, examples=examples)


@dataclass
class Example:
    name: str
    data: dict
    raw: bytes
    docx: bytes = b""
    pages: int | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({len(self.raw) // 1024} KiB JSON, {self.pages or '?'} p.)"


@dataclass
class Report:
    sections: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, measured, goal, verdict
    notes: list[str] = field(default_factory=list)

    def add(self, title: str, body: str) -> None:
        block = f"### {title}\n\n{body}\n"
        self.sections.append(block)
        print("\n" + block, flush=True)

    def target(self, name: str, measured: str, goal: str, passed: bool | None) -> None:
        verdict = "n/a" if passed is None else ("PASS" if passed else "MISS")
        self.targets.append((name, measured, goal, verdict))


def load_examples(names: tuple[str, ...]) -> list[Example]:
    paths = sorted(EXAMPLES_DIR.glob("*.json"), key=lambda p: p.stat().st_size)
    if names:
        paths = [p for p in paths if p.stem in names]
    return [Example(p.stem, json.loads(p.read_text(encoding="utf-8")), p.read_bytes()) for p in paths]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- DOCX -----------------------------------------------------------------


def bench_docx_in_process(settings: Settings, examples: list[Example], report: Report) -> dict[str, float]:
    from generators import render_docx
    from schemas import load_plan

    log("DOCX in-process")
    rows, render_p50 = [], {}
    for example in examples:
        plan = load_plan(example.data)
        example.docx = render_docx(plan)
        validate = timed(lambda: load_plan(example.data), settings.render_samples)
        render = timed(lambda: render_docx(plan), settings.render_samples)
        both = timed(lambda: render_docx(load_plan(example.data)), settings.render_samples)
        render_p50[example.name] = p50(render)
        rows.append([example.name, f"{len(example.raw) // 1024}", ms(p50(validate)), ms(p50(render)),
                     ms(p95(render)), ms(p50(both)), ms(p95(both)), f"{len(example.docx) // 1024}"])
    report.add("DOCX, in process (ms)", markdown_table(
        ["example", "JSON KiB", "validate p50", "render p50", "render p95", "validate+render p50",
         "validate+render p95", "DOCX KiB"], rows))
    largest = max(examples, key=lambda e: len(e.raw))
    value = render_p50[largest.name]
    report.target(f"DOCX render p50, largest example ({largest.name})", ms(value) + " ms",
                  f"≤ {RENDER_TARGET_S * 1000:.0f} ms", value <= RENDER_TARGET_S)
    return render_p50


def bench_docx_http(settings: Settings, examples: list[Example], service: Service, report: Report,
                    render_p50: dict[str, float]) -> None:
    log("DOCX over HTTP")
    rows = []
    for example in examples:
        replies = []

        def call():
            reply = service.client.render(example.raw, "docx")
            if not reply.ok:
                raise RuntimeError(f"{example.name}: HTTP {reply.status} {reply.error} {reply.body[:300]!r}")
            replies.append(reply)

        times = timed(call, settings.http_samples)
        rows.append([example.name, ms(p50(times)), ms(p95(times)),
                     ms(p50(times) - render_p50[example.name])])
    report.add("DOCX over HTTP, waitress (serve.py) on 127.0.0.1, one client (ms)", markdown_table(
        ["example", "p50", "p95", "p50 − in-process render p50"], rows))


# --- PDF ------------------------------------------------------------------


def count_pages(pdf: bytes) -> int | None:
    try:
        import io

        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # noqa: BLE001 - pypdf is optional for the bench
        return None


def bench_pdf_latency(settings: Settings, examples: list[Example], service: Service, report: Report,
                      render_p50: dict[str, float]) -> dict:
    log("PDF: service, direct unoserver, cold soffice")
    service_times: dict[str, list[float]] = {example.name: [] for example in examples}
    direct_times: dict[str, list[float]] = {example.name: [] for example in examples}
    direct_indexed, info_cost = {}, []
    with DirectUnoserver() as direct:
        for example in examples:
            def via_service():
                reply = service.client.render(example.raw, "pdf")
                if not reply.ok:
                    raise RuntimeError(f"{example.name}: HTTP {reply.status} {reply.error} {reply.body[:300]!r}")
                if example.pages is None:
                    example.pages = count_pages(reply.body)

            def via_direct():
                direct.convert(example.docx)

            for _ in range(2):  # warm both
                via_service()
                via_direct()
            # Interleaved, so that a burst of other work on the machine hits both alike.
            for index in range(max(settings.pdf_samples, settings.direct_samples)):
                pair = [(via_service, service_times), (via_direct, direct_times)]
                for function, times in (pair if index % 2 == 0 else pair[::-1]):
                    started = time.perf_counter()
                    function()
                    times[example.name].append(time.perf_counter() - started)
        # What the unoserver defaults would add: update_index=True, and the
        # info() round trip UnoClient.convert makes before every conversion.
        largest = max(examples, key=lambda e: len(e.raw))
        proxy = direct._proxy()
        import xmlrpc.client

        indexed, plain = [], []
        for _ in range(max(3, settings.direct_samples // 2)):
            for flag, times in ((True, indexed), (False, plain)):
                started = time.perf_counter()
                proxy.convert(None, xmlrpc.client.Binary(largest.docx), None, "pdf", None, [], flag, None, None)
                times.append(time.perf_counter() - started)
        direct_indexed[largest.name] = (indexed, plain)
        info_cost = timed(direct.info_seconds, 10, warmup=1)
        direct_peak = max((peak_rss_kib(pid) or 0 for pid in soffice_pids(direct.pid)), default=0)

    cold_times = {}
    cold = ColdSoffice()
    try:
        largest = max(examples, key=lambda e: len(e.raw))
        fresh = cold.convert_fresh_profile(largest.docx)  # also prepares the profile
        report.notes.append(f"Cold soffice on a brand-new profile (first start, {largest.name}): "
                            f"{ms(fresh)} ms; the table's cold soffice reuses a profile made beforehand.")
        for example in examples:
            cold_times[example.name] = timed(lambda: cold.convert(example.docx), settings.cold_samples, warmup=0)
    finally:
        cold.close()

    rows, overheads, speedups = [], {}, {}
    for example in examples:
        service_p50 = p50(service_times[example.name])
        direct_p50 = p50(direct_times[example.name])
        baseline = direct_p50 + render_p50[example.name]
        overheads[example.name] = service_p50 / baseline
        speedups[example.name] = p50(cold_times[example.name]) / service_p50
        rows.append([example.label, ms(service_p50), ms(p95(service_times[example.name])), ms(direct_p50),
                     ms(baseline), ratio(overheads[example.name]), ms(p50(cold_times[example.name])),
                     ratio(speedups[example.name])])
    report.add("PDF, one request at a time (ms)", markdown_table(
        ["example", "service p50", "service p95", "direct unoserver p50", "direct + render",
         "service / (direct + render)", "cold soffice p50", "cold / service"], rows))
    largest = max(examples, key=lambda e: len(e.raw))
    report.notes.append(
        f"Direct unoserver = one XML-RPC `convert` call (update_index=False) to an instance of our own, "
        f"measured interleaved with the service's requests. With update_index=True (what the pool sends) "
        f"the largest example takes {ms(p50(direct_indexed[largest.name][0]))} ms instead of "
        f"{ms(p50(direct_indexed[largest.name][1]))} ms (interleaved pairs); the `info()` round trip that "
        f"`unoserver.client.UnoClient.convert` makes before each conversion costs {ms(p50(info_cost))} ms p50. "
        f"Cold soffice = a new `soffice --headless --convert-to pdf` process per document "
        f"(profile created beforehand, not timed). Peak RSS of the direct instance's soffice: {mib(direct_peak)} MiB.")
    worst = max(overheads.values())
    report.target("Service PDF p50 / (direct unoserver + DOCX render), worst example",
                  ratio(worst), f"≤ {SERVICE_OVERHEAD_TARGET:.2f}×", worst <= SERVICE_OVERHEAD_TARGET)
    least = min(speedups.values())
    report.target("Cold soffice / service PDF p50, worst example", ratio(least),
                  f"≥ {COLD_SPEEDUP_TARGET:.0f}×", least >= COLD_SPEEDUP_TARGET)
    return {"service": service_times, "direct": direct_times, "cold": cold_times}


@dataclass
class LoadResult:
    completed: int
    failed: int
    seconds: float
    latencies: list[float]
    statuses: dict

    @property
    def throughput(self) -> float:
        return self.completed / self.seconds if self.seconds else math.nan


def closed_loop(client: Client, bodies: list[bytes], output_format: str, concurrency: int,
                seconds: float) -> LoadResult:
    """``concurrency`` clients, each sending its next request as soon as the
    previous one is answered, for ``seconds``; in-flight requests finish."""
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict = {}
    counter = {"next": 0, "failed": 0}
    start = time.perf_counter()
    deadline = start + seconds
    finished_at = [start]

    def worker(offset: int):
        index = offset
        while time.perf_counter() < deadline:
            body = bodies[index % len(bodies)]
            index += 1
            reply = client.render(body, output_format)
            now = time.perf_counter()
            with lock:
                key = reply.status if reply.error is None else reply.error
                statuses[key] = statuses.get(key, 0) + 1
                if reply.ok:
                    latencies.append(reply.seconds)
                else:
                    counter["failed"] += 1
                finished_at[0] = max(finished_at[0], now)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 180)
    return LoadResult(len(latencies), counter["failed"], finished_at[0] - start, latencies, statuses)


def bench_throughput(settings: Settings, examples: list[Example], report: Report,
                     first_service: Service | None, first_sampler: PeakSampler | None) -> None:
    bodies = [example.raw for example in examples]
    rows, best = [], {}
    memory_rows = []
    for pool_size in settings.pool_sizes:
        log(f"PDF throughput, pool of {pool_size}")
        reuse = first_service is not None and first_service.pool_size == pool_size
        service = first_service if reuse else Service(pool_size=pool_size).start()
        sampler = first_sampler if reuse else PeakSampler(service.pid).__enter__()
        try:
            # Warm every instance of the pool before measuring.
            closed_loop(service.client, bodies, "pdf", pool_size * 2, 2.0)
            for concurrency in settings.concurrencies:
                result = closed_loop(service.client, bodies, "pdf", concurrency, settings.throughput_seconds)
                best[pool_size] = max(best.get(pool_size, 0.0), result.throughput)
                rows.append([pool_size, concurrency, result.completed, result.failed,
                             f"{result.throughput:.2f}", ms(p50(result.latencies)), ms(p95(result.latencies))])
            status = service.client.healthz()
        finally:
            if not reuse:
                sampler.__exit__(None, None, None)
                service.stop()
        ready, size = pool_counts(status)
        instances = ((status or {}).get("converter") or {}).get("instances") or []
        restarts = sum(int(item.get("restarts") or 0) for item in instances if isinstance(item, dict))
        memory_rows.append([pool_size, mib(sampler.service_peak()), len(sampler.soffice_kib),
                            ", ".join(mib(v) for v in sorted(sampler.soffice_kib.values(), reverse=True)) or "n/a",
                            f"{ready}/{size}", restarts])
    report.add(f"PDF throughput, closed loop, {settings.throughput_seconds:.0f} s per cell, examples round-robin",
               markdown_table(["pool", "clients", "documents", "failed", "documents/s", "p50 ms", "p95 ms"], rows))
    report.add("Peak memory (VmHWM from /proc, MiB)", markdown_table(
        ["pool", "service worker", "soffice processes seen", "each soffice", "pool after run",
         "instance restarts (recycling, crashes)"], memory_rows))
    report.notes.append("soffice processes seen counts every soffice.bin that lived during the run: LibreOffice "
                        "restarts itself once on a new profile (the short-lived ~75 MiB one), and the pool "
                        "replaces an instance after PDF_RECYCLE_AFTER conversions (default 200) or a crash.")
    if 1 in best and 2 in best and best[1]:
        scaling = best[2] / best[1]
        report.target("Throughput pool of 2 / pool of 1 (best over concurrency)", ratio(scaling),
                      f"≥ {POOL_SCALING_TARGET:.1f}×", scaling >= POOL_SCALING_TARGET)


def bench_docx_throughput(settings: Settings, examples: list[Example], service: Service, report: Report) -> None:
    log("DOCX throughput")
    bodies = [example.raw for example in examples]
    rows = []
    for concurrency in settings.concurrencies:
        result = closed_loop(service.client, bodies, "docx", concurrency, settings.docx_throughput_seconds)
        rows.append([concurrency, result.completed, result.failed, f"{result.throughput:.1f}",
                     ms(p50(result.latencies)), ms(p95(result.latencies))])
    report.add(f"DOCX throughput over HTTP, closed loop, {settings.docx_throughput_seconds:.1f} s per cell",
               markdown_table(["clients", "documents", "failed", "documents/s", "p50 ms", "p95 ms"], rows))


# --- report ---------------------------------------------------------------


def render_report(report: Report, command: str, started: float, settings: Settings) -> str:
    facts = machine.info()
    lines = [
        "# Benchmark results",
        "",
        f"Command: `{command}`" + (" (quick: fewer samples, shorter throughput cells)" if settings.quick else ""),
        "",
        markdown_table(["", ""], [[key, value] for key, value in facts.items()]
                       + [["duration", f"{time.perf_counter() - started:.0f} s"]]),
        "",
        "## Targets",
        "",
        markdown_table(["target", "measured", "goal", "verdict"], report.targets) if report.targets else "(none measured)",
        "",
        "## Measurements",
        "",
        *report.sections,
    ]
    if report.notes:
        lines += ["## Notes", "", *(f"- {note}" for note in report.notes), ""]
    return "\n".join(lines)


def run(settings: Settings, output: Path, command: str) -> int:
    started = time.perf_counter()
    report = Report()
    load_before = machine.load_average()
    if load_before > 0.5 * (os.cpu_count() or 1):
        log(f"warning: load average {load_before:.2f} before the run: other work will skew the timings")
    examples = load_examples(settings.examples)
    if not examples:
        print("no examples found", file=sys.stderr)
        return 2
    render_p50 = bench_docx_in_process(settings, examples, report)
    report.add(scaling.TITLE, scaling.measure())
    bench_import_in_process(settings.render_samples, report)

    first_pool = max(settings.pool_sizes) if settings.pdf else 0
    backend = "pool" if settings.pdf else "none"
    log(f"starting the service (backend {backend}, pool {first_pool or '-'})")
    with Service(pool_size=max(first_pool, 1), backend=backend) as service:
        report.notes.append(f"Service start until /healthz shows the pool full: {service.started_in:.1f} s "
                            f"(waitress, 1 process, default threads, PDF backend {backend}).")
        with PeakSampler(service.pid) as sampler:
            bench_docx_http(settings, examples, service, report, render_p50)
            bench_docx_throughput(settings, examples, service, report)
            if settings.pdf:
                bench_pdf_latency(settings, examples, service, report, render_p50)
                bench_throughput(settings, examples, report, service, sampler)
    load_after = machine.load_average()
    report.notes.append(f"Load average (1 min) before the run {load_before:.2f}, after {load_after:.2f} "
                        f"on {os.cpu_count()} cores: well above 0 means other work shared the CPU and skewed timings.")
    text = render_report(report, command, started, settings)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print("\n## Targets\n")
    print(markdown_table(["target", "measured", "goal", "verdict"], report.targets))
    print(f"\nWritten to {output} in {time.perf_counter() - started:.0f} s")
    return 0


def command_line(argv: list[str]) -> str:
    return " ".join([".venv/bin/python -m bench", *map(shlex.quote, argv)])
