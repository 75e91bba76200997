"""The menu of every page is Material's own: theme/partials/nav.html hands Material's nav-item
macro to generator/render/menu.py, which renders each item off the page's path once per build
(its HTML depends on the page only through its one relative link) instead of once per page.

A small site (an agreement in parts, so closed sections at two levels, another agreement, a
bulletin) is built in this process twice, under a project path as on GitHub Pages: with the
memo, and with Material's own partials/nav.html; every page must be byte for byte the same."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import build as build_module
from generator import serve_state, terms_config
from generator.render import menu

ROOT = Path(__file__).resolve().parents[2]
PROJECT_SITE = "https://example.org/clausebook/"  # pages link relatively: the depth must not matter

IN_PARTS = """---
title: "Alpha Agreement"
short_title: "Alpha 2020"
---
PART A. TECHNICAL MATTERS

ARTICLE 1 – DEFINITIONS

1.01 "Employee" means a person employed by the Board in the bargaining unit.

ARTICLE 2 – RECOGNITION

2.01 The Board recognizes the Union.

PART B. PAY

ARTICLE 3 – SALARIES

3.01 Salaries are paid fortnightly.

ARTICLE 4 – ALLOWANCES

4.01 Allowances are paid monthly.

ARTICLE 5 – GRIEVANCE PROCEDURE

5.01 Stewards

The Board recognizes the Union's right to select stewards.
"""

PLAIN = """---
title: "Beta Agreement"
short_title: "Beta 2021"
---
ARTICLE 1 – DEFINITIONS

1.01 "Employee" means a person employed by the Board.

ARTICLE 12 – GRIEVANCE PROCEDURE

12.05 Settling of Grievance

A grievance not settled at step one goes to step two within ten days.
"""

BULLETIN = """---
title: "Grievances"
date: 2026-12-01
---
Article 12.05 of the Beta agreement says how a grievance is settled.
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    """(built with the menu memo, built with Material's own partials/nav.html)."""
    root = tmp_path_factory.mktemp("menu") / "repo"
    write(root / "content/agreements/alpha-2020.md", IN_PARTS)
    write(root / "content/agreements/beta-2021.md", PLAIN)
    write(root / "content/bulletins/2026-12-01-grievances.md", BULLETIN)
    write(root / "site_config/site.yml", f'name: "Test local"\nsite_url: "{PROJECT_SITE}"\n')
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "generator").mkdir()
    shutil.copy(ROOT / "generator/mkdocs_hooks.py", root / "generator/mkdocs_hooks.py")
    (root / "build/docs").mkdir(parents=True)
    with pytest.MonkeyPatch.context() as m:
        m.chdir(root)
        m.setattr(build_module, "CACHE", None)
        m.setattr(serve_state, "SERVE", None)
        m.delenv("CLAUSEBOOK_SITE_URL", raising=False)
        saved = terms_config.current()
        try:
            _build(root, root / "site-memo")
            assert menu.STATS["reused"] > 0 and menu.STATS["rendered"] > 0, menu.STATS  # in effect
            (root / "theme/partials/nav.html").unlink()  # Material's own
            _build(root, root / "site-material")
            assert menu.STATS == {"rendered": 0, "reused": 0} and not menu._MEMO  # cleared, then not used
        finally:
            terms_config.use(saved)
    return root / "site-memo", root / "site-material"


def _build(root: Path, site: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def primary_menu(html: str) -> str:
    """The page's menu: Material's primary <nav>, up to the table of contents' sidebar."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index('md-sidebar--secondary', start)]


PAGES = ["index.html",  # home
         "alpha-2020/index.html",  # an agreement's contents: both parts closed
         "alpha-2020/article-1/index.html", "alpha-2020/article-4/index.html",  # a unit in part A, in part B
         "beta-2021/article-12/index.html",  # a unit of an agreement without parts
         "bulletins/index.html", "bulletins/2026/12/01/2026-12-01-grievances/index.html"]  # a bulletin


@pytest.mark.parametrize("page", PAGES)
def test_the_menu_is_materials_own(sites, page):
    memo, material = sites
    mine, theirs = (memo / page).read_text(encoding="utf-8"), (material / page).read_text(encoding="utf-8")
    assert primary_menu(mine) == primary_menu(theirs)
    assert 'md-nav__item--pruned' in primary_menu(mine)  # closed sections: the memo's case


def test_closed_sections_and_relative_links_are_in_the_menus_compared(sites):
    memo, _ = sites
    menu_b = primary_menu((memo / "alpha-2020/article-4/index.html").read_text(encoding="utf-8"))
    assert re.search(r'md-nav__item--pruned md-nav__item--nested">\s*<a href="\.\./article-1/"', menu_b)  # part A
    assert 'href="../../beta-2021/"' in menu_b  # another agreement, from a unit page
    menu_home = primary_menu((memo / "index.html").read_text(encoding="utf-8"))
    assert 'href="beta-2021/"' in menu_home  # the same item, from the home page


def test_every_page_of_the_site_is_the_same(sites):
    memo, material = sites
    pages = sorted(p.relative_to(memo).as_posix() for p in memo.rglob("*.html"))
    assert set(PAGES) <= set(pages)
    assert pages == sorted(p.relative_to(material).as_posix() for p in material.rglob("*.html"))
    differ = [rel for rel in pages if (memo / rel).read_bytes() != (material / rel).read_bytes()]
    assert differ == []
