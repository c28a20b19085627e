"""Schemathesis against the app's own OpenAPI document, in process (WSGI):
every operation, positive and negative inputs; no 5xx, and every response
conforms to the document (status code, content type, headers, body schema).

- PDF requests are answered by a stand-in converter (a fixed tiny PDF), so
  ``?format=pdf`` is exercised without LibreOffice; conversions to DOCX (an
  uploaded .doc/.odt) are refused as LibreOffice refuses what it cannot
  read; the real pool has its own tests.
- ``positive_data_acceptance`` is not checked: the document cannot express
  every rule of the plan (control characters, figures that must add up,
  heading depth), so some schema-valid plans are rightly refused with 422.
- The app is built at import: schemathesis needs the schema when pytest
  collects the tests (its lazy ``from_fixture`` loader fails under pytest 9).
"""

from __future__ import annotations

import io

import pikepdf
import pytest
import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app import create_app
from converters import ConversionFailed

from .profiles import fuzz_settings



def tiny_pdf() -> bytes:
    """A valid one-page PDF: the service reads the PDFs it gets (PDF/A description, signature fields)."""
    document = pikepdf.new()
    document.add_blank_page()
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


TINY_PDF = tiny_pdf()


class StandInConverter:
    """The converter interface, answering every PDF conversion with TINY_PDF."""

    def convert(self, document: bytes, *, timeout: float | None = None, to: str = "pdf") -> bytes:
        if to == "docx":
            raise ConversionFailed("Không chuyển được tệp này sang Word.", detail="stand-in converter")
        assert document[:2] == b"PK"
        return TINY_PDF

    def status(self) -> dict:
        return {"backend": "stand-in", "available": True, "size": 1, "ready": 1, "instances": []}

    def close(self) -> None:
        pass


APP = create_app({"TESTING": True, "CONVERTER": StandInConverter()})
full_schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)
# The coverage phase enumerates boundary and negative values of every field
# combination; on the recursive Plan schema it never ends (gigabytes, tens of
# minutes). The examples and fuzzing phases (positive and negative) remain.
full_schema.config.phases.update(phases=["examples", "fuzzing"])
# Negative data may be refused for its size too: a body over the limit is a 413.
full_schema.config.checks.negative_data_rejection.expected_statuses += ["413"]
schema = full_schema


@schema.parametrize()
@fuzz_settings("api")
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_empty_format_is_refused():
    client = APP.test_client()
    response = client.post("/render?format=", json={"schema_version": 1})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("template", "parameters"),
    [("/schema", {}), ("/examples", {}), ("/examples/{name}", {"name": "minimal"}),
     ("/examples/{name}", {"name": "nope"}), ("/healthz", {}), ("/readyz", {})],
)
def test_read_only_endpoints_match_the_document(template, parameters):
    """Fixed, meaningful cases for the GET operations, on top of the fuzzed ones."""
    case = full_schema[template]["GET"].Case(path_parameters=parameters)
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
