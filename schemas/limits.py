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
# LibreOffice needs about 1 s per 1,000 cells: keep one table well inside PDF_TIMEOUT.
TABLE_CELLS = 10_000
TABLE_VALUE = 1e12
