"""`clausebook build` rewrites the documents' folders of site/ in place instead of deleting them.

MkDocs starts a build by deleting everything in site/ (its "clean"), and the build then makes
every file again: ~6,500 of them and ~3,300 folders are the agreements' own (site/<slug>/: the
unit pages, one folder per short URL with its redirect page and QR code). Making a file anew
costs the kernel several times what writing over an existing one does (0.7-3 CPU s of system
time for a build on the development machine, against ~0.4). So the folders of this build's
agreements and bylaws are set aside from the clean (into site/.clausebook-kept/, which MkDocs
leaves alone as it does every hidden entry), put back before anything is written, and after the
build has written its files every file in them that this build did not write is deleted, with
the folders left empty: the same site as after MkDocs' clean, file for file.

"Written by this build" is read from the file's ctime (changed by every write, and by nothing a
user does without writing): the holding folder is made when the build starts, so a file of this
build has a ctime at or after it and a file of the last build one before it. Nothing is kept
(MkDocs deletes it as usual) when that reading could be wrong or writing over could reach
outside the site: a kept file already dated at or after the start (a clock set back), a
symbolic link, or a file with other hard links (a backup made with `cp -al`). Only `clausebook
build` keeps folders: a preview (serve) builds dirty, and a build that finds site/ was not
cleaned (`mkdocs build --dirty`) puts the folders back and deletes nothing. Only on POSIX systems: on
Windows st_ctime is a file's creation time, which a write over it does not change, so every kept
file would read as not written and be deleted; there MkDocs' clean runs as usual.
"""
from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

HOLDING = ".clausebook-kept"  # hidden: mkdocs.utils.clean_directory skips names starting with "."


@dataclass
class KeptFolders:
    """The folders set aside from this build's clean, and when the build started (a ctime)."""

    site_dir: Path | None = None
    folders: list[str] = field(default_factory=list)  # "sooke-2006", relative to site_dir
    started_ns: int = 0
    pruning: bool = False  # put back after MkDocs' clean: prune() deletes what was not written

    def reset(self) -> None:
        self.site_dir, self.folders, self.started_ns, self.pruning = None, [], 0, False


def set_aside(kept: KeptFolders, site_dir: Path, folders: list[str]) -> None:
    """Move each existing site_dir/<folder> into the holding folder, before MkDocs' clean; a
    holding folder left by a build that stopped half-way is deleted first (its site is gone).
    On any failure the holding folder is deleted with what it holds: MkDocs' clean would have."""
    kept.reset()
    holding = site_dir / HOLDING
    shutil.rmtree(holding, ignore_errors=True)
    if os.name != "posix":
        return  # st_ctime is the creation time there (module docstring): nothing is kept
    present = [f for f in folders if f and "/" not in f and not f.startswith(".")
               and (site_dir / f).is_dir() and not (site_dir / f).is_symlink()]
    if not present:
        return
    try:
        holding.mkdir()
        started = holding.stat().st_ctime_ns
        if all(_safe_to_write_over(site_dir / f, started) for f in present):
            for folder in present:
                os.rename(site_dir / folder, holding / folder)
                kept.folders.append(folder)
            kept.site_dir, kept.started_ns = site_dir, started
            return
    except OSError:
        pass
    kept.reset()
    shutil.rmtree(holding, ignore_errors=True)  # nothing kept: MkDocs deletes them as usual


def _safe_to_write_over(folder: Path, started_ns: int) -> bool:
    """True when every file under folder is a plain file of its own (one link), dated before the
    build started, and no entry is a symbolic link: writing over it changes only this file, and
    its ctime tells whether this build wrote it."""
    for entry in _entries(str(folder)):
        if entry.is_symlink():
            return False
        if not entry.is_dir(follow_symlinks=False):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or info.st_ctime_ns >= started_ns:
                return False
    return True


def _entries(folder: str):
    """Every entry under folder, each folder's entries before those of its subfolders; symbolic
    links are not followed. One directory listing per folder, no stat for a folder."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    yield from entries
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _entries(entry.path)


def put_back(kept: KeptFolders) -> None:
    """After MkDocs' clean, before anything is written: the folders go back in their place. If
    site/ was not cleaned (a dirty build) they go back too, and prune() will delete nothing. A
    folder that cannot go back is deleted (the build makes it anew), and so is the holding folder."""
    if kept.site_dir is None:
        return
    site_dir, holding = kept.site_dir, kept.site_dir / HOLDING
    try:
        kept.pruning = not any(not name.startswith(".") for name in os.listdir(site_dir))
        for folder in list(kept.folders):
            try:
                os.rename(holding / folder, site_dir / folder)
            except OSError:  # something is in its place already: it is made anew, as before
                kept.folders.remove(folder)
    finally:
        shutil.rmtree(holding, ignore_errors=True)
    if not kept.pruning:
        kept.reset()


def prune(kept: KeptFolders, written: Container[str] = ()) -> list[str]:
    """After every file of the build is written in the kept folders: delete the files this build
    did not write (ctime before the start; never one of `written`, the paths relative to site/
    this build is known to have written) and then the folders left empty. Returns the files
    deleted, relative to site/ (a short URL that is gone: "sooke-2006/12.09/index.html")."""
    if not kept.pruning or kept.site_dir is None:
        return []
    deleted: list[str] = []
    for folder in kept.folders:
        _prune_folder(kept.site_dir, folder, kept.started_ns, written, deleted)
    kept.reset()
    return deleted


def _prune_folder(site_dir: Path, folder: str, started_ns: int, written: Container[str], deleted: list[str]) -> bool:
    """Prune site_dir/folder (relative, "sooke-2006/12.09"); True when it was left empty and removed."""
    path = os.path.join(site_dir, folder)
    with os.scandir(path) as listing:
        entries = list(listing)
    left = len(entries)
    for entry in entries:
        rel = f"{folder}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            left -= _prune_folder(site_dir, rel, started_ns, written, deleted)
        elif entry.stat(follow_symlinks=False).st_ctime_ns < started_ns and rel not in written:
            os.unlink(entry.path)  # a file of an earlier build that this one did not write
            deleted.append(rel)
            left -= 1
    if left:
        return False
    os.rmdir(path)  # a short URL that is gone: nothing left in its folder
    return True
