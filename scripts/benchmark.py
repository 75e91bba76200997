"""What a phone downloads and renders, page by page: run by ./scripts/benchmark (not a test).

Serves the built site/ (it builds nothing: run ./scripts/build first) on 127.0.0.1, gzip-
compressed as GitHub Pages serves it, and for the home page, an agreement's home, an article,
a glossary page and a search result, at a 390x844 touch viewport with an empty cache:

* KB transferred (compressed bodies) and requests, up to the load event + 1 s of quiet
* DOM nodes once the page's scripts have run
* Lighthouse's mobile scores (performance, accessibility, best practices, SEO), when the
  lighthouse npm package is installed in scripts/.bench (./scripts/benchmark installs it) and
  Chromium runs it; otherwise "-" and the reason
* for search: everything downloaded from opening the home page to the first result of
  "12.05", and how long that took; and the sizes of the search index files

Prints a Markdown table, to paste into notes/benchmarks.md from release to release.
Options: --site DIR, --no-lighthouse, --chromium PATH, --json.
With --scale, measures instead how build time and memory grow with an agreement's size
(scripts/benchmark_scale.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "scripts" / ".bench" / "node_modules" / ".bin" / "lighthouse"
PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
             device_scale_factor=3)
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
SEARCH_QUERY = "12.05"


# Bytes of body sent per request path (with its query): Chromium reports no sizes for the
# scripts a worker loads (the search worker, the service worker and Workbox show 0 bytes), so
# the table takes those from what the server sent.
SENT: dict[str, int] = {}


class GzipHandler(SimpleHTTPRequestHandler):
    """http.server, plus gzip for text (GitHub Pages compresses them) and HTTP/1.1 keep-alive."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSED and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            SENT[self.path] = len(body)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return _Bytes(body)
        if path.is_file():
            SENT[self.path] = path.stat().st_size
        return super().send_head()

    def log_message(self, *args):
        pass


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def pick_pages(site: Path) -> list[tuple[str, str]]:
    """(label, URL path) of the pages to measure; a glossary only if the site has one."""
    slugs = sorted(p.parent.name for p in site.glob("*/clauses.json"))
    slug = next((s for s in slugs if s.startswith("sooke")), slugs[0] if slugs else "")
    pages = [("home", "")]
    if slug:
        pages.append((f"agreement home ({slug})", f"{slug}/"))
        article = f"{slug}/article-12/" if (site / slug / "article-12").is_dir() else None
        if article is None:
            entries = json.loads((site / slug / "clauses.json").read_text(encoding="utf-8"))
            article = next(e["url"].partition("#")[0] for e in entries if "/article-" in e["url"])
        pages.append((f"article ({article})", article))
        glossary = sorted(site.glob("*/glossary/index.html"))
        if glossary:
            name = glossary[0].parent.parent.name
            pages.append((f"glossary ({name})", f"{name}/glossary/"))
    return pages


# The service worker's own code (its script, Workbox, its runtime), fetched once on a first visit.
WORKER_CODE = re.compile(r"/(sw\.js|workbox-v[^/]+/[^/]+\.js|assets/offline-sw\.js)(\?|$)")


def wire_bytes(request) -> int:
    """Bytes a request cost on the wire, as Chromium reports them, or as the server sent them
    when Chromium reports no body (scripts loaded by workers)."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body <= 0:  # Chromium gives 0, or minus the headers, for a worker's scripts
        body = SENT.get(urlsplit(request.url)._replace(scheme="", netloc="").geturl(), 0)
    return body + max(sizes["responseHeadersSize"], 0)


def measure(browser, url: str) -> dict:
    """One page load, empty cache: the first view (everything the page itself asks for,
    including the service worker's script and its registration) apart from what the service
    worker then fetches in the background to precache the shell (issue 14: the first view must
    stay <= 100 KB gz; the precache is the price of offline reading, paid after the page shows)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    start = time.monotonic()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    own = [r for r in finished if r.service_worker is None]
    worker = [r for r in finished if r.service_worker is not None and WORKER_CODE.search(r.url)]
    background = [r for r in finished if r.service_worker is not None and r not in worker]
    kb = lambda requests: sum(wire_bytes(r) for r in requests) / 1024
    result = {"kb": kb(own), "requests": len(own), "nodes": nodes,
              "worker_kb": kb(worker), "worker_requests": len(worker),
              "precache_kb": kb(background), "precache_requests": len(background),
              "seconds": time.monotonic() - start}
    context.close()
    return result


def measure_search(browser, base: str) -> dict:
    """Open the home page, open search, type SEARCH_QUERY: everything downloaded until the
    first result shows, and the time from tapping search to that result."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    finished = []
    # the service worker's background precache is not what search costs (see measure)
    context.on("requestfinished",
               lambda request: request.service_worker is None and finished.append(request))
    page.goto(base, wait_until="load")
    page.wait_for_timeout(500)
    page_kb = sum(wire_bytes(r) for r in finished) / 1024
    start = time.monotonic()
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator("input.md-search__input")
    field.fill(SEARCH_QUERY)
    field.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=60_000)
    seconds = time.monotonic() - start
    page.wait_for_timeout(300)  # the last keystroke's results
    first = page.evaluate("""() => {
        const links = [...document.querySelector('.md-search-result__item').querySelectorAll('a')];
        const best = links.sort((a, b) => b.firstElementChild.dataset.mdScore - a.firstElementChild.dataset.mdScore)[0];
        return best.querySelector('h1, h2').textContent + ' (' + best.getAttribute('href').replace(/\?[^#]*/, '').replace(location.origin + '/', '') + ')'; }""")
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    total_kb = sum(wire_bytes(r) for r in finished) / 1024
    context.close()
    return {"kb": total_kb, "page_kb": page_kb, "requests": len(finished), "nodes": nodes,
            "seconds": seconds, "first": first}


def lighthouse(url: str, chromium: str) -> dict | str:
    """Lighthouse's mobile category scores (0-100) for url, or why there are none."""
    if not LIGHTHOUSE.exists():
        return "lighthouse not installed (./scripts/benchmark installs it with npm)"
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
               "--only-categories=performance,accessibility,best-practices,seo",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    env = dict(os.environ, CHROME_PATH=chromium)
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    except subprocess.TimeoutExpired:
        return "lighthouse took over 240 s"
    if proc.returncode != 0:
        return "lighthouse failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:160]
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return "lighthouse wrote no JSON report"
    scores = {}
    for key, category in report.get("categories", {}).items():
        score = category.get("score")
        scores[key] = "-" if score is None else round(score * 100)
    audits = report.get("audits", {})
    for audit in ("largest-contentful-paint", "total-blocking-time"):
        if audit in audits and audits[audit].get("numericValue") is not None:
            scores[audit] = round(audits[audit]["numericValue"])
    return scores


def index_sizes(site: Path) -> list[tuple[str, int, int]]:
    """Search files, raw and gzip bytes: each top-level file, and each folder of split pieces
    (search/cb/terms/, search/cb/docs/<agreement>/) as one row with its count and largest piece,
    since a query fetches a few pieces, never a whole folder."""
    out = []
    folders: dict[Path, list[tuple[int, int]]] = {}
    for path in sorted((site / "search").rglob("*.json")):
        data = path.read_bytes()
        sizes = (len(data), len(gzip.compress(data, 6)))
        if path.parent.name in ("search", "cb"):
            out.append((path.relative_to(site).as_posix(), *sizes))
        else:
            folders.setdefault(path.parent, []).append(sizes)
    for folder, sizes in folders.items():
        largest = max(packed for _, packed in sizes)
        name = (f"{folder.relative_to(site).as_posix()}/ ({len(sizes)} pieces, largest "
                f"{largest / 1024:.1f} KB gzip)")
        out.append((name, sum(raw for raw, _ in sizes), sum(packed for _, packed in sizes)))
    return out


def main() -> int:
    if "--scale" in sys.argv[1:]:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import benchmark_scale
        return benchmark_scale.main(sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--chromium", default=os.environ.get("CLAUSEBOOK_CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"benchmark: no built site in {site}: run ./scripts/build first", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists():
        print(f"benchmark: no Chromium at {args.chromium} (set CLAUSEBOOK_CHROMIUM)", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    rows, notes = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium,
                                         args=["--no-sandbox", "--disable-gpu"])
            for label, path in pick_pages(site):
                row = {"page": label, **measure(browser, base + path)}
                row["lighthouse"] = ("skipped (--no-lighthouse)" if args.no_lighthouse
                                     else lighthouse(base + path, args.chromium))
                rows.append(row)
            search = measure_search(browser, base)
            browser.close()
    finally:
        server.shutdown()

    lh_keys = ["performance", "accessibility", "best-practices", "seo"]
    print(f"Clausebook benchmark — {time.strftime('%Y-%m-%d %H:%M')} — {site}")
    print(f"390x844 phone viewport, empty cache, gzip as on GitHub Pages; Chromium {args.chromium}")
    print()
    print("| page | first view KB | requests | + service worker's code KB | = with the worker KB "
          "| worker's precache KB (after load) | DOM nodes "
          "| Lighthouse perf / a11y / best pr. / SEO | LCP ms | TBT ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for row in rows:
        lh = row["lighthouse"]
        if isinstance(lh, dict):
            scores = " / ".join(str(lh.get(k, "-")) for k in lh_keys)
            lcp, tbt = lh.get("largest-contentful-paint", "-"), lh.get("total-blocking-time", "-")
        else:
            scores, lcp, tbt = "-", "-", "-"
            if lh not in notes:
                notes.append(lh)
        print(f"| {row['page']} | {row['kb']:.1f} | {row['requests']} "
              f"| {row['worker_kb']:.1f} ({row['worker_requests']} files) | {row['kb'] + row['worker_kb']:.1f} "
              f"| {row['precache_kb']:.0f} ({row['precache_requests']} files) | {row['nodes']} "
              f"| {scores} | {lcp} | {tbt} |")
    print(f"| search result (home page, then \"{SEARCH_QUERY}\") | {search['kb']:.0f} | {search['requests']} "
          f"| - | - | - | {search['nodes']} | - | - | - |")
    print()
    print(f"Before the first search result a phone downloads {search['kb']:.0f} KB "
          f"({search['page_kb']:.0f} KB for the home page, {search['kb'] - search['page_kb']:.0f} KB "
          f"for search: worker and index); first result {search['seconds']:.1f} s after tapping "
          f"search: {search['first']!r}.")
    print()
    print("| search file | raw KB | gzip KB |")
    print("|---|---:|---:|")
    for name, raw, packed in index_sizes(site):
        print(f"| {name} | {raw / 1024:.0f} | {packed / 1024:.0f} |")
    for note in notes:
        print(f"\nLighthouse: {note}")
    if args.json:
        print(json.dumps({"pages": rows, "search": search,
                          "index": index_sizes(site)}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
