"""Search on a phone, through the split index (issue 13): Material's header search, served under
a GitHub Pages project path (the site_url fixture always has one), answering from the pieces the
query needs. Speed and bytes are measured by scripts/benchmark, not here."""
from __future__ import annotations

import json
import re

import pytest

from conftest import PHONE
from test_a11y import axe_source, report, violations  # noqa: F401 (a fixture)


@pytest.fixture
def page(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def open_search(page, site_url: str) -> None:
    page.goto(site_url, wait_until="load")
    page.locator("label.md-header__button[for=__search]").tap()


def results_for(page, query: str) -> list[dict]:
    """Every result link, best item first: title, href (without ?h=), tags."""
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    page.wait_for_function(
        """q => {
            const top = [...document.querySelectorAll('.md-search-result__item a')]
                .slice(0, 4).map(a => a.href).join(' ');
            if (document.querySelector('.md-search__input').value !== q || !top) return false;
            if (window.__cbTop !== top) { window.__cbTop = top; window.__cbSince = Date.now(); }
            return Date.now() - window.__cbSince >= 300;
        }""", arg=query, polling=100)
    return page.evaluate("""() => [...document.querySelectorAll('a.md-search-result__link')].map(a => ({
        title: (a.querySelector('h1, h2') || {}).textContent || '',
        href: a.href.replace(/\\?[^#]*/, ''),
        score: parseFloat(a.querySelector('article').dataset.mdScore),
        tags: [...a.querySelectorAll('.md-tag')].map(t => t.textContent)}))""")


def first_clause(links: list[dict]) -> dict:
    return max(links, key=lambda link: link["score"])


@pytest.mark.parametrize("query, url_end", [
    ("12.05", "sooke-2006/article-12/#cl-12-05"),
    ("sooke 12.05", "sooke-2006/article-12/#cl-12-05"),
    ("Art 12.05", "sooke-2006/article-12/#cl-12-05"),
    ("12.02(d)", "sooke-2006/article-12/#cl-12-02-d"),
    ("12.02 d", "sooke-2006/article-12/#cl-12-02-d"),
    ("A.6.2(a)", "new-westminster-2022/article-a-6/#cl-a-6-2-a"),
    ("Schedule A", "/schedule-a/"),
])
def test_a_citation_query_puts_its_clause_first_and_lands_on_it(page, site_url, query, url_end):
    open_search(page, site_url)
    top = first_clause(results_for(page, query))
    assert top["href"].endswith(url_end), f"{query!r}: first result {top['title']!r} ({top['href']})"
    assert top["tags"], f"{query!r}: the first result does not name its agreement"
    page.goto(top["href"])
    anchor = url_end.partition("#")[2]
    if anchor:
        page.wait_for_function("id => !!document.getElementById(id)", arg=anchor)
        assert page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                             " return r.top >= 0 && r.top < innerHeight; }", anchor)


def test_an_unpadded_citation_finds_the_padded_clause(page, site_url):
    open_search(page, site_url)
    hrefs = [link["href"] for link in results_for(page, "12.2")]
    assert any(h.endswith("sooke-2006/article-12/#cl-12-02") for h in hrefs), hrefs[:6]


def test_a_roman_citation_finds_the_arabic_cite(page, site_url, agreements):
    """XII.3 is cited 12.3; whichever agreement has 12.3 (or pads it, 12.03) comes first."""
    open_search(page, site_url)
    top = first_clause(results_for(page, "XII.3"))
    assert re.search(r"#cl-12-0?3$", top["href"]), top


def test_lou_queries_find_a_letter_of_understanding(page, site_url):
    open_search(page, site_url)
    for query in ("LOU 3", "Letter 3"):
        top = first_clause(results_for(page, query))
        assert re.search(r"/lou-3/(#cl-lou-3)?$", top["href"]), (query, top)


def test_overtime_finds_the_clauses_about_it(page, site_url):
    open_search(page, site_url)
    links = results_for(page, "overtime")
    titled = [link for link in links if "overtime" in link["title"].lower() and "#cl-" in link["href"]]
    assert len(titled) >= 3, [link["title"] for link in links]
    assert all(link["tags"] for link in links if "#cl-" in link["href"])


def test_search_works_from_the_keyboard(page, site_url):
    page.goto(site_url, wait_until="load")
    page.keyboard.press("/")  # Material's shortcut opens search with the focus in the field
    page.wait_for_function("() => document.activeElement && "
                           "document.activeElement.matches('.md-search__input')")
    page.keyboard.type("12.05")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    page.wait_for_timeout(400)
    seen = []
    for _ in range(3):  # Material moves the focus through the results: the page, then 12.05
        page.keyboard.press("ArrowDown")
        seen.append(page.evaluate("() => document.activeElement.getAttribute('href') || ''"))
        if seen[-1].endswith("#cl-12-05"):
            break
    assert seen[-1].endswith("#cl-12-05"), seen
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#cl-12-05$"))


def test_no_serious_axe_violations_while_searching_by_citation(page, site_url, axe_source):
    open_search(page, site_url)
    results_for(page, "LOU 3")
    found = violations(page, axe_source)
    assert not found, report("search for 'LOU 3'", found)


def test_pieces_json_lists_every_search_file(site_dir):
    pieces = json.loads((site_dir / "search" / "pieces.json").read_text(encoding="utf-8"))
    listed = set(pieces["shared"]) | {f for files in pieces["agreements"].values() for f in files}
    on_disk = {p.relative_to(site_dir).as_posix() for p in (site_dir / "search").rglob("*.json")}
    assert listed == on_disk - {"search/pieces.json"}
    assert "sooke-2006/" in pieces["agreements"]
    assert all(f.startswith("search/cb/docs/sooke-2006/") for f in pieces["agreements"]["sooke-2006/"])


def test_a_slow_network_shows_that_search_is_loading(page, site_url):
    """The index pieces are held back (one bar of signal): the dialog says it is loading, in a
    status region, and the results replace it when the pieces arrive."""
    held, released = [], []

    def hold(route):
        if released:
            route.continue_()
        else:
            held.append(route)

    page.context.route(re.compile(r"/search/cb/"), hold)
    open_search(page, site_url)
    field = page.locator("input.md-search__input")
    field.fill("overtime")
    field.press("End")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("() => /loading/i.test(document.querySelector('.md-search-result__meta').textContent)")
    assert meta.get_attribute("role") == "status"
    released.append(True)
    while held:
        held.pop().continue_()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert "loading" not in meta.inner_text().lower()


def test_a_page_load_fetches_no_search_code_until_search_is_opened(page, site_url):
    """Material creates its search worker on every page; Material's own worker (lunr) and the
    query reader must wait for the member to open search, or every first view carries ~15 KB
    of search code that most readers never use (issue 14: first view <= 100 KB)."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "sooke-2006/article-12/", wait_until="load")
    page.wait_for_function("() => !!document.querySelector('input.md-search__input')")
    page.wait_for_timeout(500)  # let the worker start and settle
    search_code = re.compile(r"/workers/(search\.[\w]+\.min\.js|clausebook-query\.js)")
    assert any("clausebook-search.js" in url for url in fetched), "the search worker never started"
    assert not [u for u in fetched if search_code.search(u)], "search code fetched with the page"

    page.locator("label.md-header__button[for=__search]").tap()
    results_for(page, "12.05")
    assert [u for u in fetched if search_code.search(u)], "search answered without its code?"


def test_a_plain_material_index_is_searched_by_materials_own_worker(page, site_url):
    """If search/search_index.json is a plain Material index (no `clausebook` piece), the worker
    hands every message to Material's worker, which it loads then."""
    plain = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0},
                                   "tags": {"boost": 1000000.0}}},
             "docs": [{"location": "sooke-2006/article-12/", "title": "Plain index page",
                       "text": "A zeppelin appears only in this plain index."}]}
    page.context.route(re.compile(r"/search/search_index\.json"),
                       lambda route: route.fulfill(json=plain))
    open_search(page, site_url)
    titles = [link["title"] for link in results_for(page, "zeppelin")]
    assert titles and "Plain index page" in titles[0], titles
