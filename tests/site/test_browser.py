"""Headless Chromium at a phone viewport (390x844), the site served under a project path.

Deep links must land: the clause is in the viewport, below Material's sticky header,
and highlighted; short URLs land on the same clause; no page scrolls sideways.
A handful of clauses per agreement, picked deterministically from clauses.json.
"""

from __future__ import annotations

import pytest

from sitelib import clause_id, page_file

PHONE_WIDTH = 390
NEAR_TOP_PX = 140  # a landed clause starts at most this far below the header's bottom

# Waits until the page has settled (same scroll position and same element for 5
# frames: Material's instant navigation may swap the whole content, even on a mere
# hash change), then measures the element with id `id`.
MEASURE_JS = """
async (id) => {
  let lastY = NaN, lastEl = null, stable = 0;
  for (let i = 0; i < 180 && stable < 5; i++) {
    await new Promise(r => requestAnimationFrame(r));
    const el = document.getElementById(id);
    stable = (window.scrollY === lastY && el === lastEl) ? stable + 1 : 0;
    lastY = window.scrollY; lastEl = el;
  }
  const el = document.getElementById(id);
  if (!el) return {missing: true};
  let headerBottom = 0;
  for (const bar of document.querySelectorAll('.md-header, .md-tabs')) {
    const s = getComputedStyle(bar);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if (s.position !== 'sticky' && s.position !== 'fixed') continue;
    headerBottom = Math.max(headerBottom, bar.getBoundingClientRect().bottom);
  }
  const r = el.getBoundingClientRect();
  let selectorOk = false;
  try { selectorOk = document.querySelector('#' + id) === el; } catch (e) {}
  const bg = getComputedStyle(el).backgroundColor;
  return {
    top: r.top, headerBottom, innerHeight: window.innerHeight,
    atBottom: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
    landed: el.classList.contains('clause--landed'),
    highlighted: bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)',
    selectorOk,
  };
}
"""

LANDED_JS = """id => { const el = document.getElementById(id);
                      return !!el && el.classList.contains('clause--landed'); }"""

# Elements in the content that stick out right of the viewport without a scroll box
# of their own to hold them (Material sets overflow-x:hidden on <html>, which would
# otherwise hide -- i.e. cut off -- such content rather than let the page scroll).
OVERFLOW_JS = """
(width) => {
  const scrollBox = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const offenders = [], reported = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === 'hidden' || scrollBox(el)) continue;
    if (reported.some(o => o.contains(el))) continue;  // report the outermost only
    reported.push(el);
    offenders.push(describe(el) + ' reaches x=' + Math.round(r.right));
    if (offenders.length >= 5) break;
  }
  return {scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth, offenders};
}
"""


def depth(entry) -> int:
    return len(entry["cite"].replace(" ", ".").split("."))


def sample(entries: list[dict]) -> list[dict]:
    """First, middle, last, the first of the deepest sub-clauses, and the first citation
    that starts with a letter (LOU 3, A.6.7) if any: ~5 distinct entries, in that order."""
    n = len(entries)
    if n == 0:
        return []
    deepest = max(range(n), key=lambda i: (depth(entries[i]), -i))
    lettered = next((i for i, e in enumerate(entries) if e["cite"][:1].isalpha()), None)
    picks = []
    for i in (0, n // 2, n - 1, deepest, lettered):
        if i is not None and entries[i] not in picks:
            picks.append(entries[i])
    return picks


def check_landing(phone, cite: str, expect_url: str | None = None) -> list[str]:
    """Problems with how the current page landed on clause ``cite`` (empty if fine)."""
    page, ident = phone.page, clause_id(cite)
    if expect_url is not None:
        try:
            page.wait_for_url(phone.base + expect_url, timeout=10_000)
        except Exception:
            return [f"{cite}: ended at {page.url}, expected {phone.base + expect_url}"]
    try:
        page.wait_for_function(LANDED_JS, arg=ident, timeout=5_000)
    except Exception:
        has = page.evaluate("id => !!document.getElementById(id)", ident)
        return [f"{cite}: {page.url}: " + ("#%s never got class clause--landed "
                "(is assets/clausebook.js loaded?)" % ident if has else f"no element #{ident}")]
    m = page.evaluate(MEASURE_JS, ident)
    if m.get("missing"):
        return [f"{cite}: {page.url}: #{ident} vanished after landing"]
    problems = []
    if not m["landed"]:
        problems.append("lost class clause--landed once the page settled")
    if m["top"] < m["headerBottom"] - 0.5:
        problems.append(f"under the sticky header (top {m['top']:.0f}px < header bottom "
                        f"{m['headerBottom']:.0f}px)")
    elif m["top"] >= m["innerHeight"]:
        problems.append(f"below the viewport (top {m['top']:.0f}px)")
    elif m["top"] > m["headerBottom"] + NEAR_TOP_PX and not m["atBottom"]:
        problems.append(f"not scrolled to (top {m['top']:.0f}px, header bottom "
                        f"{m['headerBottom']:.0f}px)")
    if not m["highlighted"]:
        problems.append("landed but not highlighted (no background from clausebook.css)")
    if not m["selectorOk"]:
        problems.append(f"document.querySelector('#{ident}') fails")
    return [f"{cite}: {page.url}: {p}" for p in problems]


def fail_if(problems: list[str], phone, what: str) -> None:
    problems = problems + [f"JS error: {e}" for e in phone.errors]
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)


def test_deep_links_land_below_the_header(phone, agreements):
    problems = []
    for slug, entries in agreements.items():
        for entry in sample(entries):
            phone.open(entry["url"])
            problems += check_landing(phone, entry["cite"])
    fail_if(problems, phone, "deep links that do not land on their clause")


def test_short_urls_land_on_the_clause(phone, agreements):
    problems = []
    for slug, entries in agreements.items():
        # Only short URLs that are redirect pages (a unit's may be its own page).
        redirects = [e for e in entries if e["short_url"] != e["url"].partition("#")[0]]
        for entry in sample(redirects)[:4]:
            phone.open(entry["short_url"])
            problems += check_landing(phone, entry["cite"], expect_url=entry["url"])
    fail_if(problems, phone, "short URLs that do not land on their clause")


def page_of(entry) -> str:
    return entry["url"].partition("#")[0]


def test_hash_change_on_the_same_page_lands(phone, agreements):
    """Tapping an in-page link (or editing the hash) moves the highlight and the scroll:
    from the first to the last clause of the page that holds the middle clause."""
    problems = []
    for slug, entries in agreements.items():
        if not entries:
            continue
        middle = page_of(entries[len(entries) // 2])
        same_page = [e for e in entries if page_of(e) == middle]
        if len(same_page) < 2:
            continue
        first, other = same_page[0], same_page[-1]
        phone.open(first["url"])
        problems += check_landing(phone, first["cite"])
        phone.page.evaluate("id => { location.hash = id; }", clause_id(other["cite"]))
        problems += check_landing(phone, other["cite"])
        if phone.page.evaluate(LANDED_JS, clause_id(first["cite"])):
            problems.append(f"{first['cite']}: still highlighted after moving to {other['cite']}")
    fail_if(problems, phone, "in-page hash changes that do not land")


def test_link_from_another_page_lands(phone, agreements, site_url, site_dir):
    """A tapped link to a clause on another page (Material's instant navigation, if it
    is enabled, loads it without a full page load) lands on the clause."""
    problems = []
    for slug, entries in agreements.items():
        if not entries or not (site_dir / slug / "index.html").is_file():
            continue
        picks = sample(entries)
        entry = picks[3] if len(picks) > 3 else picks[-1]  # the deepest, usually
        phone.open(f"{slug}/")
        phone.page.evaluate(
            """href => { const a = document.createElement('a');
                         a.href = href; a.id = 'cb-test-link'; a.textContent = 'go';
                         (document.querySelector('article') || document.body).prepend(a); }""",
            site_url + entry["url"])
        phone.page.tap("#cb-test-link")
        problems += check_landing(phone, entry["cite"], expect_url=entry["url"])
    fail_if(problems, phone, "links from another page that do not land")


def test_no_sideways_scrolling_on_a_phone(phone, agreements, site_dir):
    problems = []
    for slug, entries in agreements.items():
        pages = [f"{slug}/"] if (site_dir / slug / "index.html").is_file() else []
        for entry in entries[:1] + entries[len(entries) // 2:][:1] + entries[-1:]:
            url = entry["url"].partition("#")[0]
            if url not in pages:
                pages.append(url)
        # ... and the first two pages with a table or preformatted text, the usual culprits.
        wide, checked = [], set(pages)
        for entry in entries:
            url = entry["url"].partition("#")[0]
            if url in checked:
                continue
            checked.add(url)
            file = page_file(site_dir, url)
            html = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
            if "<table" in html or "<pre" in html:
                wide.append(url)
                if len(wide) == 2:
                    break
        pages += wide
        for url in pages:
            phone.open(url)
            m = phone.page.evaluate(OVERFLOW_JS, PHONE_WIDTH)
            width = max(m["scrollWidth"], m["bodyScrollWidth"])
            if width > PHONE_WIDTH:
                problems.append(f"{url}: page is {width}px wide (> {PHONE_WIDTH}px)")
            problems += [f"{url}: {o} (cut off or pushes the page sideways)"
                         for o in m["offenders"]]
    fail_if(problems, phone, "pages wider than a 390px phone")


def test_unknown_page_gets_a_styled_404(phone, site_url):
    """GitHub Pages serves 404.html for any unknown path: it must keep its styles."""
    response = phone.page.goto(site_url + "no/such/page/", wait_until="load")
    assert response is not None and response.status == 404
    position = phone.page.evaluate(
        "() => { const h = document.querySelector('.md-header');"
        "        return h ? getComputedStyle(h).position : null; }")
    assert position in ("sticky", "fixed"), (
        "404 page has no styled Material header: its stylesheet links do not resolve "
        "under the project path (set site_url in mkdocs.yml)")
