"""Accessibility, at the phone viewport: axe-core finds no serious or critical violation on the
home page, an agreement's home, an article page, a glossary page and a search result; our own
controls show where the keyboard focus is.

axe-core comes from npm (tests/site/package.json; ./scripts/test installs it into
tests/site/node_modules when npm can reach its registry). Without it these tests are skipped
with the command that installs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PHONE

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

AXE_RUN_JS = """
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ': ' +
        (n.failureSummary || '').split('\\n').slice(1, 3).join(' ').trim())}));
}
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE} missing): run "
                    "`npm install --prefix tests/site` (./scripts/test does when npm is available)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def page(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def first_agreement(site_dir: Path, agreements) -> str:
    return next((s for s in agreements if s.startswith("sooke")), next(iter(agreements)))


def glossary_page(site_dir: Path) -> str | None:
    found = sorted(site_dir.glob("*/glossary/index.html"))
    return f"{found[0].parent.parent.name}/glossary/" if found else None


def violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return [v for v in page.evaluate(AXE_RUN_JS) if v["impact"] in BLOCKING]


def report(where: str, found: list[dict]) -> str:
    lines = [f"{where}: {len(found)} serious/critical axe-core violation(s):"]
    for v in found:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        lines += [f"      {node}" for node in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("which", ["home", "agreement home", "article", "glossary"])
def test_no_serious_axe_violations(page, site_url, site_dir, agreements, axe_source, which):
    slug = first_agreement(site_dir, agreements)
    url = {"home": "", "agreement home": f"{slug}/", "article": f"{slug}/article-12/",
           "glossary": glossary_page(site_dir)}[which]
    if url is None:
        pytest.skip(f"no glossary page in the built site (no {site_dir}/<agreement>/glossary/): "
                    "the defined-terms work has not published one yet")
    if which == "article" and not (site_dir / url / "index.html").is_file():
        url = next(e["url"].partition("#")[0] for e in agreements[slug] if "article-" in e["url"])
    page.goto(site_url + url, wait_until="load")
    found = violations(page, axe_source)
    assert not found, report(url or "home", found)


def test_no_serious_axe_violations_in_a_search_result(page, site_url, axe_source):
    page.goto(site_url, wait_until="load")
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("input.md-search__input").fill("overtime")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    page.wait_for_timeout(300)
    found = violations(page, axe_source)
    assert not found, report("search for 'overtime'", found)


FOCUS_JS = """
(sel) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  el.focus();
  const s = getComputedStyle(el);
  return {focused: document.activeElement === el, visible: el.matches(':focus-visible'),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
          shadow: s.boxShadow !== 'none', name: el.getAttribute('aria-label') || el.textContent.trim()};
}
"""


def test_our_controls_have_names_and_show_focus(page, site_url, site_dir, agreements):
    slug = first_agreement(site_dir, agreements)
    page.goto(site_url + f"{slug}/article-12/", wait_until="load")
    page.keyboard.press("Tab")  # keyboard use: focus from here on is :focus-visible
    problems = []
    for selector in (".md-content .cb-share", ".cb-clauses > summary", ".md-content a.cb-xref"):
        m = page.evaluate(FOCUS_JS, selector)
        if m is None:
            problems.append(f"{selector}: not on the page")
            continue
        if not m["name"]:
            problems.append(f"{selector}: no accessible name")
        if not (m["focused"] and m["visible"] and (m["outline"] or m["shadow"])):
            problems.append(f"{selector}: focus not visible ({m})")
    assert not problems, "\n".join(problems)
