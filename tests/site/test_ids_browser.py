"""Ids made from non-ASCII citations work unescaped in a real querySelector (issue 12).

In tests/site so it shares the session's one Playwright/Chromium (a second sync Playwright in the
same run refuses to start inside the first one's event loop)."""
from generator.tree.citations import anchor
from tests.unit.test_input_ids import NON_ASCII


def test_every_anchor_works_unescaped_in_a_real_query_selector(browser):
    ids = [anchor(c) for c in NON_ASCII + ["12.05.a", "LOU 3.B"]]
    page = browser.new_page()
    try:
        page.set_content("".join(f'<p id="{i}">{n}</p>' for n, i in enumerate(ids)))
        found = page.evaluate("ids => ids.map(id => { const e = document.querySelector('#' + id);"
                              " return e ? e.textContent : null; })", ids)
    finally:
        page.close()
    assert found == [str(n) for n in range(len(ids))]
