"""Mutated .docx files fed to POST /import: whatever the bytes, the answer
is a 200 with a valid plan or a 4xx in the API's error shape, never a 5xx.

Mutations: random bytes flipped or cut anywhere in the file; and, inside a
well-formed package, document.xml, styles.xml and numbering.xml rewritten
with elements dropped, duplicated, emptied or given nonsense attribute
values, so that the recognizer itself (not only the zip reader) is fuzzed."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from generators import render_docx
from schemas import load_plan

from . import strategies as S
from .profiles import fuzz_settings

PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
ODD_VALUES = ["", "0", "-1", "99999999999", "x", "%1.%2.%9", "bullet", "restart", "nil"]
ERROR_KEYS = {"status", "code", "message", "errors"}


@lru_cache(maxsize=None)
def seed_documents() -> tuple[bytes, ...]:
    return tuple(render_docx(load_plan(plan)) for plan in S.example_plans().values())


def repack(data: bytes, part: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == part else source.read(item.filename))
    return output.getvalue()


@st.composite
def xml_mutations(draw):
    data = draw(st.sampled_from(seed_documents()))
    part = draw(st.sampled_from(PARTS))
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(part))
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 8))):
        element = elements[draw(st.integers(0, len(elements) - 1))]
        action = draw(st.sampled_from(["drop", "duplicate", "empty", "attribute", "text"]))
        parent = element.getparent()
        if action == "drop" and parent is not None:
            parent.remove(element)
        elif action == "duplicate" and parent is not None:
            parent.append(etree.fromstring(etree.tostring(element)))
        elif action == "empty":
            for child in list(element):
                element.remove(child)
        elif action == "attribute" and element.attrib:
            key = draw(st.sampled_from(sorted(element.attrib)))
            element.set(key, draw(st.sampled_from(ODD_VALUES)))
        elif action == "text":
            element.text = draw(st.sampled_from(S.ADVERSARIAL))
    return repack(data, part, etree.tostring(root))


@st.composite
def byte_mutations(draw):
    data = bytearray(draw(st.sampled_from(seed_documents())))
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def check(client, data: bytes) -> None:
    response = client.post("/import", data=data, content_type="application/octet-stream")
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_json()
    if response.status_code == 200:
        load_plan(body["plan"])
        for item in body["warnings"] + body["fixes"]:
            assert set(item) == {"code", "message", "paragraph", "excerpt", "path"}
    else:
        assert set(body) >= ERROR_KEYS and 400 <= body["status"] < 500


@fuzz_settings("api")
@given(xml_mutations())
def test_mutated_word_xml_never_breaks_import(docx_client, data):
    check(docx_client, data)


@fuzz_settings("api")
@given(byte_mutations())
def test_mutated_bytes_never_break_import(docx_client, data):
    check(docx_client, data)


_CLIPBOARD_PIECES = st.sampled_from([
    "<p class=MsoNormal>", "</p>", "<b>", "</b>", "<i>", "<strong>", "<em>", "<br>", "<span style='mso-list:Ignore'>",
    "</span>", "<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'>", "<h2>", "<table><tr><td>", "I. ", "1.1.\t",
    "a) ", "đ) ", "- ", "+ ", "• ", "\n", "Mục đích:", "Tổ chức thực hiện", "<!--", "<![CDATA[", "&nbsp;", "&#0;",
]) | S.text(40, long=False)


@fuzz_settings("api")
@given(st.lists(_CLIPBOARD_PIECES, max_size=30).map("".join), st.lists(_CLIPBOARD_PIECES, max_size=30).map("".join))
def test_anything_pasted_gives_valid_blocks(docx_client, html, text):
    response = docx_client.post("/import/clipboard", json={"html": html, "text": text})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    blocks = response.get_json()["blocks"]
    load_plan({**S.example_plans()["minimal"], "body": blocks})
