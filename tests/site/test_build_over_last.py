"""A build over the last one writes the agreements' folders in place (generator/kept_folders.py)
and leaves site/ exactly as a build into an empty folder does: a clause, an article and a whole
agreement taken out of the sources leave no file and no folder behind.

A small site is built in this process (as `clausebook build` runs MkDocs), edited, built again
over it, and compared with the same sources built into an empty folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import build as build_module
from generator import serve_state, terms_config
from generator.kept_folders import HOLDING

ROOT = Path(__file__).resolve().parents[2]

AGREEMENT = """---
title: "{title}"
short_title: "{short}"
---
ARTICLE 1 – DEFINITIONS

1.01 "Employee" means a person employed by the Board in the bargaining unit.

1.02 "Union" means the local.

ARTICLE 12 – GRIEVANCE PROCEDURE

12.01 Stewards

The Board recognizes the Union's right to select stewards.

12.05 Settling of Grievance

A grievance not settled at step one goes to step two within ten days.

ARTICLE 14 – SENIORITY

14.01 Seniority is length of service.
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    write(root / "content/agreements/alpha-2020.md", AGREEMENT.format(title="Alpha Agreement", short="Alpha 2020"))
    write(root / "content/agreements/beta-2021.md", AGREEMENT.format(title="Beta Agreement", short="Beta 2021"))
    write(root / "site_config/site.yml", 'name: "Test local"\nsite_url: "https://example.org/clausebook/"\n')  # QR codes
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "generator").mkdir()
    shutil.copy(ROOT / "generator/mkdocs_hooks.py", root / "generator/mkdocs_hooks.py")
    (root / "build/docs").mkdir(parents=True)
    monkeypatch.chdir(root)
    monkeypatch.setattr(build_module, "CACHE", None)
    monkeypatch.setattr(serve_state, "SERVE", None)
    saved = terms_config.current()
    yield root
    terms_config.use(saved)


def clausebook_build(root: Path, site: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def tree(site: Path) -> tuple[dict[str, bytes], list[str]]:
    """({file: bytes}, [folder]) of a built site, relative to it."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    folders = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())
    return files, folders


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_over_the_last_one_is_the_build_into_an_empty_folder(repo):
    site = repo / "site"
    clausebook_build(repo, site)
    assert (site / "alpha-2020/12.05/index.html").is_file() and (site / "beta-2021/14.01/qr.svg").is_file()
    kept = (site / "alpha-2020/1.01/qr.svg").stat().st_ino

    edit(repo / "content/agreements/alpha-2020.md", "12.05 Settling of Grievance\n\nA grievance not settled "
         "at step one goes to step two within ten days.\n", "")  # a clause: its short URL goes
    edit(repo / "content/agreements/alpha-2020.md", "ARTICLE 14 – SENIORITY\n\n14.01 Seniority is length of "
         "service.\n", "")  # an article: its page and short URLs go
    edit(repo / "content/agreements/alpha-2020.md", "select stewards", "choose stewards")
    (repo / "content/agreements/beta-2021.md").unlink()  # a whole agreement
    write(repo / "content/agreements/gamma-2022.md", AGREEMENT.format(title="Gamma Agreement", short="Gamma 2022"))
    clausebook_build(repo, site)
    clausebook_build(repo, repo / "site-empty")

    assert (site / "alpha-2020/1.01/qr.svg").stat().st_ino == kept  # written over in place
    assert not (site / "alpha-2020/12.05").exists() and not (site / "alpha-2020/article-14").exists()
    assert not (site / "beta-2021").exists() and not (site / HOLDING).exists()
    over, fresh = tree(site), tree(repo / "site-empty")
    assert sorted(over[0]) == sorted(fresh[0]) and over[1] == fresh[1]
    assert [rel for rel in sorted(fresh[0]) if over[0][rel] != fresh[0][rel]] == []
