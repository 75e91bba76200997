"""Cleaning the real agreements: nothing lost, no prose removed, every removal named.

Runs clean() on each practice agreement (../shared/practice, five real agreements in styles the
demo content does not use) and on the demo content, and checks what the issue asks of cleaning:
every word of the source is either kept or listed in a removed artifact; no sentence of the
agreement (a line of 12 or more words ending in '.') is ever in a removed artifact, TOC included;
every artifact says what kind of thing it is.
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.clean import clean
from generator.clean.inline import clean_inline
from generator.clean.toc import is_sentence
from generator.sources import read_source

REPO = Path(__file__).resolve().parents[2]
PRACTICE = REPO.parent.parent / "shared" / "practice"
if not PRACTICE.is_dir():
    PRACTICE = Path("/work/shared/practice")
FILES = sorted(p for p in PRACTICE.glob("*.md") if p.name != "README.md") + sorted(
    p for p in (REPO / "content").glob("*/*.md") if "bulletins" not in p.parts)
KINDS = {"toc", "index", "page-number", "page-header", "running-header", "ocr-noise", "union-label",
         "html-fragment", "image", "rejoined-word", "hyphenated-word"}
WORD = re.compile(r"[A-Za-z]+|\d+")  # letters and digits apart: '44Section' is '44' and 'Section'


def words(texts) -> Counter:
    counts = Counter()
    for text in texts:
        counts.update(w.lower() for w in WORD.findall(text))
    return counts


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.stem)
def document(request):
    source = read_source(request.param, "bylaws" if "bylaws" in request.param.parts else "agreement")
    return source, clean(source)


def test_practice_agreements_are_there():
    assert len([f for f in FILES if PRACTICE in f.parents]) == 5


def test_every_word_is_kept_or_listed_as_removed(document):
    source, cleaned = document
    given = words(clean_inline(piece).text for raw in source.lines for piece in raw.split("\f"))
    accounted = words(line.text for line in cleaned.lines + cleaned.cover)
    accounted += words(a.text for a in cleaned.removed)
    lost = given - accounted
    assert not lost, f"{sum(lost.values())} words lost: {lost.most_common(10)}"


def test_no_sentence_of_the_agreement_is_ever_removed(document):
    _, cleaned = document
    prose = [(a.kind, a.first_line, line) for a in cleaned.removed
             for line in a.text.split("\n") if is_sentence(line)]
    assert prose == []


def test_every_removed_artifact_has_a_kind(document):
    _, cleaned = document
    assert {a.kind for a in cleaned.removed} <= KINDS
    assert all(a.first_line <= a.last_line for a in cleaned.removed)


def test_the_australian_toc_keeps_the_body_clauses():
    # au-dha-ea-2021: the contents end at line 179; the body's "PART A." and clauses 1-16 follow
    source = read_source(PRACTICE / "au-dha-ea-2021.md", "agreement")
    cleaned = clean(source)
    (toc,) = [a for a in cleaned.removed if a.kind == "toc"]
    assert (toc.first_line, toc.last_line) == (77, 179)
    body = [line.text for line in cleaned.lines]
    assert "PART A. TECHNICAL MATTERS" in body and "1. Title of this Agreement" in body
