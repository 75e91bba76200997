"""Reading and citing on a phone (issue 5), in headless Chromium at 390x844 with touch.

- No page of any agreement scrolls sideways (every unit page and every agreement home).
- The share control of a clause is a named, 44px button that copies
  "Article 12.05 – Settling of Grievance – https://…/sooke-2006/12.05/" (clipboard path, with
  navigator.share removed) or hands the same to the Web Share sheet, and says so (role=status).
- A short URL lands with its clause below the header *and* the sticky agreement line,
  highlighted; the agreement line stays on screen while reading and says "Expired".
- Back returns where the reader was (full page loads, in-page links, instant navigation).
- Search: a citation puts its clause first; topic words find clauses; every result names its
  agreement and links to a clause anchor; the index is downloaded only when searching.
- Print: no header, menus or buttons; agreement, term, citation and short URL on the page.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import PHONE
from sitelib import clause_id, page_file
from test_browser import OVERFLOW_JS, PHONE_WIDTH

LOCAL_ONLY = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")
TAP_PX = 44

# Where a clause is, relative to every sticky bar above it (header, tabs, agreement line).
POSITION_JS = """
(id) => {
  const el = document.getElementById(id);
  if (!el) return null;
  let bars = 0;
  for (const bar of document.querySelectorAll('.md-header, .md-tabs, .md-content .cb-doc')) {
    const s = getComputedStyle(bar);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if (s.position !== 'sticky' && s.position !== 'fixed') continue;
    bars = Math.max(bars, bar.getBoundingClientRect().bottom);
  }
  const bg = getComputedStyle(el).backgroundColor;
  return {top: el.getBoundingClientRect().top, bars, height: innerHeight,
          landed: el.classList.contains('clause--landed'),
          highlighted: bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)',
          atBottom: scrollY + innerHeight >= document.documentElement.scrollHeight - 2};
}
"""

SETTLE_JS = """
async () => {
  let last = NaN, stable = 0;
  for (let i = 0; i < 120 && stable < 4; i++) {
    await new Promise(r => requestAnimationFrame(r));
    stable = scrollY === last ? stable + 1 : 0;
    last = scrollY;
  }
  return scrollY;
}
"""


@pytest.fixture
def context(browser, site_url):
    """A phone context (clipboard allowed) with no requests leaving 127.0.0.1."""
    ctx = browser.new_context(**PHONE)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin_of(site_url))
    ctx.route(LOCAL_ONLY, lambda route: route.abort())
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def origin_of(site_url: str) -> str:
    match = re.match(r"^(https?://[^/]+)", site_url)
    return match.group(1)


def unit_pages(agreements) -> list[str]:
    """Every page of every agreement (unit pages and the agreement's home), in order."""
    pages = []
    for slug, entries in agreements.items():
        for url in [f"{slug}/"] + [e["url"].partition("#")[0] for e in entries]:
            if url not in pages:
                pages.append(url)
    return pages


def entry(agreements, slug: str, cite: str) -> dict:
    found = [e for e in agreements.get(slug, []) if e["cite"] == cite]
    if not found:
        pytest.skip(f"{slug} has no {cite} in its clauses.json (content changed?)")
    return found[0]


def label(cite: str) -> str:
    return f"Article {cite}" if re.match(r"^(?:[A-Z]\.)?\d", cite) else cite


def settle(page) -> float:
    return page.evaluate(SETTLE_JS)


# ------------------------------------------------------------------------------ layout


# Shows another page of the site in the current one the way Material's instant navigation
# does (fetch it, swap in its container, emit `document$` so Material's and our scripts run on
# it): the same CSS, scripts and content as loading it, at a third of the cost, so every page of
# every agreement can be checked. Returns what a check needs to be sure the swap happened.
SWAP_JS = """
async (url) => {
  const response = await fetch(url);
  if (!response.ok) return {error: response.status};
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const sel of ['[data-md-component=container]', '[data-md-component=header-topic]']) {
    const here = document.querySelector(sel), there = next.querySelector(sel);
    if (here && there) here.replaceWith(there);
  }
  document.title = next.title;
  window.document$.next(document);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const h1 = document.querySelector('.md-content h1');
  return {h1: h1 ? h1.getAttribute('id') || h1.textContent : null,
          clauses: document.querySelectorAll('.md-content .clause[data-short]').length,
          shares: document.querySelectorAll('.md-content .cb-share').length};
}
"""


def test_no_page_of_any_agreement_scrolls_sideways(page, site_url, agreements, site_dir):
    """Every unit page and agreement home at 390px: nothing wider than the screen, and nothing
    cut off at the right edge without a scroll box of its own (wide tables scroll inside).
    Each agreement's home is loaded; its other pages are swapped in (SWAP_JS)."""
    # Search (its worker, index and the sitemap) is not needed to measure a page.
    page.add_init_script("window.Worker = undefined; XMLHttpRequest.prototype.send = function () {};")
    problems, checked = [], 0

    def check(url: str) -> None:
        m = page.evaluate(OVERFLOW_JS, PHONE_WIDTH)
        width = max(m["scrollWidth"], m["bodyScrollWidth"])
        if width > PHONE_WIDTH:
            problems.append(f"{url}: page is {width}px wide (> {PHONE_WIDTH}px)")
        problems.extend(f"{url}: {o} (cut off or pushes the page sideways)" for o in m["offenders"])

    for slug in agreements:
        pages = unit_pages({slug: agreements[slug]})
        page.goto(site_url + pages[0], wait_until="load")
        check(pages[0])
        checked += 1
        for url in pages[1:]:
            expected = h1_of(page_file(site_dir, url))
            got = page.evaluate(SWAP_JS, site_url + url)
            if got.get("error") or got["h1"] != expected:
                problems.append(f"{url}: could not be shown ({got}, expected h1 {expected!r})")
                continue
            if got["shares"] < got["clauses"]:
                problems.append(f"{url}: {got['clauses'] - got['shares']} clause(s) without a share button")
            check(url)
            checked += 1
    assert checked > 100, f"expected every article page, checked only {checked}"
    assert not problems, f"{len(problems)} problem(s) on {checked} pages:\n  " + "\n  ".join(problems[:40])


def h1_of(file) -> str | None:
    """The id (or text) of the page's first <h1>, read from the built file."""
    match = re.search(r"<h1([^>]*)>(.*?)</h1>", file.read_text(encoding="utf-8"), re.S)
    if not match:
        return None
    ident = re.search(r'\bid="([^"]+)"', match.group(1))
    return ident.group(1) if ident else re.sub(r"<[^>]+>", "", match.group(2))


def test_text_is_readable_and_the_agreement_stays_on_screen(page, site_url, agreements):
    """Body text is at least 16px; after scrolling deep into an article, the sticky agreement
    line (short title, 'Expired agreement' when expired, term) is still on screen under the
    header, and wide tables scroll inside their own box."""
    slug = next(s for s in agreements if s.startswith("sooke"))
    page.goto(site_url + entry(agreements, slug, "12.05")["url"].partition("#")[0])
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p:not(.cb-doc)')).fontSize)")
    assert size >= 16, f"body text is {size}px on a phone (want at least 16px)"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    settle(page)
    bar = page.evaluate("""() => { const d = document.querySelector('.md-content .cb-doc');
        const r = d.getBoundingClientRect(), h = document.querySelector('.md-header').getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, header: h.bottom, text: d.textContent,
                status: d.dataset.status, title: d.dataset.docTitle, term: d.dataset.term}; }""")
    assert abs(bar["top"] - bar["header"]) <= 1, f"agreement line not stuck under the header: {bar}"
    assert bar["title"] in bar["text"], bar
    assert bar["term"], "the agreement line has no term"
    if bar["status"] == "expired":
        assert "Expired" in bar["text"], f"an expired agreement must say so: {bar['text']!r}"


# ------------------------------------------------------------------------------ share


def share_button(page, name: str):
    button = page.get_by_role("button", name=name, exact=True)
    assert button.count() == 1, f"expected one button named {name!r}, found {button.count()}"
    return button


def test_every_clause_has_a_named_touch_sized_share_button(page, site_url, agreements):
    for slug, entries in agreements.items():
        url = max({e["url"].partition("#")[0] for e in entries},
                  key=lambda u: sum(e["url"].startswith(u + "#") for e in entries))
        page.goto(site_url + url)
        result = page.evaluate(f"""() => [...document.querySelectorAll('.md-content .clause[data-short]')].map(el => {{
            const b = el.querySelector(':scope > button.cb-share');
            if (!b) return el.id + ': no share button';
            const r = b.getBoundingClientRect();
            if (!/^Share \\S/.test(b.getAttribute('aria-label') || '')) return el.id + ': unnamed button';
            if (r.width < {TAP_PX} || r.height < {TAP_PX}) return el.id + ': button ' + r.width + 'x' + r.height;
            return ''; }}).filter(Boolean)""")
        assert not result, f"{url}:\n  " + "\n  ".join(result[:20])


@pytest.mark.parametrize("cite", ["12.05", "12.02.d.2", "12", "LOU 3"])
def test_share_copies_citation_title_and_short_url(context, page, site_url, agreements, cite):
    """Clipboard path (no Web Share): the text, the confirmation, and the short URL resolves."""
    context.add_init_script("delete Navigator.prototype.share; delete Navigator.prototype.canShare;")
    slug = next(s for s in agreements if s.startswith("sooke"))
    clause = entry(agreements, slug, cite)
    page.goto(site_url + clause["url"])
    name = {"12": "Article 12", "LOU 3": "Letter of Understanding 3"}.get(cite, label(cite))
    title = {"12.02.d.2": "Shop Steward's Duties"}.get(cite, clause["title"])
    # as a grievance form cites it, then the link
    expected = f"{name} ({title}), Sooke 2006–2010 Collective Agreement — {site_url}{clause['short_url']}"
    assert page.evaluate("typeof navigator.share") == "undefined"
    share_button(page, f"Share {name}").tap()
    expect(page.get_by_role("status")).to_contain_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected
    # ... and the link in it opens the clause (lands on it, or is the unit's own page).
    page.goto(copied.rsplit(" — ", 1)[1])
    if clause["short_url"] == clause["url"].partition("#")[0]:
        assert page.locator("h1.clause").get_attribute("data-cite") == cite
    else:
        page.wait_for_function("id => document.getElementById(id)?.classList.contains('clause--landed')",
                               arg=clause["url"].partition("#")[2] or clause_id(cite))


def test_share_uses_the_web_share_sheet_where_there_is_one(context, page, site_url, agreements):
    context.add_init_script("""
        Navigator.prototype.share = function (data) { window.__shared = data; return Promise.resolve(); };
        Navigator.prototype.canShare = function () { return true; };""")
    slug = next(s for s in agreements if s.startswith("sooke"))
    clause = entry(agreements, slug, "12.05")
    page.goto(site_url + clause["url"])
    share_button(page, "Share Article 12.05").tap()
    page.wait_for_function("() => !!window.__shared")
    shared = page.evaluate("window.__shared")
    assert shared["url"] == site_url + clause["short_url"]
    assert shared["text"] == f"Article 12.05 ({clause['title']}), Sooke 2006–2010 Collective Agreement"
    expect(page.get_by_role("status")).to_contain_text("Shared")


# ------------------------------------------------------------------------------ landing


def assert_landed(page, ident: str, where: str):
    page.wait_for_function("id => document.getElementById(id)?.classList.contains('clause--landed')",
                           arg=ident)
    settle(page)
    m = page.evaluate(POSITION_JS, ident)
    assert m is not None, f"{where}: no #{ident}"
    assert m["highlighted"], f"{where}: #{ident} landed but is not highlighted"
    assert m["top"] >= m["bars"] - 0.5, (
        f"{where}: #{ident} is under the sticky bars (top {m['top']:.0f}px < {m['bars']:.0f}px)")
    assert m["top"] < m["height"], f"{where}: #{ident} is below the screen ({m['top']:.0f}px)"
    assert m["top"] <= m["bars"] + 140 or m["atBottom"], (
        f"{where}: #{ident} was not scrolled to (top {m['top']:.0f}px, bars {m['bars']:.0f}px)")


def test_short_url_lands_below_the_sticky_bars_highlighted(page, site_url, agreements):
    for slug, entries in agreements.items():
        redirects = [e for e in entries if e["short_url"] != e["url"].partition("#")[0]]
        for e in (redirects[len(redirects) // 3], redirects[-1]) if redirects else ():
            page.goto(site_url + e["short_url"])
            page.wait_for_url(site_url + e["url"])
            assert_landed(page, e["url"].partition("#")[2], e["short_url"])


def test_clause_list_is_reachable_and_lands(page, site_url, agreements):
    slug = next(s for s in agreements if s.startswith("sooke"))
    page.goto(site_url + entry(agreements, slug, "12")["url"])
    summary = page.locator(".cb-clauses > summary")
    assert summary.inner_text().startswith("Clauses in Article 12")
    summary.tap()
    link = page.locator(".cb-clauses a", has_text="12.05 Settling of Grievance")
    link.tap()
    assert page.url.endswith("#cl-12-05")
    assert_landed(page, "cl-12-05", "clause list → 12.05")


# A link to another page well down the page (so going back has a position to return to): a
# selector for it, "#<clause id> a.cb-xref >> nth=<n>".
DEEP_LINK_JS = """
() => {
  for (const a of document.querySelectorAll('.md-content .clause[id] a.cb-xref')) {
    const url = new URL(a.href);
    if (url.pathname === location.pathname || a.getBoundingClientRect().top + scrollY < 1500) continue;
    const clause = a.closest('.clause[id]');
    const n = [...clause.querySelectorAll('a.cb-xref')].indexOf(a);
    return '#' + clause.id + ' a.cb-xref >> nth=' + n;
  }
  return null;
}
"""


def top_of(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top")


def read_to(page, selector: str) -> float:
    """Scroll so `selector` is mid-screen, as a reader who has read on to it; its top."""
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'center'})")
    settle(page)
    return top_of(page, selector)


def test_back_returns_where_the_reader_was(page, site_url, agreements):
    """Land on a clause, read on, follow a link on the same page, then one to another page;
    Back returns to the same place each time (the tapped link where it was on the screen), not
    to the clause the URL names."""
    slug = next(s for s in agreements if s.startswith("sooke"))
    page.goto(site_url + entry(agreements, slug, "12.02")["url"])
    assert_landed(page, "cl-12-02", "12.02")
    same_page = '#cl-12-02-d-2 a[href="#cl-12-05"]'
    before = read_to(page, same_page)
    page.locator(same_page).tap()
    assert_landed(page, "cl-12-05", "same-page link")
    page.go_back()
    settle(page)
    assert abs(top_of(page, same_page) - before) <= 24, (
        f"Back after a same-page link: the link is at {top_of(page, same_page):.0f}px, was {before:.0f}px")
    other_page = page.evaluate(DEEP_LINK_JS)
    assert other_page, "no link to another page deep in Sooke's Article 12"
    before = read_to(page, other_page)
    page.locator(other_page).tap()
    page.wait_for_url(lambda url: "article-12/" not in url)
    page.go_back()
    page.wait_for_url(re.compile(r"article-12/#cl-12-02$"))
    page.wait_for_load_state("load")
    settle(page)
    assert abs(top_of(page, other_page) - before) <= 24, (
        f"Back from another page: the link is at {top_of(page, other_page):.0f}px, was {before:.0f}px")


def test_instant_navigation_lands_and_back_restores(context, page, site_url, agreements):
    """With Material's navigation.instant switched on (here at run time, as the site's
    mkdocs.yml leaves it off): a tapped link to a clause on another page is loaded without a
    page load and lands; Back returns to the reading position."""
    origin = origin_of(site_url)

    def html(route):
        response = route.fetch()
        body = response.text()
        if "text/html" in response.headers.get("content-type", ""):
            body = body.replace('"features": [', '"features": ["navigation.instant", ', 1)
            body = body.replace('"features":[', '"features":["navigation.instant",', 1)
        route.fulfill(response=response, body=body)

    def sitemap(route):
        response = route.fetch()
        body = re.sub(r"<loc>https?://[^<]*?(/[^<]*)</loc>",
                      lambda m: f"<loc>{origin}{m.group(1)}</loc>", response.text())
        route.fulfill(response=response, body=body)

    context.route(re.compile(r"^" + re.escape(origin) + r"/.*/(\?.*)?$"), html)
    context.route(re.compile(r"sitemap\.xml$"), sitemap)
    slug = next(s for s in agreements if s.startswith("sooke"))
    page.goto(site_url + entry(agreements, slug, "12.02")["url"])
    assert "navigation.instant" in page.evaluate("document.getElementById('__config').textContent")
    page.wait_for_load_state("networkidle")  # the sitemap, which instant navigation needs
    other_page = page.evaluate(DEEP_LINK_JS)
    target = page.locator(other_page).evaluate("a => new URL(a.href).hash.slice(1)")
    before = read_to(page, other_page)
    page.evaluate("window.__samePage = true")
    page.locator(other_page).tap()
    page.wait_for_url(re.compile("#" + re.escape(target) + "$"))
    assert_landed(page, target, "instant navigation")
    assert page.evaluate("window.__samePage === true"), "the link caused a full page load"
    page.go_back()
    page.wait_for_url(re.compile(r"article-12/#cl-12-02$"))
    page.wait_for_function("() => !!document.getElementById('cl-12-02')")
    settle(page)
    assert abs(top_of(page, other_page) - before) <= 24, (
        f"Back: the link is at {top_of(page, other_page):.0f}px, was {before:.0f}px")


# ------------------------------------------------------------------------------ search


def search(page, query: str) -> list[dict]:
    """Type `query` into Material's search; the results: per item, its links (title, href,
    score, tags)."""
    page.locator("label.md-header__button[for=__search]").tap()
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # Material reads the query on keyup
    # Results arrive per query: wait until they are there and have stopped changing.
    page.wait_for_function(
        """q => {
            const top = [...document.querySelectorAll('.md-search-result__item a')]
                .slice(0, 4).map(a => a.href).join(' ');
            if (document.querySelector('.md-search__input').value !== q || !top) return false;
            if (window.__cbTop !== top) { window.__cbTop = top; window.__cbSince = Date.now(); }
            return Date.now() - window.__cbSince >= 300;
        }""", arg=query, polling=100)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(li =>
        [...li.querySelectorAll('a.md-search-result__link')].map(a => ({
            title: (a.querySelector('h1, h2') || {}).textContent || '',
            href: a.href, score: parseFloat(a.querySelector('article').dataset.mdScore),
            tags: [...a.querySelectorAll('.md-tag')].map(t => t.textContent)})))""")


def best(item: list[dict]) -> dict:
    """What Enter opens and what the eye goes to: the highest-scored link of a result item."""
    return max(item, key=lambda link: link["score"])


@pytest.mark.parametrize("query, slug_start, cite", [
    ("12.05", "sooke", "12.05"),
    ("A.6.2", "new-westminster", "A.6.2"),
    ("LOU 3", None, "LOU 3"),
    ("Article 12.02(d)", "sooke", "12.02.d"),
])
def test_citation_search_puts_the_clause_first(page, site_url, agreements, query, slug_start, cite):
    slugs = [s for s in agreements if slug_start is None or s.startswith(slug_start)]
    targets = set()
    for slug in slugs:
        pages: set[str] = set()
        for e in agreements[slug]:
            page_url = e["url"].partition("#")[0]
            if e["cite"] == cite:
                targets.add(site_url + e["url"])
                if page_url not in pages:  # a unit: its search entry is its page
                    targets.add(site_url + page_url)
            pages.add(page_url)
    assert targets, f"no {cite} in {slugs}"
    page.goto(site_url)
    results = search(page, query)
    top = best(results[0])
    href = re.sub(r"\?[^#]*", "", top["href"])
    assert href in targets, (f"{query!r}: first result is {top['title']!r} ({href}), "
                             f"expected one of {sorted(targets)}")
    assert top["tags"], f"{query!r}: the first result does not say which agreement it is from"


@pytest.mark.parametrize("word", ["bereavement", "overtime", "seniority"])
def test_topic_words_find_the_clauses_about_them(page, site_url, agreements, word):
    page.goto(site_url)
    results = search(page, word)
    links = [link for item in results for link in item]
    titled = [link for link in links if word in link["title"].lower()]
    assert titled, f"{word!r}: no result with {word!r} in its title"
    for link in links:
        if any(f"/{slug}/" in link["href"] for slug in agreements):
            assert link["tags"], f"{word!r}: {link['title']!r} does not name its agreement"
    clause_links = [link for link in links if "#cl-" in link["href"]]
    assert clause_links, f"{word!r}: no result links to a clause anchor"


def test_search_index_waits_until_the_reader_searches(page, site_url, site_dir):
    """Pages download only the index's configuration; the index's pieces come when search opens
    (the index is split since issue 13: search/cb/meta.json first, then what a query needs)."""
    stub = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"].get("clausebook"), "search_index.json is not the stub"
    meta = json.loads((site_dir / stub["config"]["clausebook"]).read_text(encoding="utf-8"))
    assert sum(group["count"] for group in meta["groups"]) > 1000
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "sooke-2006/article-12/")
    page.wait_for_timeout(300)
    assert not [u for u in requested if "/search/cb/" in u], "index pieces loaded by a page"
    search(page, "grievance")
    assert [u for u in requested if stub["config"]["clausebook"] in u], "search ran without the index?"


# ------------------------------------------------------------------------------ print


def test_an_article_prints_with_citation_agreement_and_term(page, site_url, agreements):
    slug = next(s for s in agreements if s.startswith("sooke"))
    unit = entry(agreements, slug, "12")
    page.goto(site_url + unit["url"])
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
        const visible = sel => [...document.querySelectorAll(sel)].some(el => {
            const s = getComputedStyle(el); const r = el.getBoundingClientRect();
            return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; });
        const d = document.querySelector('.cb-doc');
        return {header: visible('.md-header'), nav: visible('.md-sidebar'), share: visible('.cb-share'),
                search: visible('.md-search'), doc: visible('.cb-doc'), h1: visible('h1'),
                url: visible('.cb-print-url'), docText: d.textContent, term: d.dataset.term,
                title: d.dataset.docTitle, h1Text: document.querySelector('h1').textContent,
                urlText: (document.querySelector('.cb-print-url') || {}).textContent || ''}; }""")
    for hidden in ("header", "nav", "share", "search"):
        assert not shown[hidden], f"{hidden} is printed"
    assert shown["doc"] and shown["h1"] and shown["url"], shown
    assert shown["title"] in shown["docText"] and shown["term"] in shown["docText"], shown
    assert "12" in shown["h1Text"], shown
    assert shown["urlText"] == site_url + unit["short_url"], shown
