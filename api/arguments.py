"""How the API's operations read their arguments, declared with flask-smorest's
``arguments`` so that the OpenAPI document shows them from the same schemas:

- ``location="query"`` / ``"form"``: webargs as usual, errors in the API's
  shape (400, ``invalid_<field>``, the field's Vietnamese message);
- ``location="plan"``: the plan of ``POST /render`` and ``/validate`` — the
  JSON body or an uploaded .json file (``plan_request.plan_json``),
  validated by ``schemas.load_plan`` (its checks before and after
  marshmallow included, every problem at once: 422 ``invalid_plan``);
  documented as the Plan schema;
- ``location="paste"``: a JSON body whose strings are answered back
  (``plan_request.parse_text_json``).
"""

from __future__ import annotations

from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from schemas import load_plan

from .errors import ApiError
from .plan_request import parse_text_json, plan_json


class ArgumentsParser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400

    def _on_validation_error(self, error, req, schema, location, *, error_status_code, error_headers):
        problems = {path: texts[0] if isinstance(texts, list) else str(texts)
                    for path, texts in error.normalized_messages().items()}  # fmt: skip
        if location == "query":  # an argument names itself: invalid_format
            field, message = next(iter(problems.items()))
            raise ApiError(400, f"invalid_{field}", message)
        raise ApiError(400, "bad_request", "Dữ liệu gửi lên không đúng dạng; xem errors.",
                       errors=[{"path": path, "code": "invalid_type", "message": text} for path, text in problems.items()])

    def _process_location_data(self, location_data, schema, req, location, unknown, validators):
        if location == "plan":
            return load_plan(location_data)  # the schema's own checks, before and after marshmallow
        return super()._process_location_data(location_data, schema, req, location, unknown, validators)


PARSER = ArgumentsParser()


@PARSER.location_loader("plan")
def _plan(request, schema):
    return plan_json(request)


@PARSER.location_loader("paste")
def _paste(request, schema):
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", 'Hãy gửi nội dung dán dạng application/json: {"html": …, "text": …}.')
    data = parse_text_json(request.get_data(cache=False))
    if not isinstance(data, dict):
        raise ApiError(400, "malformed_json", 'Hãy gửi một đối tượng JSON {"html": …, "text": …}.')
    return data


class Blueprint(SmorestBlueprint):
    """flask-smorest's blueprint with the API's parser and body locations."""

    ARGUMENTS_PARSER = PARSER
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING = {
        **SmorestBlueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
        "plan": "application/json",
        "paste": "application/json",
    }
