"""Sharing and reading at night, in headless Chromium at a phone viewport (390x844):

- "QR for print" on a clause's share control shows the QR code (an SVG made at build time that
  says the clause's published short URL) with the citation written under it; it is keyboard
  usable (focus moves in, Escape closes and returns focus), and printing shows the code and the
  citation, not the page.
- Dark mode follows the phone's setting (emulated prefers-color-scheme): the page is dark, the
  landed clause's highlight and a term's tooltip stay readable, and axe-core finds no serious or
  critical violation (colour contrast included) in either scheme.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

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
# WCAG contrast of an element's text on its own background (both computed; rgb/rgba/color(srgb)).
CONTRAST_JS = """
(el) => {
  const parse = c => {
    const n = c.match(/[\\d.]+/g).map(Number);
    return c.startsWith('color(') ? n.slice(0, 3).map(x => x * 255).concat(n.length > 3 ? [n[3]] : [1])
                                  : n.slice(0, 3).concat(n.length > 3 ? [n[3]] : [1]);
  };
  const lum = ([r, g, b]) => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const s = getComputedStyle(el);
  const bg = parse(s.backgroundColor);
  const body = parse(getComputedStyle(document.body).backgroundColor);
  const under = bg[3] < 1 ? bg.slice(0, 3).map((v, i) => v * bg[3] + body[i] * (1 - bg[3])) : bg.slice(0, 3);
  const fg = parse(s.color);
  const text = fg.slice(0, 3).map((v, i) => v * fg[3] + under[i] * (1 - fg[3]));
  const [a, b] = [lum(text), lum(under)].sort((x, y) => y - x);
  return {ratio: (a + 0.05) / (b + 0.05), color: s.color, background: s.backgroundColor};
}
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE} missing): run `npm install --prefix tests/site`")
    return AXE.read_text(encoding="utf-8")


def _page(browser, scheme: str):
    context = browser.new_context(**PHONE, color_scheme=scheme)
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


@pytest.fixture
def phone_page(browser):
    context, page, errors = _page(browser, "light")
    yield page
    context.close()
    assert not errors, errors


def _clause(agreements, cite: str) -> dict:
    slug = next(s for s in agreements if s.startswith("sooke"))
    return next(e for e in agreements[slug] if e["cite"] == cite)


def _published_root(site_dir: Path) -> str:
    """The site address the build encoded in the QR codes (site.yml or CLAUSEBOOK_SITE_URL)."""
    markup = (site_dir / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta name="clausebook:qr" content="([^"]+)"', markup) \
        or re.search(r'<link rel="canonical" href="([^"]+)"', markup)
    assert found, "the built site has no published address: the QR codes need one"
    return found.group(1)


# ------------------------------------------------------------------------------ QR for print

def test_qr_for_print_shows_the_code_of_the_short_url_and_the_citation(phone_page, site_url, site_dir, agreements):
    page = phone_page
    clause = _clause(agreements, "12.05")
    published = _published_root(site_dir) + clause["short_url"]
    page.goto(site_url + clause["url"], wait_until="load")
    button = page.get_by_role("button", name="QR for print: Article 12.05", exact=True)
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    button.tap()
    dialog = page.get_by_role("dialog", name="QR code for print")
    expect(dialog).to_be_visible()
    citation = f"Article 12.05 ({clause['title']}), Sooke 2006–2010 Collective Agreement"
    expect(dialog.locator(".cb-qr-cite")).to_have_text(citation)
    expect(dialog.locator(".cb-qr-url")).to_have_text(published)
    code = dialog.locator("img.cb-qr-code")
    assert code.get_attribute("src").endswith(clause["short_url"] + "qr.svg")
    page.wait_for_function("() => { const i = document.querySelector('img.cb-qr-code');"
                           " return i.complete && i.naturalWidth > 0; }")
    svg = page.evaluate("async () => (await fetch(document.querySelector('img.cb-qr-code').src)).text()")
    assert svg.startswith("<svg") and "<path" in svg
    assert re.search(r"<title>(.*?)</title>", svg).group(1) == published  # the code says the short URL
    assert code.get_attribute("alt") == f"QR code of {published}"
    rect = dialog.bounding_box()
    assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 390, rect  # fits the phone
    # printing shows the code and the citation, not the page
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
        const visible = sel => [...document.querySelectorAll(sel)].some(el => {
            const s = getComputedStyle(el); const r = el.getBoundingClientRect();
            return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; });
        return {code: visible('img.cb-qr-code'), cite: visible('.cb-qr-cite'), url: visible('.cb-qr-url'),
                header: visible('.md-header'), content: visible('.md-content'), footer: visible('.md-footer'),
                buttons: visible('.cb-qr-actions')}; }""")
    assert shown == {"code": True, "cite": True, "url": True, "header": False, "content": False,
                     "footer": False, "buttons": False}, shown


def test_qr_for_print_is_usable_from_the_keyboard(phone_page, site_url, agreements):
    page = phone_page
    unit = _clause(agreements, "12")
    page.goto(site_url + unit["url"], wait_until="load")
    button = page.get_by_role("button", name="QR for print: Article 12", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="QR code for print")).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Print"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Close"
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="QR code for print")).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "QR for print: Article 12"
    assert not page.evaluate("document.documentElement.classList.contains('cb-qr-open')")


def test_no_serious_axe_violations_with_the_qr_dialog_open(phone_page, site_url, agreements, axe_source):
    page = phone_page
    page.goto(site_url + _clause(agreements, "12.05")["url"], wait_until="load")
    page.get_by_role("button", name="QR for print: Article 12.05", exact=True).tap()
    expect(page.get_by_role("dialog", name="QR code for print")).to_be_visible()
    found = _violations(page, axe_source)
    assert not found, _report("QR dialog", found)


# ------------------------------------------------------------------------------ dark mode

def _violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return [v for v in page.evaluate(AXE_RUN_JS) if v["impact"] in BLOCKING]


def _report(where: str, found: list[dict]) -> str:
    lines = [f"{where}: {len(found)} serious/critical axe-core violation(s):"]
    for v in found:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        lines += [f"      {node}" for node in v["nodes"]]
    return "\n".join(lines)


def _luminance_of_background(page) -> float:
    return page.evaluate("""() => {
        const n = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
        return (0.2126 * n[0] + 0.7152 * n[1] + 0.0722 * n[2]) / 255; }""")


@pytest.mark.parametrize("scheme, dark", [("dark", True), ("light", False)])
def test_the_colour_scheme_follows_the_phone(browser, site_url, agreements, scheme, dark):
    context, page, errors = _page(browser, scheme)
    try:
        page.goto(site_url + _clause(agreements, "12")["url"], wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if dark else "default")
        luminance = _luminance_of_background(page)
        assert (luminance < 0.2) if dark else (luminance > 0.9), f"{scheme}: background luminance {luminance:.2f}"
        # the header's toggle switches it
        toggle = page.get_by_title("Switch to light mode" if dark else "Switch to dark mode")
        toggle.first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s",
                               arg="default" if dark else "slate")
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_highlight_tooltip_and_axe_are_readable_in_either_scheme(browser, site_url, agreements, axe_source, scheme):
    context, page, errors = _page(browser, scheme)
    try:
        clause = _clause(agreements, "12.05")
        page.goto(site_url + clause["url"], wait_until="load")
        anchor = clause["url"].partition("#")[2]
        page.wait_for_function("id => document.getElementById(id)?.classList.contains('clause--landed')", arg=anchor)
        highlight = page.locator(f"#{anchor}").evaluate(CONTRAST_JS)  # its text on its tint
        assert highlight["ratio"] >= 4.5, f"{scheme}: landed clause {highlight}"
        assert highlight["background"] != page.evaluate("getComputedStyle(document.body).backgroundColor"), \
            f"{scheme}: the landed clause is not highlighted"
        # a defined term's tooltip, opened by a tap
        term = page.locator(".md-content .cb-defterm").first
        term.scroll_into_view_if_needed()
        term.tap()
        tip = page.locator(".cb-tip:not([hidden])")
        expect(tip).to_be_visible()
        colours = tip.evaluate(CONTRAST_JS)
        assert colours["ratio"] >= 4.5, f"{scheme}: tooltip {colours}"
        found = _violations(page, axe_source)  # with the highlight and the tooltip on screen
        assert not found, _report(f"{scheme}: {clause['url']} with a tooltip open", found)
        for other in ("", f"{clause['url'].split('/')[0]}/"):  # the home page, the agreement's home
            page.goto(site_url + other, wait_until="load")
            found = _violations(page, axe_source)
            assert not found, _report(f"{scheme}: {other or 'home'}", found)
        assert not errors, errors
    finally:
        context.close()
