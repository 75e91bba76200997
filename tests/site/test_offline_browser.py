"""Offline reading in a phone browser (issue 14): after the home page and one article online,
the rest of that agreement, its short URLs and the home page load with the network cut; after a
rebuild, an online member sees the change. Served under a GitHub Pages project path."""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from conftest import CHROMIUM_ARGS, PHONE, ProjectPathHandler

SAVE_TIMEOUT_S = 90


def _saved(page, base: str, slug: str) -> None:
    """Wait until the worker controls the page and has saved the whole agreement (its list is
    kept last, after every file). Polled from Python: wait_for_function does not await a promise."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while not page.evaluate(
            """async ([base, slug]) => {
                const cache = await caches.open('clausebook-saved-' + base);
                return !!(await cache.match(base + 'offline/' + slug + '.json'));
            }""", [base, slug]):
        assert time.monotonic() < deadline, f"{slug} was not saved within {SAVE_TIMEOUT_S} s"
        page.wait_for_timeout(300)


def _pages(entries: list[dict]) -> list[dict]:
    """One entry per page of the agreement that has its own page (an article)."""
    seen, out = set(), []
    for entry in entries:
        page = entry["url"].split("#")[0]
        if page.count("/") >= 2 and page not in seen:
            seen.add(page)
            out.append(entry)
    return out


def _shown(page) -> str:
    return f"{page.url}: {page.locator('body').inner_text()[:300]!r}"


@pytest.fixture
def sooke(agreements):
    slug = "sooke-2006" if "sooke-2006" in agreements else sorted(agreements)[0]
    return slug, agreements[slug]


@pytest.fixture
def context(browser):
    ctx = browser.new_context(**PHONE)
    yield ctx
    ctx.close()


def test_an_agreement_opened_once_reads_offline(context, site_url, sooke):
    slug, entries = sooke
    pages = _pages(entries)
    visited, unvisited = pages[0], pages[-1]
    clause = next(e for e in entries if e["url"].split("#")[0] not in (visited["url"].split("#")[0], )
                  and "#" in e["url"] and e["short_url"].count("/") == 2 and "." in e["short_url"]
                  and e["url"].split("#")[0] != e["short_url"])
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.goto(site_url + visited["url"].split("#")[0], wait_until="load")
    _saved(page, site_url, slug)

    context.set_offline(True)
    page.goto(site_url + unvisited["url"].split("#")[0], wait_until="load")
    assert page.locator(".md-content h1").count() == 1, f"the unvisited article did not render: {_shown(page)}"
    assert "you are offline" in page.locator(".cb-offline-notice").inner_text()

    page.goto(site_url + clause["short_url"], wait_until="load")
    try:
        page.wait_for_url(site_url + clause["url"], timeout=10_000)
    except Exception:
        raise AssertionError(f"{clause['short_url']} offline ended at {page.url}: "
                             f"{page.locator('body').inner_text()[:200]!r}") from None
    anchor = clause["url"].split("#")[1]
    assert page.locator(f"#{anchor}").count() == 1, f"{clause['short_url']} did not land on #{anchor}"

    page.goto(site_url, wait_until="load")
    page.reload(wait_until="load")
    assert page.locator(".md-content h1").count() >= 1, f"the home page did not reload offline: {_shown(page)}"


def test_a_page_never_saved_says_so_offline(context, site_url, sooke):
    slug, _ = sooke
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    context.set_offline(True)
    page.goto(site_url + "bulletins/", wait_until="load")
    assert "You are offline" in page.locator("h1").first.inner_text()


@pytest.fixture
def copy_served(site_dir, tmp_path):
    """A copy of the site served under /repo/, to change and serve again as a rebuild would."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    handler_class = type("Handler", (ProjectPathHandler,), {"prefix": "/repo"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler_class, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site, f"http://127.0.0.1:{server.server_port}/repo/"
    finally:
        server.shutdown()
        server.server_close()


def test_after_a_rebuild_an_online_member_sees_the_change(context, copy_served, sooke):
    site, base = copy_served
    slug, entries = sooke
    article = _pages(entries)[0]
    path = article["url"].split("#")[0]
    anchor = article["url"].split("#")[1]
    page = context.new_page()
    page.goto(base, wait_until="load")
    page.goto(base + path, wait_until="load")
    _saved(page, base, slug)
    before = page.locator(f"#{anchor}").inner_text()

    file = site / path / "index.html"
    html = file.read_text(encoding="utf-8")
    marker = f'id="{anchor}"'
    assert marker in html
    changed = html.replace(marker, marker + ' data-changed="1"', 1)
    head, tail = changed.split('data-changed="1"', 1)
    close = tail.index(">") + 1
    file.write_text(head + 'data-changed="1"' + tail[:close] + "Corrected in the new agreement. "
                    + tail[close:], encoding="utf-8")

    page.reload(wait_until="load")
    assert "Corrected in the new agreement." in page.locator(f"#{anchor}").inner_text(), \
        f"online, the saved copy was shown instead of the corrected page (was: {before[:80]!r})"
    context.set_offline(True)
    page.reload(wait_until="load")
    assert "Corrected in the new agreement." in page.locator(f"#{anchor}").inner_text(), \
        "offline, the copy kept is the one before the correction"


def test_save_button_shows_the_size_then_when_it_was_saved(browser, site_url, sooke):
    """With Save-Data on, nothing is saved on its own: one tap on the agreement's home page does."""
    slug, _ = sooke
    ctx = browser.new_context(**PHONE)
    ctx.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    try:
        page = ctx.new_page()
        page.goto(site_url + slug + "/", wait_until="load")
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        page.reload(wait_until="load")
        button = page.locator(".cb-offline-save button")
        button.wait_for(timeout=10_000)
        assert re.fullmatch(r"Save this agreement for offline \(\d+(\.\d)? (MB|KB)\)", button.inner_text()), \
            button.inner_text()
        button.tap()
        page.locator(".cb-offline-save", has_text="Saved for offline").wait_for(timeout=SAVE_TIMEOUT_S * 1000)
        assert re.search(r"Saved for offline · \d+(\.\d)? (MB|KB) · \d+ \w{3}", page.locator(".cb-offline-save").inner_text())
        ctx.set_offline(True)
        page.goto(site_url + _pages(load_entries(page, site_url, slug))[-1]["url"].split("#")[0], wait_until="load")
        assert page.locator(".md-content h1").count() == 1, _shown(page)
    finally:
        ctx.close()


def load_entries(page, base: str, slug: str) -> list[dict]:
    return page.evaluate("""async ([base, slug]) => {
        const r = await caches.match(base + slug + '/clauses.json'); return r ? r.json() : []; }""", [base, slug])


def test_search_answers_offline_over_a_saved_agreement(context, site_url, sooke):
    slug, entries = sooke
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.goto(site_url + _pages(entries)[0]["url"].split("#")[0], wait_until="load")
    _saved(page, site_url, slug)
    context.set_offline(True)
    page.goto(site_url + slug + "/", wait_until="load")
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator("input.md-search__input")
    field.fill("grievance")
    field.press("End")  # Material reads the query on keyup
    page.locator(".md-search-result__item a").first.wait_for(timeout=30_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any(f"/{slug}/" in href for href in hrefs), hrefs[:5]


def _installability(browser, url: str, profile, route_manifest=None) -> tuple[list, list]:
    """Chromium's own installability check (DevTools' Page.getInstallabilityErrors: the check
    Lighthouse's installable-manifest audit reported before Lighthouse 12 dropped it) and the
    manifest's parse errors, for url in a real profile (an incognito context is never
    installable)."""
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=os.environ.get("CLAUSEBOOK_CHROMIUM", "/usr/bin/chromium"),
        args=CHROMIUM_ARGS, **PHONE)
    try:
        if route_manifest:
            context.route(re.compile(r"manifest\.webmanifest$"), route_manifest)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null"
                               " || navigator.serviceWorker.ready.then(() => true)")
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        manifest = cdp.send("Page.getAppManifest")
        return errors, manifest["errors"]
    finally:
        context.close()


def test_chromium_finds_the_site_installable_under_a_project_path(browser, site_url, tmp_path):
    errors, manifest_errors = _installability(browser, site_url + "sooke-2006/", tmp_path / "a")
    assert errors == [] and manifest_errors == [], (errors, manifest_errors)


def test_the_installability_check_does_see_a_broken_manifest(browser, site_url, tmp_path):
    """The check above can fail: a manifest without icons is reported."""
    broken = {"name": "Clausebook", "start_url": "./", "display": "standalone", "icons": []}
    errors, _ = _installability(browser, site_url, tmp_path / "b",
                                lambda route: route.fulfill(json=broken))
    assert errors, "Chromium reported nothing for a manifest with no icons"
