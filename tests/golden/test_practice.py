"""The five practice agreements of ../shared/practice (issue 11): each parses into the units a
person read off its text, and a sample of ~40 clauses spread through it exists under the parent
CITATIONS.md gives it.

Keys: tests/golden/expected/practice/<file>.units.txt, one entry a line, fields split by "|":
    unit | <kind> | <cite> | <title>     a top-level unit, in document order
    unit? | <kind> | <cite> | <title>    may be absent (the issue or CITATIONS.md is silent on it);
                                         cite "*" = any one cite that is not a number
    clause | <cite> | <parent cite>      must exist, under that parent (nearest cited ancestor)
    absent | <cite>                      a number in the text that is not a clause (a wrapped line)
The title page (Cover) and the signature block (Signatures) are not compared; kinds are
documentation only (the reader's kind names are its own); titles are compared on their first two
words, case and punctuation aside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from generator.pipeline import load_document
from generator.sources import read_source

from corpus.answer_keys import NOT_NUMBERING, KeyNode, parsed_tree

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT.parent / "shared" / "practice"
EXPECTED = Path(__file__).parent / "expected" / "practice"
FILES = sorted(p.name.removesuffix(".units.txt") for p in EXPECTED.glob("*.units.txt"))


@dataclass
class UnitKey:
    kind: str
    cite: str
    title: str
    optional: bool
    line: int


@dataclass
class PracticeKey:
    units: list[UnitKey]
    clauses: list[tuple[str, str, int]]  # cite, parent, key line
    absent: list[str]


def read_key(name: str) -> PracticeKey:
    key = PracticeKey([], [], [])
    for no, raw in enumerate((EXPECTED / f"{name}.units.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("|")]
        if fields[0] in ("unit", "unit?"):
            fields += [""] * (4 - len(fields))
            key.units.append(UnitKey(fields[1], fields[2], fields[3], fields[0] == "unit?", no))
        elif fields[0] == "clause" and len(fields) == 3:
            key.clauses.append((fields[1], fields[2], no))
        elif fields[0] == "absent" and len(fields) == 2:
            key.absent.append(fields[1])
        else:
            raise AssertionError(f"{name}.units.txt:{no}: cannot read {raw!r}")
    return key


@lru_cache(maxsize=None)
def parsed(name: str):
    path = PRACTICE / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the practice agreements live in ../shared/practice")
    # read from the practice folder itself: ../shared may be a link to elsewhere, which the content
    # boundary (rightly) refuses for content/
    source = read_source(path.resolve(), "agreement", PRACTICE.resolve())
    try:
        return load_document(source)
    except Exception as err:  # the pipeline must never raise on text; say so in one line
        error = f"{name}: the pipeline raised {type(err).__name__}: {err}"
    pytest.fail(error, pytrace=False)


def parsed_units(name: str) -> list[KeyNode]:
    return [n for n in parsed_tree(parsed(name)) if n.depth == 0 and n.cite not in NOT_NUMBERING]


def align(key: list[UnitKey], units: list[KeyNode]) -> tuple[list[tuple[UnitKey, KeyNode]], list[str]]:
    """Walk the key and the parsed units together; optional key units may be skipped. Returns the
    matched pairs and what is wrong, first problem first."""
    required = {u.cite for u in key if u.cite != "*"}

    def matches(unit: UnitKey, node: KeyNode) -> bool:
        if unit.cite == "*":
            return node.cite not in required and not node.cite[:1].isdigit()
        return unit.cite == node.cite

    pairs, wrong, i, j = [], [], 0, 0
    while i < len(key) and j < len(units):
        if matches(key[i], units[j]):
            pairs.append((key[i], units[j]))
            i, j = i + 1, j + 1
        elif key[i].optional:
            i += 1
        else:
            wrong.append(f"key line {key[i].line}: expected unit {key[i].cite!r} ({key[i].title}), "
                         f"parsed {units[j].cite!r} ({units[j].title}) at that place")
            break
    if not wrong:
        wrong += [f"key line {u.line}: unit {u.cite!r} ({u.title}) not found" for u in key[i:] if not u.optional]
        wrong += [f"unexpected unit {n.cite!r} ({n.title})" for n in units[j:]]
    return pairs, wrong


def side_by_side(key: list[UnitKey], units: list[KeyNode]) -> str:
    left = [("? " if u.optional else "  ") + u.cite for u in key]
    right = [n.cite for n in units]
    rows = [f"{(left[k] if k < len(left) else ''):28}{right[k] if k < len(right) else ''}"
            for k in range(max(len(left), len(right)))]
    return "key".ljust(28) + "parsed\n" + "\n".join(rows[:80])


@pytest.mark.parametrize("name", FILES)
def test_practice_agreement_has_the_units_read_from_its_text(name):
    key = read_key(name).units
    units = parsed_units(name)
    pairs, wrong = align(key, units)
    required = sum(not u.optional for u in key)
    if wrong:
        pytest.fail(f"{name}: {len(pairs)} of {required} units matched in order; first wrong: {wrong[0]}\n"
                    + "\n".join(wrong[1:6]) + "\n" + side_by_side(key, units), pytrace=False)


def first_words(title: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", title.lower())[:2]


@pytest.mark.parametrize("name", FILES)
def test_practice_units_have_the_titles_printed_in_the_text(name):
    pairs, _ = align(read_key(name).units, parsed_units(name))
    wrong = [f"key line {u.line}: {n.cite} title {n.title!r}, expected {u.title!r}"
             for u, n in pairs if u.title and first_words(u.title) != first_words(n.title)]
    if wrong:
        pytest.fail(f"{name}: {len(wrong)} of {len(pairs)} matched units titled otherwise:\n"
                    + "\n".join(wrong[:15]), pytrace=False)


@pytest.mark.parametrize("name", FILES)
def test_sampled_clauses_of_practice_agreement_exist_under_their_parent(name):
    key = read_key(name).clauses
    parent_of = {n.cite: n.parent for n in parsed_tree(parsed(name))}
    wrong = [f"key line {no}: {cite} (under {parent}) "
             + (f"is under {parent_of[cite] or 'the top'}" if cite in parent_of else "not cited")
             for cite, parent, no in key if parent_of.get(cite, None) != parent]
    if wrong:
        pytest.fail(f"{name}: sampled clauses cited right: {len(key) - len(wrong)} of {len(key)}\n"
                    + "\n".join(wrong[:25]), pytrace=False)


@pytest.mark.parametrize("name", FILES)
def test_wrapped_numbers_of_practice_agreement_are_not_clauses(name):
    absent = read_key(name).absent
    cited = {n.cite for n in parsed_tree(parsed(name))}
    present = [c for c in absent if c in cited or any(x.endswith("." + c) for x in cited)]
    assert not present, f"{name}: numbers from wrapped lines read as clauses: {present}"


def test_every_practice_agreement_has_a_key():
    if not PRACTICE.exists():
        pytest.skip(f"{PRACTICE} is absent")
    assert sorted(p.name for p in PRACTICE.glob("*.md") if p.name != "README.md") == FILES


@pytest.mark.parametrize("name", FILES)
def test_practice_agreement_renders_every_unit_with_its_numbering_reported(name):
    """Each practice agreement goes through the whole generator (pages, not only the tree): every
    unit has a page, the numbering line the build prints is there, and nothing is an error."""
    from generator.render.pages import render_site
    from generator.site_config import load_site_config

    document = parsed(name)
    config, _ = load_site_config(ROOT / "site_config")
    rendered = render_site([document], config, PRACTICE.resolve())
    pages = {path for path in rendered.files if path.startswith(f"{document.slug}/")}
    units = [n for n in document.root.walk() if n.page]
    assert units and all(f"{document.slug}/{n.page}.md" in pages for n in units)
    assert document.root.numbering.split(" -> ")[0].split()[0].isupper()
    assert not [p for p in document.problems if p.level == "error"], document.problems
