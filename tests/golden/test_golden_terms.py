"""Golden glossaries of the real agreements: every defined term the pass finds (with its
aliases, defining clause and line, shape, where it applies, how many uses it marks and the start
of its definition), compared with tests/golden/expected/<slug>.terms.txt, which we read against
the "Definitions" lists of ../shared/reading-notes/. `pytest --update-golden` rewrites them; read
the diff before committing it."""
from collections import Counter

import pytest

from generator.build import load
from tests.golden.test_golden import ROOT, compare

SLUGS = ["sooke-2006", "college-rockies-2022", "new-westminster-2022"]


@pytest.fixture(scope="module")
def documents():
    return {doc.slug: doc for doc in load(ROOT).documents}


def glossary_lines(doc) -> list[str]:
    uses = Counter(a.target for n in doc.root.walk() for b in n.blocks for a in b.annotations if a.kind == "term")
    lines = [f"# {len(doc.glossary)} definitions of {len({d.key for d in doc.glossary})} terms; "
             f"{sum(uses.values())} uses marked"]
    for d in sorted(doc.glossary, key=lambda d: (d.term.lower(), d.cite)):
        aliases = f" (aka {', '.join(d.aliases)})" if d.aliases else ""
        scope = ", ".join(d.scopes) or "whole document"
        text = d.text if len(d.text) <= 90 else d.text[:90] + "…"
        lines.append(f"{d.term}{aliases} | {d.cite} @{d.line} | {d.shape} | in {scope} | "
                     f"{uses[d.entry]} uses | {text}")
    return lines


@pytest.mark.parametrize("slug", SLUGS)
def test_glossary_of_real_agreement_matches_golden(documents, slug, update_golden):
    compare(f"{slug}.terms.txt", glossary_lines(documents[slug]), update_golden)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_marked_use_points_to_a_definition_of_its_own_document(documents, slug):
    doc = documents[slug]
    entries = {d.entry for d in doc.glossary}
    targets = {a.target for n in doc.root.walk() for b in n.blocks for a in b.annotations if a.kind == "term"}
    assert targets <= entries
    assert all(b.kind in ("para", "closing") for n in doc.root.walk() for b in n.blocks
               if any(a.kind == "term" for a in b.annotations))
