"""A property test over the whole build: random small sites of every content kind.

Documents come from a grammar of the numbering styles real agreements use (ARTICLE n with n.01
clauses, ARTICLE XII in roman, PART A with continuous 1. 2., Section n. restarting its list,
an A. 1. a. outline, items (a) (1) (i)), reference shapes ("Article 12.05", "Subclauses 14.2 and
14.3", "Section 3(b) of Article XII"...), and hostile strings in every front-matter field and in
the body. For every site:

* no exception escapes generation (build.generate: read, clean, parse, annotate, link, render);
* every document is published or named in a problem;
* no live markup from content reaches any page (the generated Markdown, rendered by the same
  Python-Markdown extensions as the site, parsed with BeautifulSoup), nor any title or tag;
* no word of a published document's body is lost (except what the cleaner removed and listed).

A few examples also go through the full MkDocs build (`clausebook build`), whose HTML is checked
the same way. The suite runs a bounded number of examples; `scripts/fuzz N` runs thousands and
prints the figures. CLAUSEBOOK_FUZZ_EXAMPLES sets the number of examples of the fast property.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
from collections import Counter
from datetime import date
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.build import generate
from generator.clean.inline import clean_inline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("CLAUSEBOOK_FUZZ_EXAMPLES", "25"))
STATS = Counter()  # what the runs covered, for scripts/fuzz
BUGS = Counter()  # the distinct "please report" lines of contained crashes, for scripts/fuzz

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
           "{{ 7*7 }}", "]]></script>", "<iframe src=javascript:alert(1)>", "x' onmouseover='alert(1)",
           "[a](javascript:alert(1))", '{: onclick="alert(1)" }', "<b onclick=alert(1)>b</b>",
           "&lt;script&gt;alert(1)&lt;/script&gt;", "A & B", "café 12.05 Ünion", "\\*not* `code`"]
WORD = st.sampled_from(["wages", "overtime", "employee", "Board", "grievance", "leave", "seniority",
                        "shall", "notice", "days", "union", "steward", "posting", "vacancy", "benefits"])
REFERENCES = ["Article 12.05", "Subclauses 14.2 and 14.3", "Section 3(b) of Article XII", "clause (b) above",
              "Article 1.01", "Articles 2 through 4", "LOU #3", "Schedule A", "Clause 2.1(a)(ii)",
              "Step 3", "the Labour Relations Code", "Article 1.01 of the A0 agreement"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(WORD, min_size=2, max_size=7))
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(REFERENCES)))
    if draw(st.integers(0, 3)) == 0:
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(HOSTILE)))
    return " ".join(words).capitalize() + "."


@st.composite
def title(draw) -> str:
    text = " ".join(draw(st.lists(WORD, min_size=1, max_size=3)))
    return text + (" " + draw(st.sampled_from(HOSTILE)) if draw(st.integers(0, 3)) == 0 else "")


@st.composite
def items(draw, depth: int = 0) -> list[str]:
    """(a) (b) ... with (1) (2) and (i) (ii) below."""
    markers = [["(a)", "(b)", "(c)"], ["(1)", "(2)", "(3)"], ["(i)", "(ii)", "(iii)"]][depth]
    out = []
    for marker in markers[: draw(st.integers(1, 3))]:
        out += [f"{marker} {draw(sentence())}", ""]
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            out += draw(items(depth + 1))
    return out


@st.composite
def body(draw, kind: str) -> str:
    if kind in ("bulletin", "page"):
        return "\n\n".join(draw(st.lists(sentence(), min_size=1, max_size=4))) + "\n"
    style = draw(st.sampled_from(["article", "roman", "part", "section", "outline"]))
    STATS[f"style {style}"] += 1
    lines: list[str] = []
    counter = 0
    for n in range(1, draw(st.integers(1, 3)) + 1):
        heading = {"article": f"ARTICLE {n}: {draw(title()).upper()}",
                   "roman": f"ARTICLE {ROMAN[n - 1]} – {draw(title()).upper()}",
                   "part": f"PART {'ABC'[n - 1]} – {draw(title()).upper()}",
                   "section": f"Section {n}. {draw(title()).title()}",
                   "outline": f"{'ABC'[n - 1]}. {draw(title()).upper()}"}[style]
        lines += [heading, ""]
        for m in range(1, draw(st.integers(1, 3)) + 1):
            if style in ("article", "roman"):
                lines += [f"{n}.{m:02d} {draw(title()).title()}" if style == "article" else f"{n}.{m} {draw(title()).title()}", ""]
                lines += [draw(sentence()), ""]
                if draw(st.booleans()):
                    lines += draw(items())
            else:
                counter += 1
                number = {"part": counter, "section": m, "outline": m}[style]
                lines += [f"{number}. {draw(sentence())}", ""]
                if style == "outline" and draw(st.booleans()):
                    lines += [f"{'abc'[k]}. {draw(sentence())}" for k in range(draw(st.integers(1, 2)))] + [""]
    return "\n".join(lines)


def front_value(draw, plain: str):
    return draw(st.sampled_from([plain, f"{plain} {draw(st.sampled_from(HOSTILE))}"]))


@st.composite
def document(draw, kind: str, index: int) -> tuple[str, str]:
    """(path under content/, file text)."""
    text = draw(body(kind))
    meta = {"title": front_value(draw, f"Title {kind} {index}")}
    if kind in ("agreement", "bylaws"):
        for key in ("short_title", "employer", "union", "local"):
            if draw(st.booleans()):
                meta[key] = front_value(draw, f"{key} {index}")
        if draw(st.integers(0, 2)) == 0:
            name = front_value(draw, "Pensions")
            meta["hints"] = {"parts": {name: "PENSION NOTES"}}
            text += "\nPENSION NOTES\n\nPension text for members.\n"
    if kind == "bulletin":
        meta["date"] = draw(st.sampled_from([date(2021, 5, 11), date(2024, 2, 29), "2021-05-11\n<script>alert(1)</script>",
                                             "next tuesday", "2024-13-45"]))
        meta["tags"] = [front_value(draw, "news")]
        if draw(st.booleans()):
            meta["agreement"] = "a0"
    folder = {"agreement": "agreements", "bylaws": "bylaws", "bulletin": "bulletins", "page": "pages"}[kind]
    name = {"agreement": f"a{index}", "bylaws": f"bylaws-{index}", "bulletin": f"2021-05-11-b{index}",
            "page": f"p{index}"}[kind]
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"content/{folder}/{name}.md", f"---\n{header}---\n{text}"


@st.composite
def site(draw) -> dict[str, str]:
    kinds = draw(st.lists(st.sampled_from(["agreement", "bylaws", "bulletin", "page"]), min_size=1, max_size=4))
    files = dict(draw(document("agreement", 0)) for _ in [0])  # a0: what bulletins cite
    for index, kind in enumerate(kinds, 1):
        path, text = draw(document(kind, index))
        files[path] = text
    return files


# ---------------------------------------------------------------------------- checks

WORDS = re.compile(r"[^\W_]+")


def live_markup(html: str) -> list[str]:
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in ("script", "iframe", "object", "embed") or tag.name == "img":
            found.append(str(tag))
        found += [f"{tag.name} {a}" for a in tag.attrs if a.lower().startswith("on")]
        found += [f"{tag.name} {v}" for v in (tag.get("href"), tag.get("src")) if v and
                  str(v).strip().lower().startswith("javascript:")]
    return found


def split_front(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    _, head, rest = text.split("---\n", 2)
    return yaml.safe_load(head) or {}, rest


def page_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORDS.findall(text))


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def check_generated(root: Path, files: dict[str, str]) -> None:
    build = generate(root, root / "build" / "docs")  # must not raise, whatever the content
    problems = build.all_problems()
    published = {str(d.source.path): d for d in build.documents}
    STATS["sites"] += 1
    STATS["documents"] += len(files)
    STATS["published"] += len(published)
    STATS["problems"] += len(problems)
    STATS["crashes contained"] += sum("please report:" in p.message for p in problems)
    BUGS.update(p.message.split("please report: ", 1)[1] for p in problems if "please report: " in p.message)
    for rel in files:  # every document is published or named
        assert rel in published or any(p.path == rel and p.level == "error" for p in problems), rel
    html_by_file = {}
    for path, text in build.rendered.files.items():  # no live markup from content
        meta, body_md = split_front(text)
        for value in [meta.get("title", "")] + list(meta.get("tags") or []):
            assert "<" not in str(value) and live_markup(str(value)) == [], (path, value)
        html = page_html(body_md)
        assert live_markup(html) == [], (path, live_markup(html))
        html_by_file[path] = BeautifulSoup(html, "html.parser").get_text(" ")
    for rel, doc in published.items():  # no words lost
        expected = sum((words(clean_inline(line).text) for line in doc.source.lines), Counter())
        expected -= sum((words(a.text) for a in doc.removed), Counter())
        mine = [p for p in html_by_file if p.startswith(f"{doc.slug}/") or p == f"{doc.slug}.md"
                or p == f"bulletins/posts/{doc.slug}.md"]
        shown = sum((words(html_by_file[p]) for p in mine), Counter())
        missing = expected - shown
        assert not missing, (rel, missing.most_common(10))


# No shrinking: a whole site shrinks slowly, and the failing example is printed as it is.
FAST = dict(deadline=None, suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.reuse, Phase.generate])


@settings(max_examples=EXAMPLES, **FAST)
@given(files=site())
def test_any_site_generates_every_document_or_names_it_with_no_live_markup_and_no_words_lost(files, tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    write(root, files)
    check_generated(root, files)


@settings(max_examples=max(1, int(os.environ.get("CLAUSEBOOK_FUZZ_FULL_EXAMPLES", "2"))), **FAST)
@given(files=site())
def test_a_full_mkdocs_build_of_any_site_ends_without_a_traceback_and_no_live_markup(files, tmp_path_factory):
    from generator import cli

    root = tmp_path_factory.mktemp("fuzz-full")
    write(root, files)
    for name in ("mkdocs.yml", "theme", "generator", "site_config"):
        (root / name).symlink_to(ROOT / name)
    out, cwd = io.StringIO(), os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli.main(["build", "--site-dir", str(root / "site")])
    finally:
        os.chdir(cwd)
    STATS["full builds"] += 1
    assert "Traceback" not in out.getvalue() and "please report" not in out.getvalue().split("internal error")[0][-1:]
    assert code == 0, out.getvalue()
    for page in (root / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):
            assert "alert" not in (script.string or "") + str(script.get("src", "")), page
        assert [x for x in live_markup(html) if not x.startswith("<script")] == [], page
