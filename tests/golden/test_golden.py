"""Golden tests over the real documents: the parsed tree (every citation, its line and title) and
the removed artifacts, compared with files a person has read. `pytest --update-golden` rewrites
them; read the diff before committing it."""
import difflib
from pathlib import Path

import pytest

from generator.build import load

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "expected"


@pytest.fixture(scope="module")
def documents():
    return {doc.slug: doc for doc in load(ROOT).documents}


def tree_lines(doc) -> list[str]:
    out = []
    for node in doc.root.walk():
        if node.cite or node.kind == "group":
            depth = node.cite.count(".") if node.kind == "clause" else 0
            out.append(f"{'  ' * depth}{node.cite or '[' + node.title + ']'}  @{node.line}  {node.title}".rstrip())
    out += [f"removed {a.kind} {a.first_line}-{a.last_line}" for a in doc.removed]
    return out


def compare(name: str, lines: list[str], update: bool) -> None:
    path = GOLDEN / name
    text = "\n".join(lines) + "\n"
    if update or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"{path} did not exist: written; read it, then run again")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != text:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            f"expected/{name}", "parsed now", n=2))
        pytest.fail(f"the tree of {name} changed (run with --update-golden if intended):\n{diff[:6000]}")


@pytest.mark.parametrize("slug", ["sooke-2006", "college-rockies-2022", "new-westminster-2022", "local-476-bylaws"])
def test_tree_of_real_agreement_matches_golden(documents, slug, update_golden):
    compare(f"{slug}.tree.txt", tree_lines(documents[slug]), update_golden)


def reference_lines(doc) -> list[str]:
    out = []
    for node in doc.root.walk():
        for block in node.blocks:
            for ann in block.annotations:
                if ann.kind == "xref":
                    out.append(f"{block.line} [{node.cite}] {block.text[ann.start:ann.end]!r} -> {ann.target}")
    out += [f"{p.line} unresolved: {p.message}" for p in doc.problems if "referenced at line" in p.message]
    return out


@pytest.mark.parametrize("slug", ["sooke-2006", "college-rockies-2022", "new-westminster-2022"])
def test_cross_references_of_real_agreement_match_golden(documents, slug, update_golden):
    compare(f"{slug}.refs.txt", reference_lines(documents[slug]), update_golden)


# Where a document's own TOC and body disagree (checked by hand against the reading notes):
# Sooke's TOC lists 7.05 Shop Steward's Duties, 7.06 Access to Worksite and 7.07 Internal Mail,
# which the body prints as 12.02, 34.05 and 34.06.
TOC_NOT_IN_BODY = {"sooke-2006": ["7.05", "7.06", "7.07"], "college-rockies-2022": [], "new-westminster-2022": []}


@pytest.mark.parametrize("slug", ["sooke-2006", "college-rockies-2022", "new-westminster-2022"])
def test_every_clause_in_the_documents_own_toc_is_in_the_tree(documents, slug):
    doc = documents[slug]
    cited = {n.cite for n in doc.root.walk()}
    toc = [e for e in doc.toc if e.kind in ("clause", "article")]
    assert toc, "the TOC was read"
    assert [e.num for e in toc if e.num not in cited] == TOC_NOT_IN_BODY[slug]
