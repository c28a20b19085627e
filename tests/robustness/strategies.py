"""Hypothesis strategies: valid plans full of adversarial text, and the
mutations that make a valid plan invalid in one known place.

Valid text is built from fragments that have broken document generators
before (XML specials, Jinja and docxtpl syntax, emoji and ZWJ sequences,
combining marks, right-to-left text and bidi controls, BOM, astral
characters, this project's own inline markup) mixed with arbitrary Unicode
that the schema accepts (no control characters, line breaks or surrogates).
"""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path

from hypothesis import assume
from hypothesis import strategies as st

from schemas import limits
from schemas.workload import text_work

EXAMPLES_DIR = Path(__file__).resolve().parent.parent.parent / "examples"

ADVERSARIAL = [
    "<", ">", "&", '"', "'", "&amp;", "&lt;", "&#x41;", "<w:p>", "</w:t>", "]]>", "<![CDATA[", "<?xml ?>",
    "{{ x }}", "{{", "}}", "{% if x %}", "{% endif %}", "{%", "%}", "{#", "#}", "{{r x }}", "{%p if %}",
    "{{ body }}", "{{ '<' | safe }}",
    "😀", "👨‍👩‍👧‍👦", "🇻🇳", "❤️", "e\u0301", "a\u0300\u0323", "\u0301", "ệ", "Đ", "ư\u031b",
    "שלום", "مرحبا", "\u202e", "\u202d", "\u200f", "\u200e", "\u2067", "\u2069",
    "\u200b", "\u200d", "\u00a0", "\u3000", "\ufeff", "𝔘𝔫𝔦", "\U0001f600", "\U00010348", "\U0010fffd",
    "\\", "*", "**", "_", "__", "^[", "]", "^[chú thích]", "[^1]", "`", "#", "|", "$", "%", "~",
    "Ủy ban nhân dân", "Kế hoạch", "./.", ";", ":",
]

# What the schema refuses in text, so never part of a valid plan.
_REFUSED_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")

# What XML cannot carry, refused by the schema too.
_NONCHARACTERS = "\ufffe\uffff"

_characters = st.characters(codec="utf-8", exclude_categories=_REFUSED_CATEGORIES,
                            exclude_characters=_NONCHARACTERS)


def normalized(text: str) -> str:
    """What the schema stores for a text: NFC, trimmed."""
    return unicodedata.normalize("NFC", text).strip()


def _acceptable(text: str, max_length: int) -> bool:
    value = normalized(text)
    return bool(value) and len(value) <= max_length


def text(max_length: int, *, long: bool = True) -> st.SearchStrategy[str]:
    """Valid text for a field of ``max_length``: mostly short and nasty,
    sometimes filled right up to the limit."""
    piece = st.one_of(st.sampled_from(ADVERSARIAL), st.text(_characters, min_size=1, max_size=12))
    short = st.lists(piece, min_size=1, max_size=8).map("".join)
    options = [short]
    if long:
        filled = st.tuples(short, st.integers(0, 3)).map(
            lambda pair: _fill(pair[0], max_length - pair[1]))
        options.append(filled)
    return st.one_of(*options).filter(lambda value: _acceptable(value, max_length))


def _fill(seed: str, length: int) -> str:
    """``seed``, then itself without markup marks repeated, to exactly
    ``length`` characters once normalized (trimmed ends and NFC can shorten
    it: then a plain letter pads). Marks repeated thousands of times would
    pass the plan's caps on runs and footnotes (schemas/workload.py)."""
    seed = normalized(seed) or "x"
    filler = normalized(seed.replace("^[", "").replace("*", "")) or "x"
    value = seed + " " + (filler + " ") * (length // (len(filler) + 1) + 1)
    value = normalized(value[:length])
    while len(value) > length:
        value = normalized(value[:-1])
    return value + "x" * (length - len(value)) if len(value) < length and value else value


def name() -> st.SearchStrategy[str]:
    return text(limits.NAME)


def paragraph() -> st.SearchStrategy[str]:
    return text(limits.PARAGRAPH)


def _optional(strategy):
    return st.one_of(st.none(), strategy)


def bullets(max_items: int = 6):
    item = st.fixed_dictionaries({"text": paragraph()},
                                 optional={"sub_items": st.lists(paragraph(), max_size=3)})
    return st.fixed_dictionaries({"type": st.just("bullets"), "items": st.lists(item, min_size=1, max_size=max_items)})


def leaf_blocks(max_items: int = 6):
    para = st.fixed_dictionaries({"type": st.just("paragraph"), "text": paragraph()})
    point_item = st.fixed_dictionaries({"text": paragraph()}, optional={
        "content": st.lists(st.one_of(para, bullets(3)), max_size=2)})
    points = st.fixed_dictionaries({"type": st.just("points"), "items": st.lists(point_item, min_size=1, max_size=4)})
    return st.one_of(para, para, bullets(max_items), points)


def section(depth: int):
    """A section at heading ``depth`` (1 = "I."), nesting to the schema's maximum."""
    children = [leaf_blocks()]
    if depth < limits.HEADING_DEPTH:
        children.append(st.deferred(lambda: section(depth + 1)))
    content = st.lists(st.one_of(*children), max_size=4)
    return st.fixed_dictionaries(
        {"type": st.just("section"), "content": content},
        optional={"heading": name(), "run_in": st.booleans()},
    )


def deepest_section():
    """A chain of sections exactly HEADING_DEPTH deep, each with text."""
    def chain(headings, paragraph_text):
        node = {"type": "paragraph", "text": paragraph_text}
        for heading in reversed(headings):
            node = {"type": "section", "heading": heading, "content": [node]}
        return node
    return st.builds(chain, st.lists(name(), min_size=limits.HEADING_DEPTH, max_size=limits.HEADING_DEPTH), paragraph())


def named_sections():
    part = st.fixed_dictionaries({"content": st.lists(leaf_blocks(), max_size=2)}, optional={"heading": name()})
    purposes = st.fixed_dictionaries({"type": st.just("purposes_requirements")},
                                     optional={"purposes": part, "requirements": part})
    agency = st.fixed_dictionaries({"name": name()}, optional={
        "lead": st.booleans(), "request": st.booleans(), "run_in": st.booleans(),
        "duties": st.lists(leaf_blocks(), max_size=2)})
    assignments = st.fixed_dictionaries({"type": st.just("assignments"), "agencies": st.lists(agency, max_size=3)})
    target = st.fixed_dictionaries({"text": paragraph()}, optional={
        "value": st.one_of(st.none(), st.integers(0, 10**6), st.floats(0, 1e6, allow_nan=False)),
        "unit": _optional(text(limits.SHORT, long=False))})
    specific = st.fixed_dictionaries({"items": st.lists(target, max_size=3)},
                                     optional={"style": st.sampled_from(["numbered", "bullets", "points"])})
    targets = st.fixed_dictionaries({"type": st.just("targets")}, optional={"general": part, "specific": specific})
    simple = st.sampled_from(["tasks", "budget", "reporting"]).flatmap(
        lambda kind: st.fixed_dictionaries({"type": st.just(kind), "content": st.lists(leaf_blocks(), max_size=3)}))
    return st.one_of(purposes, assignments, targets, simple)


def appendix():
    columns = st.lists(text(limits.NAME, long=False), min_size=1, max_size=4).map(
        lambda headers: [{"key": f"c{i}", "header": header} for i, header in enumerate(headers)])

    def with_rows(cols):
        row = st.fixed_dictionaries({
            "label": text(limits.NAME, long=False),
            "values": st.fixed_dictionaries({c["key"]: st.integers(0, 10**9) for c in cols}),
        })
        return st.fixed_dictionaries({"columns": st.just(cols), "rows": st.lists(row, max_size=5)})

    table = columns.flatmap(with_rows)
    return st.fixed_dictionaries({"title": name()}, optional={
        "table": table, "orientation": st.sampled_from(["auto", "portrait", "landscape"])})


@st.composite
def plans(draw, *, big: bool = False):
    """A valid plan (valid by construction; the tests still check with load_plan)."""
    body = draw(st.lists(st.one_of(section(1), named_sections(), deepest_section()),
                         min_size=1, max_size=6 if big else 3))
    data = {
        "schema_version": 1,
        "issuer": draw(st.fixed_dictionaries({"name": name(), "abbreviation": st.sampled_from(["UBND", "HĐND", "UB-ND"])},
                                             optional={"parent": name()})),
        "place": draw(name()),
        "date": {"year": draw(st.integers(1945, 2200))},
        "summary": draw(text(limits.SUMMARY)),
        "legal_bases": draw(st.lists(paragraph(), max_size=3)),
        "body": body,
        "recipients": draw(st.lists(st.fixed_dictionaries({"name": name()}), max_size=3)),
        "signatory": {"title": draw(name()), "name": draw(name())},
        "appendices": draw(st.lists(appendix(), max_size=2)),
    }
    if draw(st.booleans()):
        data["lead_in"] = draw(paragraph())
    if draw(st.booleans()):
        data["closing"] = draw(paragraph())
    work = text_work(data)  # counted on the raw plan: defaults add only a few short texts
    assume(work.characters < limits.CHARACTERS_TOTAL - 1000 and work.runs < limits.RUNS_TOTAL - 100
           and work.footnotes <= limits.FOOTNOTES_TOTAL)
    return data


# --- invalid plans --------------------------------------------------------


def example_plans() -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.json"))}


def walk(value, path=()):
    """(path, value) of every node of parsed JSON."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, path + (index,))


def set_at(data, path, value):
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def dotted(path) -> str:
    return ".".join(str(part) for part in path)


def _is_value_string(path, value) -> bool:
    # Figures are keyed by column keys: their keys are data, not field names.
    return isinstance(value, str) and "values" not in path[-2:-1]


CONTROL_CHARACTERS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"] + \
    ["\x7f", "\x80", "\x9f", "\t", "\n", "\r", "\u2028", "\u2029"]
def _fields_by_lines() -> tuple[frozenset[str], frozenset[str]]:
    """The names of the fields whose text may hold line breaks (LinesText: a
    summary broken by meaning, a table cell of several lines) and of those
    whose text may not, read from the schemas so that a field made
    multi-line later is known here too. A name can be in both ("text" of a
    paragraph, "text" of a table cell)."""
    import schemas.blocks  # noqa: F401  (registers every block schema)
    import schemas.kinds  # noqa: F401
    from marshmallow import Schema, fields

    from schemas.fields import LinesText, Text

    def inner(field):
        return inner(field.inner) if isinstance(field, fields.List) else field

    lines, single, pending = set(), set(), [Schema]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for name, field in getattr(cls, "_declared_fields", {}).items():
            field = inner(field)
            if isinstance(field, LinesText):
                lines.add(name)
            elif isinstance(field, Text):
                single.add(name)
    return frozenset(lines), frozenset(single)


FIELDS_OF_LINES, FIELDS_OF_ONE_LINE = _fields_by_lines()
# Where a name is both, the table structures are where its text has lines.
TABLE_KEYS = ("rows", "columns", "tasks", "groups")


def _may_break_lines(path) -> bool:
    name = next((key for key in reversed(path) if isinstance(key, str)), None)
    if name not in FIELDS_OF_LINES:
        return False
    return name not in FIELDS_OF_ONE_LINE or any(key in TABLE_KEYS for key in path)


@st.composite
def control_character_mutation(draw, base: dict):
    """A control character or line break in the middle of one text field:
    the error names that field."""
    candidates = [(path, value) for path, value in walk(base) if path and _is_value_string(path, value) and len(value) >= 2]
    path, value = draw(st.sampled_from(candidates))
    position = draw(st.integers(1, len(value) - 1))
    # "\n" is a line break where a field keeps them; a lone "\r" never is.
    bad = draw(st.sampled_from([c for c in CONTROL_CHARACTERS if not (c == "\n" and _may_break_lines(path))]))
    return set_at(base, path, value[:position] + bad + value[position:]), dotted(path)


WRONG_FOR = {
    str: [0, 1.5, True, [], {}, ["a"], {"a": "b"}],
    list: [0, "x", {}, True],
    dict: [0, "x", [], True, [{}]],
    int: ["1", 1.5, [], {}, "abc"],
    bool: ["true", [], {}, "x"],
}


@st.composite
def wrong_type_mutation(draw, base: dict):
    """A value of the wrong JSON type where a string, number, list or object belongs."""
    candidates = [(path, value) for path, value in walk(base)
                  if path and type(value) in WRONG_FOR and "values" not in path[-2:-1]
                  # a block's type picks its schema: wrong values there are "unknown block type"
                  and path[-1] != "type"]
    path, value = draw(st.sampled_from(candidates))
    replacement = draw(st.sampled_from(WRONG_FOR[type(value)]))
    return set_at(base, path, replacement), dotted(path)


@st.composite
def unknown_field_mutation(draw, base: dict):
    """A field the schema does not know, in any object of the plan."""
    candidates = [(path, value) for path, value in walk(base)
                  if isinstance(value, dict) and (not path or path[-1] != "values")]
    path, value = draw(st.sampled_from(candidates))
    field = draw(st.sampled_from(["x", "colour", "Text", "heading_", "__proto__", "tëxt", "$ref"]))
    if field in value:
        field += "_unknown"
    mutated = copy.deepcopy(value)
    mutated[field] = draw(st.sampled_from(["x", 1, None, [], {}]))
    return (set_at(base, path, mutated) if path else mutated), dotted(path + (field,))


@st.composite
def too_long_mutation(draw, base: dict):
    """A top-level text one character over its limit."""
    field, limit = draw(st.sampled_from([("summary", limits.SUMMARY), ("place", limits.NAME)]))
    return set_at(base, (field,), "a" * (limit + 1 + draw(st.integers(0, 50)))), field


@st.composite
def too_deep_mutation(draw, base: dict):
    """Sections nested deeper than HEADING_DEPTH: the first too-deep heading is named."""
    depth = draw(st.integers(limits.HEADING_DEPTH + 1, limits.HEADING_DEPTH + 3))
    node = {"type": "paragraph", "text": "Nội dung"}
    for level in range(depth, 0, -1):
        node = {"type": "section", "heading": f"Cấp {level}", "content": [node]}
    body = list(base.get("body", []))
    body.append(node)
    path = ("body", len(body) - 1) + ("content", 0) * limits.HEADING_DEPTH + ("heading",)
    return set_at(base, ("body",), body), dotted(path)


def invalid_plans():
    """(plan, path of a field the 422 answer must name)."""
    bases = list(example_plans().values())
    mutations = [control_character_mutation, wrong_type_mutation, unknown_field_mutation,
                 too_long_mutation, too_deep_mutation]
    return st.tuples(st.sampled_from(bases), st.sampled_from(mutations)).flatmap(
        lambda pair: pair[1](pair[0]))


def json_values():
    """Arbitrary JSON, mostly not a plan at all."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                        st.text(max_size=20))
    return st.recursive(scalars, lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)), max_leaves=20)
