"""Benchmarks and load tests of the plan service.

Run everything (about 5-8 minutes on 2 cores)::

    .venv/bin/python -m bench            # full run
    .venv/bin/python -m bench --quick    # about 2 minutes, fewer samples

The load and fault test is separate::

    .venv/bin/python -m bench.load --clients 8 --seconds 60 --kill-every 6

See docs/performance.md for what the numbers mean.
"""
