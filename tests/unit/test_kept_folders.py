"""The documents' folders of site/ written over in place (generator/kept_folders.py): set aside
from MkDocs' clean, put back, and what the build did not write deleted; nothing kept when
writing over could be wrong."""
from __future__ import annotations

import os
import time

from mkdocs.utils import clean_directory

from generator.kept_folders import HOLDING, KeptFolders, prune, put_back, set_aside


def _last_build(site):
    """A site as a build leaves it, some time before the next build starts (file times are read
    from a clock that moves in ticks of up to 10 ms): an agreement's folder, and the rest."""
    for rel, text in {"index.html": "home", "assets/a.css": "css", "sooke/index.html": "contents",
                      "sooke/article-12/index.html": "art 12", "sooke/12.05/index.html": "redirect",
                      "sooke/12.05/qr.svg": "qr", "sooke/12.09/index.html": "gone", "sooke/12.09/qr.svg": "gone"}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    time.sleep(0.05)


def _files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_kept_folders_are_written_over_and_what_was_not_written_is_deleted(tmp_path):
    site = tmp_path / "site"
    _last_build(site)
    inode = (site / "sooke/12.05/index.html").stat().st_ino
    kept = KeptFolders()
    set_aside(kept, site, ["sooke", "not-built-before"])
    clean_directory(str(site))  # MkDocs' clean: the hidden holding folder is left alone
    assert os.listdir(site) == [HOLDING]
    put_back(kept)
    assert sorted(os.listdir(site)) == ["sooke"]
    for rel in ("index.html", "sooke/index.html", "sooke/article-12/index.html", "sooke/12.05/index.html",
                "sooke/12.05/qr.svg", "sooke/12.06/index.html"):  # this build's files
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("new")
    assert sorted(prune(kept)) == ["sooke/12.09/index.html", "sooke/12.09/qr.svg"]
    assert _files(site) == ["index.html", "sooke/12.05/index.html", "sooke/12.05/qr.svg", "sooke/12.06/index.html",
                            "sooke/article-12/index.html", "sooke/index.html"]
    assert not (site / "sooke/12.09").exists()  # its folder too
    assert (site / "sooke/12.05/index.html").stat().st_ino == inode  # written over, not made anew


def test_a_file_known_to_be_written_is_never_deleted(tmp_path):
    site = tmp_path / "site"
    _last_build(site)
    kept = KeptFolders()
    set_aside(kept, site, ["sooke"])
    clean_directory(str(site))
    put_back(kept)
    deleted = prune(kept, written={"sooke/12.09/qr.svg"})
    assert "sooke/12.09/qr.svg" not in deleted and (site / "sooke/12.09/qr.svg").is_file()


def test_a_dirty_build_gets_its_folders_back_and_nothing_is_deleted(tmp_path):
    site = tmp_path / "site"
    _last_build(site)
    kept = KeptFolders()
    set_aside(kept, site, ["sooke"])
    put_back(kept)  # no clean: `mkdocs build --dirty`
    assert prune(kept) == []
    assert "sooke/12.09/qr.svg" in _files(site) and not (site / HOLDING).exists()


def test_nothing_is_kept_through_a_symlink_or_a_hard_link(tmp_path):
    for make in (lambda s: (s / "sooke/elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True),
                 lambda s: os.link(s / "sooke/12.05/qr.svg", tmp_path / "backup-qr.svg")):
        site = tmp_path / "site"
        _last_build(site)
        (tmp_path / "outside").mkdir(exist_ok=True)
        make(site)
        time.sleep(0.05)  # a link changes its file's ctime: not what is tested here
        kept = KeptFolders()
        set_aside(kept, site, ["sooke"])
        assert kept.folders == [] and not (site / HOLDING).exists() and (site / "sooke").is_dir()
        clean_directory(str(site))
        (tmp_path / "backup-qr.svg").unlink(missing_ok=True)


def test_nothing_is_kept_when_a_file_is_dated_at_or_after_the_start(tmp_path):
    """A clock set back since the last build: its files' ctimes would not tell this build's apart."""
    from generator.kept_folders import _safe_to_write_over

    site = tmp_path / "site"
    _last_build(site)
    assert _safe_to_write_over(site / "sooke", started_ns=2 ** 62)
    assert not _safe_to_write_over(site / "sooke", started_ns=0)


def test_a_holding_folder_left_by_a_stopped_build_is_deleted(tmp_path):
    site = tmp_path / "site"
    _last_build(site)
    (site / HOLDING / "old/12.01").mkdir(parents=True)
    kept = KeptFolders()
    set_aside(kept, site, [])
    assert not (site / HOLDING).exists()


def test_nothing_is_kept_where_ctime_is_the_creation_time(tmp_path, monkeypatch):
    # On Windows st_ctime does not change when a file is written over, so every kept file would
    # read as not written by this build and be deleted: MkDocs' clean runs as usual there.
    site = tmp_path / "site"
    _last_build(site)
    monkeypatch.setattr(os, "name", "nt")
    kept = KeptFolders()
    set_aside(kept, site, ["sooke"])
    monkeypatch.undo()
    assert kept.folders == [] and not (site / HOLDING).exists()
    assert (site / "sooke/index.html").is_file()  # left where it was, for MkDocs' clean
