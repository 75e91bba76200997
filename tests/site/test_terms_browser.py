"""Defined terms in headless Chromium (theme/assets/terms.js): a phone at 390x844 with touch
taps a term and reads its definition, fully on screen, and taps elsewhere to close it; a desktop
reads it on keyboard focus (Tab) and on hover; screen readers get it as the term's accessible
description. Uses the fixtures of conftest.py (built site, served under a project path)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PAGE = "sooke-2006/article-12/"
DESKTOP = {"width": 1280, "height": 800}

# The open tooltip's box and text, with the viewport's size (null when it is closed).
TIP_JS = """() => {
  const t = document.querySelector('.cb-tip');
  if (!t || t.hidden || !t.getClientRects().length) return null;
  const r = t.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          text: t.innerText.replace(/\\s+/g, ' ').trim(),
          vw: document.documentElement.clientWidth, vh: window.innerHeight,
          scrollWidth: document.documentElement.scrollWidth};
}"""

# The definition a term points to (aria-describedby), as text.
DEFINITION_JS = """el => {
  const d = document.getElementById(el.getAttribute('aria-describedby'));
  return d ? d.textContent.replace(/\\s+/g, ' ').trim() : null;
}"""

# Terms that are the first focusable thing of their paragraph and not its first words, so a
# click on the paragraph's first word then Tab reaches them (Chrome starts sequential focus
# navigation where the user clicked). Returns [index among .cb-defterm, x, y of the first word].
KEYBOARD_TARGET_JS = """() => {
  const terms = [...document.querySelectorAll('.cb-defterm')];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i], p = t.closest('p');
    if (!p || p.querySelector('a, button, [tabindex]') !== t) continue;
    const first = p.firstChild;
    if (!first || first.nodeType !== 3 || first.textContent.trim().length < 4) continue;
    const range = document.createRange();
    const lead = first.textContent.search(/\\S/);
    range.setStart(first, lead); range.setEnd(first, lead + 1);
    const r = range.getBoundingClientRect();
    if (r.width === 0) continue;
    return [i, r.left + r.width / 2, r.top + r.height / 2];
  }
  return null;
}"""


def open_tip(page):
    return page.evaluate(TIP_JS)


def definition_of(term) -> str:
    text = term.evaluate(DEFINITION_JS)
    assert text, "the term's aria-describedby names no definition on the page"
    return text


def check_on_screen(tip: dict, what: str) -> list[str]:
    problems = []
    if tip["left"] < 0 or tip["right"] > tip["vw"] or tip["top"] < 0 or tip["bottom"] > tip["vh"]:
        problems.append(f"{what}: tooltip {tip['left']:.0f}..{tip['right']:.0f} x {tip['top']:.0f}.."
                        f"{tip['bottom']:.0f} is not inside the {tip['vw']}x{tip['vh']} viewport")
    if tip["scrollWidth"] > tip["vw"]:
        problems.append(f"{what}: the page scrolls sideways ({tip['scrollWidth']}px) with the tooltip open")
    return problems


def pick_terms(page) -> list[int]:
    """Indexes of a few terms: the first, the one furthest right, and one further down."""
    boxes = page.evaluate("() => [...document.querySelectorAll('.cb-defterm')].slice(0, 60)"
                          ".map(t => t.getBoundingClientRect().right)")
    assert boxes, f"no marked term on {PAGE}"
    rightmost = max(range(len(boxes)), key=lambda i: boxes[i])
    return list(dict.fromkeys([0, rightmost, len(boxes) - 1]))


def test_tapping_a_term_on_a_phone_shows_its_definition_on_screen_and_tapping_elsewhere_hides_it(phone):
    page = phone.page
    phone.open(PAGE)
    terms = page.locator(".cb-defterm")
    problems = []
    for i in pick_terms(page):
        term = terms.nth(i)
        words = term.inner_text()
        expected = definition_of(term)
        term.tap()
        tip = open_tip(page)
        if tip is None:
            problems.append(f"tapping {words!r} showed no tooltip")
            continue
        if expected[:60] not in tip["text"]:
            problems.append(f"tapping {words!r} showed {tip['text'][:80]!r}, not its definition {expected[:80]!r}")
        problems += check_on_screen(tip, f"{words!r} (term {i})")
        page.locator("article h1").first.tap()  # elsewhere: the page heading
        if open_tip(page) is not None:
            problems.append(f"tapping elsewhere did not hide the definition of {words!r}")
        term.tap()
        term.tap()  # tap the term again: closes
        if open_tip(page) is not None:
            problems.append(f"tapping {words!r} twice did not close its definition")
    assert not problems + phone.errors, "\n".join(problems + phone.errors)


def test_a_tooltip_near_the_bottom_of_a_phone_screen_opens_above_the_term(phone):
    page = phone.page
    phone.open(PAGE)
    terms = page.locator(".cb-defterm")
    term = terms.nth(terms.count() // 2)
    term.scroll_into_view_if_needed()
    page.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 30)",
                  term.element_handle())
    box = term.bounding_box()
    assert box["y"] + box["height"] > 844 - 60, f"could not scroll the term to the bottom ({box})"
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = open_tip(page)
    assert tip is not None, "tapping the term showed no tooltip"
    assert tip["bottom"] <= box["y"] + 1, "the tooltip should open above a term at the bottom of the screen"
    assert not check_on_screen(tip, "near the bottom"), check_on_screen(tip, "near the bottom")


def test_a_term_shows_its_own_documents_definition(phone):
    """ "Board" means the Sooke school board in Sooke and the College Board at the Rockies."""
    page = phone.page
    seen = {}
    for slug in ("sooke-2006/article-12/", "college-rockies-2022/article-26/"):
        phone.open(slug)
        board = page.locator('.cb-defterm[data-defterm="board"]').first
        seen[slug] = definition_of(board)
    assert "SOOKE" in seen["sooke-2006/article-12/"] and "College Board" not in seen["sooke-2006/article-12/"]
    assert "College Board" in seen["college-rockies-2022/article-26/"]


@pytest.fixture
def desktop(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + PAGE, wait_until="load")
    try:
        yield page, errors
    finally:
        context.close()


def test_keyboard_focus_on_a_desktop_shows_the_definition(desktop):
    page, errors = desktop
    target = page.evaluate(KEYBOARD_TARGET_JS)
    assert target, f"no term on {PAGE} that Tab can reach from its paragraph's first word"
    index, x, y = target
    term = page.locator(".cb-defterm").nth(index)
    expected = definition_of(term)
    page.mouse.click(x, y)  # the sequential focus starting point: the paragraph's first word
    assert open_tip(page) is None, "a click on plain text opened a definition"
    page.keyboard.press("Tab")
    assert term.evaluate("el => el === document.activeElement"), "Tab did not reach the term"
    tip = open_tip(page)
    assert tip is not None, "keyboard focus on a term showed no definition"
    assert expected[:60] in tip["text"]
    assert not check_on_screen(tip, "desktop"), check_on_screen(tip, "desktop")
    page.keyboard.press("Escape")
    assert open_tip(page) is None, "Escape did not close the definition"
    page.keyboard.press("Enter")  # role=button: Enter opens it again
    assert open_tip(page) is not None, "Enter on a focused term did not show its definition"
    page.keyboard.press("Tab")  # into the tooltip's "Defined in" link
    assert page.evaluate("() => !!document.activeElement.closest('.cb-tip')"), "Tab did not reach the link"
    assert open_tip(page) is not None, "the definition closed while its link had focus"
    assert not errors, errors


def test_hovering_a_term_on_a_desktop_shows_the_definition(desktop):
    page, errors = desktop
    term = page.locator(".cb-defterm").first
    term.scroll_into_view_if_needed()
    term.hover()
    tip = open_tip(page)
    assert tip is not None and definition_of(term)[:60] in tip["text"]
    page.mouse.move(5, DESKTOP["height"] - 5)
    page.wait_for_timeout(400)
    assert open_tip(page) is None, "moving the pointer away did not hide the definition"
    assert not errors, errors


def test_screen_readers_get_the_definition_as_the_terms_description(phone):
    page = phone.page
    phone.open(PAGE)
    term = page.locator(".cb-defterm").first
    definition = definition_of(term)
    expect(term).to_have_accessible_description(re.compile(re.escape(definition[:50])))
    expect(term).to_have_attribute("tabindex", "0")
    expect(term).to_have_attribute("role", "button")


def test_the_glossary_page_lists_every_term_with_a_link_to_its_clause(phone):
    page = phone.page
    phone.open("sooke-2006/glossary/")
    terms = page.locator(".cb-glossary-term")
    assert terms.count() >= 30
    expect(page.locator("#term-regular-employee")).to_contain_text("Regular employee")
    link = page.locator(".cb-glossary-cite a").first
    link.click()
    page.wait_for_url(re.compile(r"/sooke-2006/[^/]+/#cl-"))
    assert not phone.errors, phone.errors
