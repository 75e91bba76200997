"""Assertions over the built HTML (no browser): every clause has a permanent address.

Checks each site/<slug>/clauses.json against the pages and redirect pages it names, and
every relative link in the site against the files and ids it points at. Failures are
collected and reported together, each naming the agreement, the citation or the page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from sitelib import clause_id, deployed_path, is_external, load_page, page_file, page_url, resolve

MAX_SHOWN = 40
ROOT = Path(__file__).resolve().parents[2]


def report(problems: list[str], what: str) -> None:
    if problems:
        shown = "\n  ".join(problems[:MAX_SHOWN])
        more = f"\n  ... and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
        pytest.fail(f"{len(problems)} {what}:\n  {shown}{more}", pytrace=False)


def agreement_pages(site_dir, slug):
    return sorted((site_dir / slug).rglob("*.html"))


def test_no_source_errors_that_would_block_the_deploy(site_dir, agreements):
    """Pages deploys with `clausebook build --strict`, which fails on any error-level
    problem in a source (mkdocs.yml's `strict: true` already fails this build on MkDocs
    warnings). Their list is in each report.json."""
    problems = []
    for slug in agreements:
        try:
            data = json.loads((site_dir / slug / "report.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # reported by test_report_json_exists
        for p in data.get("problems", []) if isinstance(data, dict) else []:
            if p.get("level") == "error":
                problems.append(f"{p.get('file')}:{p.get('line')}: {p.get('message')}")
    report(problems, "source errors (the --strict build on Pages would fail)")


def test_clauses_json_is_well_formed(agreements):
    """Every agreement (content/agreements/<slug>.md) lists clauses; other documents
    (bulletins, bylaws) may list none."""
    problems = []
    for slug, entries in agreements.items():
        if not entries and (ROOT / "content" / "agreements" / f"{slug}.md").exists():
            problems.append(f"{slug}: clauses.json is empty")
        for i, entry in enumerate(entries):
            missing = {"cite", "title", "url", "short_url"} - set(entry)
            if missing:
                problems.append(f"{slug}: entry {i} lacks {sorted(missing)}: {entry}")
                continue
            for key in ("url", "short_url"):
                if not entry[key].startswith(f"{slug}/") or is_external(entry[key]):
                    problems.append(f"{slug} {entry['cite']}: {key} {entry[key]!r} is not "
                                    f"relative to the site root under {slug}/")
        dupes = [c for c, n in Counter(e.get("cite") for e in entries).items() if n > 1]
        problems += [f"{slug}: citation {c!r} listed more than once" for c in dupes]
    report(problems, "problems in clauses.json")


def test_report_json_exists(site_dir, agreements):
    problems = []
    for slug in agreements:
        path = site_dir / slug / "report.json"
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: {exc}")
    report(problems, "missing or invalid report.json files")


def test_every_clause_url_lands_on_its_clause(site_dir, agreements):
    """url -> an existing page with an element id=cl-..., class clause, data-cite=cite."""
    problems = []
    for slug, entries in agreements.items():
        for entry in entries:
            cite, url = entry["cite"], entry["url"]
            _, _, frag = url.partition("#")
            if frag != clause_id(cite):
                problems.append(f"{slug} {cite}: url {url!r} should end in #{clause_id(cite)}")
            file = page_file(site_dir, url)
            if not file.is_file():
                problems.append(f"{slug} {cite}: {url!r} -> no page {file.relative_to(site_dir)}")
                continue
            found = [a for _, a in load_page(file).tags if a.get("id") == frag]
            if not found:
                problems.append(f"{slug} {cite}: no id={frag!r} in {file.relative_to(site_dir)}")
                continue
            attrs = found[0]
            if "clause" not in (attrs.get("class") or "").split():
                problems.append(f"{slug} {cite}: #{frag} lacks class 'clause'")
            if attrs.get("data-cite") != cite:
                problems.append(f"{slug} {cite}: #{frag} has data-cite={attrs.get('data-cite')!r}")
    report(problems, "clause URLs that do not land on their clause")


def test_every_clause_element_is_listed(site_dir, agreements):
    """Every .clause on the pages has id = cl-<cite> and appears in clauses.json, and each
    page shows its clauses in the order clauses.json lists them."""
    problems = []
    for slug, entries in agreements.items():
        listed = {e["cite"] for e in entries}
        by_page: dict = {}
        for entry in entries:
            by_page.setdefault(page_file(site_dir, entry["url"]), []).append(entry["cite"])
        for file, expected in by_page.items():
            if not file.is_file():
                continue  # reported by test_every_clause_url_lands_on_its_clause
            where = file.relative_to(site_dir)
            on_page = []
            for attrs in load_page(file).clauses():
                cite = attrs.get("data-cite")
                if cite is None:
                    problems.append(f"{where}: .clause without data-cite (id={attrs.get('id')!r})")
                    continue
                on_page.append(cite)
                if attrs.get("id") != clause_id(cite):
                    problems.append(f"{where} {cite}: id={attrs.get('id')!r}, expected "
                                    f"{clause_id(cite)!r}")
                if cite not in listed:
                    problems.append(f"{where} {cite}: on the page but not in {slug}/clauses.json")
            shown = [c for c in on_page if c in set(expected)]
            if shown != expected and set(shown) == set(expected):
                first = next(i for i, (a, b) in enumerate(zip(shown, expected)) if a != b)
                problems.append(f"{where}: clauses.json order differs from the page's from "
                                f"{expected[first]!r} on (page has {shown[first]!r})")
    report(problems, "clause elements that disagree with clauses.json")


def test_ids_are_unique_and_start_with_a_letter(site_dir, agreements):
    """Unique ids per page; ids in the content start with a letter, so `#id` works in CSS
    and querySelector (Material's and pymdownx's own ids start with '__' and are allowed)."""
    problems = []
    for slug in agreements:
        for file in agreement_pages(site_dir, slug):
            page = load_page(file)
            where = file.relative_to(site_dir)
            for ident, n in Counter(page.ids).items():
                if n > 1:
                    problems.append(f"{where}: id {ident!r} used {n} times")
            for ident in page.content_ids:
                if not re.match(r"[A-Za-z]|__", ident):
                    problems.append(f"{where}: id {ident!r} does not start with a letter")
    report(problems, "bad ids")


META_REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\">\s]+)", re.I)


def test_short_urls_redirect_to_their_clause(site_dir, agreements):
    """short_url has a page whose redirect (meta refresh, and any links or canonical)
    resolves, relatively, to the entry's url."""
    problems = []
    for slug, entries in agreements.items():
        for entry in entries:
            cite, short, url = entry["cite"], entry["short_url"], entry["url"]
            file = page_file(site_dir, short)
            if not file.is_file():
                problems.append(f"{slug} {cite}: no redirect page for {short!r}")
                continue
            page = load_page(file)
            if file == page_file(site_dir, url):
                # A unit's short URL may be its own page; then the unit must open it.
                first = next(iter(page.clauses()), {})
                if first.get("data-cite") != cite:
                    problems.append(f"{slug} {cite}: short URL {short!r} is the page itself, "
                                    f"but its first clause is {first.get('data-cite')!r}")
                continue
            refresh = [a.get("content") or "" for t, a in page.tags
                       if t == "meta" and (a.get("http-equiv") or "").lower() == "refresh"]
            targets = [("meta refresh", m.group(1))
                       for c in refresh for m in [META_REFRESH.search(c)] if m]
            if not targets:
                problems.append(f"{slug} {cite}: {short!r} has no <meta http-equiv=refresh url=>")
            targets += [("canonical" if t == "link" else "link", a["href"]) for t, a in page.tags
                        if a.get("href") and (t == "a" or (t == "link" and a.get("rel") == "canonical"))]
            for kind, href in targets:
                if is_external(href):
                    if kind == "canonical" and not href.endswith("/" + url):
                        problems.append(f"{slug} {cite}: canonical {href!r} is not .../{url}")
                    continue
                got = resolve(page_url(site_dir, file), href)
                if got != url:
                    problems.append(f"{slug} {cite}: {short!r} {kind} {href!r} goes to "
                                    f"{got!r}, expected {url!r}")
    report(problems, "short URLs that do not redirect to their clause")


LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("source", "src")}


def test_internal_links_resolve(site_dir):
    """Every relative link in the site reaches a file, and an id when it has a fragment;
    no link leaves the site root or starts with '/' (both break under a project path)."""
    problems = []
    base = deployed_path(site_dir)
    for file in sorted(site_dir.rglob("*.html")):
        page = load_page(file)
        here = page_url(site_dir, file)
        if file == site_dir / "404.html":
            # Pages serves 404.html at any depth, so its links must be absolute: MkDocs
            # makes them so from site_url. Check them against site_url's path instead.
            problems += check_404_links(page, base)
            continue
        for tag, attrs in page.tags:
            for t, attr in LINK_ATTRS:
                href = attrs.get(attr) if tag == t else None
                if not href or is_external(href) or href.startswith(("data:", "javascript:")):
                    continue
                where = f"{file.relative_to(site_dir)}: <{tag} {attr}={href!r}>"
                if href.startswith("/"):
                    problems.append(f"{where} is absolute (breaks under a project path)")
                    continue
                target = resolve(here, href)
                if target is None:
                    problems.append(f"{where} leaves the site root")
                    continue
                path, _, frag = target.partition("#")
                frag = unquote(frag)
                dest = page_file(site_dir, path)
                if not dest.is_file():
                    problems.append(f"{where} -> missing {path or 'index.html'}")
                elif frag and dest.suffix == ".html" and frag not in load_page(dest).ids:
                    problems.append(f"{where} -> no id {frag!r} in {dest.relative_to(site_dir)}")
    report(problems, "broken internal links")


def check_404_links(page, base: str | None) -> list[str]:
    if base is None:
        return ["404.html: site_url is not set in mkdocs.yml, so the 404 page links to "
                "/assets/... and loses its styles under a project path"]
    problems = []
    for tag, attrs in page.tags:
        for t, attr in LINK_ATTRS:
            href = attrs.get(attr) if tag == t else None
            if href and not is_external(href) and not href.startswith(base):
                problems.append(f"404.html: <{tag} {attr}={href!r}> does not start with "
                                f"site_url's path {base!r}")
    return problems


def test_bylaws_sections_and_their_items_have_anchors_and_short_urls(site_dir):
    """Local 476's bylaws: sections restored from their TOC, items lettered as the bylaws cite them."""
    page = (site_dir / "local-476-bylaws" / "section-7" / "index.html").read_text(encoding="utf-8")
    for anchor in ("cl-section-7", "cl-section-7-a", "cl-section-7-g", "cl-section-7-h"):
        assert f'id="{anchor}"' in page
    rules = (site_dir / "local-476-bylaws" / "appendix-a" / "index.html").read_text(encoding="utf-8")
    assert 'id="cl-appendix-a-17"' in rules and 'id="cl-appendix-a-25"' in rules
    # "Section 7(G)" in Section 12 links to the item it names
    election = (site_dir / "local-476-bylaws" / "section-12" / "index.html").read_text(encoding="utf-8")
    assert 'href="../section-7/#cl-section-7-g"' in election
    short = (site_dir / "local-476-bylaws" / "section-4.c" / "index.html").read_text(encoding="utf-8")
    assert "../section-4/#cl-section-4-c" in short


def test_the_bulletin_is_a_dated_post_whose_clause_links_land(site_dir):
    posts = sorted((site_dir / "bulletins").glob("*/*/*/*/index.html"))
    names = [p.parent.name for p in posts]
    assert "2021-05-11-it-tech-support" in names and "2021/05/11" in posts[names.index("2021-05-11-it-tech-support")].as_posix()
    example = posts[names.index("2026-12-01-linking-clauses")]
    html = example.read_text(encoding="utf-8")
    assert 'href="../../../../../sooke-2006/article-12/#cl-12-05"' in html
    target = (site_dir / "sooke-2006" / "article-12" / "index.html").read_text(encoding="utf-8")
    assert 'id="cl-12-05"' in target and "Discussed in" in target
