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
JSON_DEPTH = 40        # nested objects and arrays; the deepest valid plan needs 18
RECIPIENTS = 100
ARCHIVE_UNITS = 10

APPENDICES = 20
TABLE_COLUMNS = 30
TABLE_ROWS = 1000
TABLE_HEADER_ROWS = 5
TABLE_VALUE = 1e12

# The whole plan (schemas/workload.py), chosen by measurement on 2 cores
# (docs/performance.md, python -m bench.heavy): LibreOffice lays out about
# 100 pages of text a second, and a run or a table cell each cost it far
# more than a character. Footnotes cost most, and more the longer the
# document: 500 of them made the largest allowed plan take 4 times longer,
# and tables after a long body cost more than apart.
CHARACTERS_TOTAL = 300_000  # about 140 pages; the largest real plan has 28,000
RUNS_TOTAL = 20_000
FOOTNOTES_TOTAL = 100  # real plans have a handful
CELLS_TOTAL = 3_000  # 100 rows of 30 columns, 300 of 10; the largest real table has 84
TABLE_CELLS = CELLS_TOTAL  # one table may use them all: checked early, where the table is
