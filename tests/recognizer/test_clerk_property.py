"""Every word a clerk typed reaches the imported plan, or is named in the
import's report — for hundreds of generated plans typed in every shape
offices use (typed labels or Word numbering, direct formatting, web-pasted
and PDF-converted styles, header and signature tables of every shape or
columns typed with tabs and spaces, tables of text and of figures, real
footnotes, long numbered paragraphs, a text box) — and the coverage figure
the import reports is the one measured here, independently: the words typed
(recorded while the document was built) against the words of the document
the imported plan renders to (read back with python-docx)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

import docx
import pytest
from hypothesis import given

from generators import render_docx
from recognizer import recognize
from schemas import load_plan
from tests.docx_reading import footnote_texts, iter_paragraphs

from .clerk_documents import clerk_document
from .clerk_plans import clerk_plans, shapes
from .test_round_trip import same_examples_in_ci

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def key(token: str) -> str:
    """A word as compared: numbers by value, letters without case or diacritics."""
    if token.isdecimal():
        return str(int(token))
    bare = unicodedata.normalize("NFD", token.upper().replace("Đ", "D"))
    return "".join(char for char in bare if not unicodedata.combining(char)).casefold()


def word_count(texts) -> Counter:
    return Counter(key(token) for text in texts for token in re.findall(r"\w+", text))


def rendered_words(plan: dict) -> Counter:
    document = docx.Document(io.BytesIO(render_docx(load_plan(plan))))
    texts = [p.text for p in iter_paragraphs(document) if p.text.strip() not in (NATIONAL_TITLE, MOTTO)]
    return word_count(texts + footnote_texts(document))


# The strategies' description is long (word lists): Hypothesis warns when it spells it out.
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@same_examples_in_ci("light")
@given(clerk_plans(), shapes())
def test_every_typed_word_is_kept_or_reported_and_the_coverage_is_the_measured_one(plan, shape):
    typed_document = clerk_document(plan, shape)
    result = recognize(typed_document.data)
    typed = word_count(typed_document.typed)
    shown = rendered_words(result["plan"])
    coverage = result["coverage"]
    reported = word_count(item["excerpt"] or "" for item in result["warnings"] + coverage["places"])
    assert typed - shown - reported == Counter()  # nothing lost without a word about it
    kept = sum(min(count, shown[word]) for word, count in typed.items())
    assert (coverage["words"], coverage["kept"]) == (sum(typed.values()), kept)
    assert coverage["share"] >= 0.99, coverage["places"]
