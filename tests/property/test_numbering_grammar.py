"""Property test (issue 11): agreements generated from a grammar of numbering styles come out with
every generated number under the right parent, and with no word lost.

The grammar (tests/property/grammar.py) writes the text and its answer key together, so the key
never comes from the parser. Each clause scheme gets its own examples (12 each, 60 in all) so
that none is left to chance; bounded to a few seconds.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.model import DocMeta, Source
from generator.pipeline import load_document

from corpus.answer_keys import lost_message, lost_words, parsed_tree
from property.grammar import SCHEMES, Generated, agreements

# No shrinking: it can take minutes on a parser that fails everything, and the failure message
# already names the first wrong numbers and shows the generated text with its line numbers.
SETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def parse(doc: Generated):
    source = Source(path=Path("content/agreements/generated.md"),
                    meta=DocMeta(title="Generated agreement", slug="generated", kind="agreement"),
                    body=doc.text, first_line=1)
    return load_document(source)


@pytest.mark.parametrize("scheme", SCHEMES)
@SETTINGS
@given(data=st.data())
def test_every_generated_number_is_cited_under_its_parent(scheme, data):
    doc = data.draw(agreements(scheme), label="agreement")
    tree = parsed_tree(parse(doc))
    found = {(n.cite, n.parent) for n in tree}
    by_cite = {n.cite: n.parent for n in tree}
    wrong = [(cite, parent, by_cite.get(cite, "(not cited)")) for cite, parent in doc.key
             if (cite, parent) not in found]
    assert not wrong, (
        f"{doc.style}: {len(doc.key) - len(wrong)} of {len(doc.key)} numbers cited right; first wrong: "
        + "; ".join(f"{cite} should be under {parent or 'the top'}, parsed under {got}"
                    if got != "(not cited)" else f"{cite} (under {parent or 'the top'}) not cited"
                    for cite, parent, got in wrong[:5]))


@pytest.mark.parametrize("scheme", SCHEMES)
@SETTINGS
@given(data=st.data())
def test_no_word_of_a_generated_agreement_is_lost(scheme, data):
    doc = data.draw(agreements(scheme), label="agreement")
    lost = lost_words(parse(doc))
    assert not lost, f"{doc.style}: {lost_message(lost)}"
