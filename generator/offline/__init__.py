"""Offline reading and installing (issue 14): the manifest, icons, service worker and the
per-agreement offline lists, written into the built site after everything else.

`clausebook build` writes all of it. A preview (`clausebook serve`, `mkdocs serve`) writes the
manifest and icons only, and its pages carry no worker to register (theme/partials/cb-offline.html
makes the same decision as `is_preview`), so a preview is never cached by a worker.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from ..render.escape import json_text
from .icons import FAVICON, ICONS, draw, hex_rgb
from .lists import agreement_list, revision, search_pieces, shell
from .manifest import THEME_COLOUR, manifest_text

STRUCTURED = ("agreement", "bylaws")
RUNTIME = "assets/offline-sw.js"  # the worker's own code (theme/assets/), imported by sw.js


def is_preview(site_url: str, dev_addr) -> bool:
    """True inside `mkdocs serve`: MkDocs sets site_url to the preview's own address,
    http://<dev_addr>/ (plus the project path), before it builds."""
    if not site_url or dev_addr is None:
        return False
    return site_url.startswith(f"http://{dev_addr.host}:{dev_addr.port}/")


def write_offline(build, config, site_dir: Path, known: Mapping[str, bytes] | None = None) -> None:
    """Write manifest.webmanifest and icons/ always; sw.js and offline/<slug>.json in a build.
    A failure is a located problem in the report (`--strict` fails); the site is still built.
    `known`: files this build wrote, {path relative to the site: bytes}, not read back."""
    try:
        _write(build, config, site_dir, known)
    except Exception as err:  # noqa: BLE001 - offline reading never stops the site
        from ..pipeline import crash_problem
        build.problems.append(crash_problem("site/sw.js", "render", err))


def _write(build, config, site_dir: Path, known: Mapping[str, bytes] | None) -> None:
    site = build.config
    (site_dir / "manifest.webmanifest").write_text(
        manifest_text(site.name, getattr(site, "short_name", ""), site.description), encoding="utf-8")
    icons = site_dir / "icons"
    icons.mkdir(exist_ok=True)
    for icon in (*ICONS, FAVICON):
        (icons / icon.name).write_bytes(draw(icon.size, icon.purpose, hex_rgb(THEME_COLOUR)))
    if is_preview(config.site_url or "", config.dev_addr):
        return
    write_worker(site_dir, [(d.slug, d.source.meta.short_title or d.source.meta.title)
                            for d in build.documents if d.source.meta.kind in STRUCTURED
                            and (site_dir / d.slug / "index.html").is_file()], known)


def write_worker(site_dir: Path, agreements: list[tuple[str, str]],
                 known: Mapping[str, bytes] | None = None) -> None:
    """site/offline/<slug>.json for each agreement, then site/sw.js naming them and the shell;
    `known` as in lists.agreement_list."""
    shared, pieces = search_pieces(site_dir)
    folder = site_dir / "offline"
    folder.mkdir(exist_ok=True)
    summary = {}
    for slug, title in agreements:
        listed = agreement_list(site_dir, slug, title, pieces, known)
        text = json_text(listed.to_json(), compact=True)
        (folder / f"{slug}.json").write_text(text, encoding="utf-8")
        summary[slug] = {"bytes": listed.bytes, "revision": hashlib.md5(text.encode()).hexdigest()[:12]}
    precache = shell(site_dir) + [{"url": u, "revision": revision(site_dir / u)}
                                  for u in shared if (site_dir / u).is_file()]
    workbox = sorted(p.name for p in site_dir.glob("workbox-v*") if p.is_dir())
    if not workbox or not (site_dir / RUNTIME).is_file():
        return  # no vendored Workbox in the theme: no worker, the site works as before
    data = {"workbox": workbox[-1] + "/", "precache": precache, "agreements": summary}
    bundle = write_workbox_bundle(site_dir / workbox[-1])
    runtime = f"{RUNTIME}?v={revision(site_dir / RUNTIME)}"
    (site_dir / "sw.js").write_text(
        "/* Clausebook's service worker, written by `clausebook build` (generator/offline/). */\n"
        f"self.CLAUSEBOOK = {json_text(data, compact=True)};\n"
        f"importScripts({json_text(data['workbox'] + bundle)}, {json_text(runtime)});\n",
        encoding="utf-8")


# The Workbox modules the worker uses, each after those it needs (every module reads
# self.workbox.core; precaching also reads routing and strategies).
WORKBOX_MODULES = ("core", "routing", "strategies", "precaching", "cacheable-response")
WORKBOX_BUNDLE = "workbox-clausebook.js"


def write_workbox_bundle(folder: Path) -> str:
    """One file of the vendored Workbox modules, in order; its name, relative to folder.

    Workbox's .prod builds attach themselves to self.workbox, so one file of them in order does
    what workbox-sw's loader does with five importScripts: the worker starts with one request
    (and ~2 KB gzip less on a member's first visit) instead of six."""
    parts = [(folder / f"workbox-{name}.prod.js").read_text(encoding="utf-8").rstrip() + "\n"
             for name in WORKBOX_MODULES]
    text = "".join(parts)
    target = folder / WORKBOX_BUNDLE
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return WORKBOX_BUNDLE
