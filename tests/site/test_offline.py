"""The built site is installable and carries its offline lists (issue 14): manifest, icons,
link rel=manifest on every page, sw.js with the vendored Workbox, offline/<slug>.json."""

from __future__ import annotations

import json
import struct
from urllib.parse import urljoin

from sitelib import load_page, page_url


def test_manifest_is_valid_and_its_icons_exist_at_their_sizes(site_dir):
    data = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert data["name"] and data["short_name"] and data["display"] == "standalone"
    base = "https://owner.github.io/repo/manifest.webmanifest"  # a project path
    scope, start = urljoin(base, data["scope"]), urljoin(base, data["start_url"])
    assert scope == "https://owner.github.io/repo/" and start.startswith(scope)
    seen = set()
    for icon in data["icons"]:
        png = (site_dir / icon["src"]).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", icon["src"]
        width, height = struct.unpack(">II", png[16:24])
        assert icon["sizes"] == f"{width}x{height}", icon["src"]
        seen.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= seen


def test_every_page_links_the_manifest_and_names_the_worker(site_dir):
    # short-URL redirect pages are not site pages (they carry no theme); their head names the
    # redirect, after the link-preview tags, so the whole head is read
    pages = [p for p in site_dir.rglob("index.html")
             if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8").partition("</head>")[0]]
    assert pages
    for file in pages:
        tags = load_page(file).tags
        links = [a["href"] for t, a in tags if t == "link" and a.get("rel") == "manifest"]
        url = page_url(site_dir, file)
        assert links and urljoin("http://x/r/" + url, links[0]) == "http://x/r/manifest.webmanifest", url
        scripts = [a for t, a in tags if t == "script" and (a.get("src") or "").endswith("assets/offline.js")]
        assert scripts and urljoin("http://x/r/" + url, scripts[0]["data-sw"]) == "http://x/r/sw.js", url


def test_the_worker_uses_the_vendored_workbox_and_names_every_agreement(site_dir, agreements):
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    folder = next(site_dir.glob("workbox-v*"))
    assert f'importScripts("{folder.name}/workbox-clausebook.js"' in sw
    assert (folder / "LICENSE").is_file()
    # the one Workbox file is the vendored modules, each after the ones it reads
    bundle = (folder / "workbox-clausebook.js").read_text(encoding="utf-8")
    starts = [bundle.index((folder / f"workbox-{m}.prod.js").read_text(encoding="utf-8").strip())
              for m in ("core", "routing", "strategies", "precaching", "cacheable-response")]
    assert starts == sorted(starts) and starts[0] == 0
    data = json.loads(sw.split("self.CLAUSEBOOK = ", 1)[1].split(";\n", 1)[0])
    assert set(agreements) <= set(data["agreements"])
    for entry in data["precache"]:
        assert (site_dir / entry["url"]).is_file(), entry["url"]


def test_each_agreement_list_covers_its_pages_short_urls_and_search(site_dir, agreements):
    for slug, entries in agreements.items():
        listed = json.loads((site_dir / "offline" / f"{slug}.json").read_text(encoding="utf-8"))
        urls = {u for u, _, _ in listed["files"]}
        assert listed["bytes"] == sum(size for _, _, size in listed["files"])
        for entry in entries:
            page = entry["url"].split("#")[0]
            assert page in urls, f"{slug}: {page} is not saved with the agreement"
            short = entry["short_url"][len(slug) + 1:]
            if entry["short_url"] != page:
                assert short in listed["redirects"] or entry["short_url"] in urls, entry["short_url"]
        assert any(u.startswith("search/") for u in urls), f"{slug}: no search pieces"


def test_clausebook_serve_pages_register_no_worker(tmp_path):
    """`clausebook serve` (a live preview): its pages carry no worker to register, and it
    writes no sw.js, so nothing caches the preview."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        base, html, deadline = None, None, time.monotonic() + 240
        while html is None:
            assert proc.poll() is None and time.monotonic() < deadline, "clausebook serve did not start"
            for path in ("/", "/clausebook/"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                        base, html = f"http://127.0.0.1:{port}{path}", r.read().decode()
                        break
                except (urllib.error.URLError, OSError):
                    continue
            time.sleep(1)
        assert "assets/offline.js" in html and 'rel="manifest"' in html
        assert "data-sw" not in html, "a preview page would register a service worker"
        try:
            urllib.request.urlopen(base + "sw.js", timeout=5)
            raise AssertionError("the preview serves a sw.js")
        except urllib.error.HTTPError as err:
            assert err.code == 404
    finally:
        proc.terminate()
        proc.wait(timeout=30)
