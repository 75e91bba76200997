"""Material's menu, with each item that is not on the page's own path rendered once per build.

Every page carries the menu (Material's partials/nav.html -> nav-item.html `render` macro): its
own agreement's units in full, the other agreements pruned to one link each. Rendering it was
about 60% of Material's page templates (19,000 macro calls over ~300 pages), yet an item that is
not on the page's path (not the page, not a section holding it) renders the same HTML on every
page but for its one link, which is relative to the page. Its HTML is therefore kept by
(item, menu position, that link as the page sees it): "Article 13" from any other page of
sooke-2006/ at the same depth links "../article-13/", and is rendered once for all of them.

Items on the path (the open sections, the page with its table of contents), and anything whose
HTML could hold more than that one link, are rendered by Material as before. theme/partials/nav.html
(Material's own, plus one line) hands its `render` macro to `memoize_menu` for each page;
tests/site/test_menu.py builds a site with and without it and compares every page.
"""
from __future__ import annotations

from typing import Any, Callable

from jinja2 import pass_context

# (id of the item, its menu path "__nav_2_5", its level, its link as rendered on the page)
# -> (its HTML, the item). The item is kept so that no other object takes its id while it is
# remembered; clear() at each build (mkdocs_hooks.on_env), whose nav has new items (a serve
# rebuild after an edit: maybe new titles), so the last build's HTML is neither shown nor kept.
_MEMO: dict[tuple, tuple[str, Any]] = {}
STATS = {"rendered": 0, "reused": 0}  # for the tests: the memo is in effect, not bypassed


def clear() -> None:
    """Forget every item's HTML: a new build has new nav items, and maybe new titles."""
    _MEMO.clear()
    STATS.update(rendered=0, reused=0)


@pass_context
def memoize_menu(context, render_macro, features) -> str:
    """Make Material's nav-item `render` macro, imported afresh for this page by partials/nav.html,
    reuse the HTML of items off the page's path. Returns "" (it is called from the template).

    The macro calls itself for each child through its own Macro object, so that object's
    function is wrapped (jinja2's Macro._func, stable since Jinja 2); without it, or with menu
    features whose off-path items hold more than one link, Material renders everything."""
    render = getattr(render_macro, "_func", None)
    if render is None or not _one_link_per_item(features):
        return ""
    page = context.get("page")
    url = context.environment.filters["url"]  # as the template links it (the blog plugin wraps it)

    def memoized(nav_item, path, level, parent) -> str:
        target = off_path_target(nav_item, page)
        if target is None:
            return render(nav_item, path, level, parent)
        key = (id(nav_item), path, level, url(context, target))
        hit = _MEMO.get(key)
        if hit is None:
            hit = _MEMO[key] = (render(nav_item, path, level, parent), nav_item)
            STATS["rendered"] += 1
        else:
            STATS["reused"] += 1
        return hit[0]

    render_macro._func = memoized
    return ""


def _one_link_per_item(features) -> bool:
    """True when an item off the page's path renders as one link: with navigation.prune a closed
    section is one link to its first page, unless navigation.sections shows it expanded."""
    features = features or []
    return "navigation.prune" in features and "navigation.sections" not in features


def off_path_target(nav_item, page) -> str | None:
    """The URL of the one link an item off the page's path renders (before `| url`), or None for
    an item on the path, or one Material may render otherwise (a blog view with pages).

    A page or link: its own URL. A closed (pruned) section: its first page, descending through
    first children as Material's render_pruned does: a section "Part A" whose first child is
    "Article A.1" links article-a-1/."""
    if getattr(nav_item, "active", False) or nav_item == page or getattr(nav_item, "pages", None):
        return None
    while getattr(nav_item, "children", None):
        nav_item = nav_item.children[0]
    target = getattr(nav_item, "url", None)
    return target if isinstance(target, str) else None
