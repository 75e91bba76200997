"""Minify Clausebook's own scripts and styles in the built site (theme/assets/**/*.js, *.css).

Every page loads clausebook.js, clausebook.css, terms.js, terms.css, offline.js and the search
worker; written for people to read, their comments were ~10 KB gzip of each first view
(issue 14: a first view <= 100 KB gzip). rjsmin and rcssmin (PyPI) only remove comments and
whitespace: they rename nothing, so the minified code behaves as the readable source in
theme/assets, which stays the one to edit. Material's own assets are already minified and the
vendored Workbox files are its .prod builds; neither is touched.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(theme_dir: Path, site_dir: Path) -> list[Path]:
    """Write the minified form of each of theme_dir/assets' scripts and styles over its copy in
    site_dir; returns the files rewritten (none when each copy is already its minified form,
    as in a preview rebuild that did not touch the theme)."""
    written = []
    for source in sorted((theme_dir / "assets").rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = site_dir / source.relative_to(theme_dir)
        if minify is None or not target.is_file():
            continue
        text = minify(source.read_text(encoding="utf-8")).strip() + "\n"
        if target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written
