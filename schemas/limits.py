"""Limits on sizes and counts: generous for real plans, tight enough to keep
one request from exhausting the service. The README lists them."""

SCHEMA_VERSION = 1

NAME = 300            # a body, an agency, a recipient, a person, a heading
SHORT = 40            # abbreviations, symbols, unit labels
PARAGRAPH = 6000      # one paragraph of body text
SUMMARY = 500         # the trích yếu

LEGAL_BASES = 50
BLOCKS_PER_LIST = 500  # blocks in one section, items in one list, agencies, ...
BLOCKS_TOTAL = 5000    # every paragraph, heading and item in the whole body
HEADING_DEPTH = 4      # I. → 1. → 1.1. → 1.1.1.
RECIPIENTS = 100
ARCHIVE_UNITS = 10

APPENDICES = 20
TABLE_COLUMNS = 30
TABLE_ROWS = 1000
TABLE_CELLS = 10_000  # rows × columns of one table
TABLE_VALUE = 1e12

# The whole plan (schemas/workload.py). Measured on 2 cores (docs/performance.md):
# LibreOffice needs about 65 µs per run, 2 ms per footnote (more as they
# crowd: 8,000 took 40 s) and 0.4 ms per cell; the largest plan these allow
# renders in under 1 s and converts in about 10 s, a third of PDF_TIMEOUT.
RUNS_TOTAL = 20_000
FOOTNOTES_TOTAL = 500
CELLS_TOTAL = 10_000
