"""Fixtures for the site tests: one real build, one local server, one browser.

- ``built_site``: runs ``python -m generator.cli build`` ONCE per session from the repo
  root (generated Markdown in build/docs/, HTML in site/). A failed build fails every
  test that needs it, with the build's output. For quick iteration on the tests
  alone, ``CLAUSEBOOK_TEST_SITE=/path/to/site`` uses an already built site instead.
- ``site_url``: serves site/ with http.server under a GitHub Pages *project path*,
  http://127.0.0.1:<port>/clausebook/ (or site_url's path), with 404.html for unknown
  pages and a bare 404 outside the path, so any link that escapes the project path
  (``/assets/...``, ``../..``) breaks here as it would on Pages.
- ``browser`` / ``phone``: headless Chromium (``/usr/bin/chromium`` or
  ``$CLAUSEBOOK_CHROMIUM``) with a phone context: 390x844, touch, 3x pixels.
  Requests leaving 127.0.0.1 (web fonts, CDNs) are aborted so the tests are hermetic.
- ``agreements``: {slug: entries of site/<slug>/clauses.json}.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitelib import deployed_path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PATH = "/clausebook"  # like https://<owner>.github.io/clausebook/
PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
             device_scale_factor=3)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
BUILD_TIMEOUT_S = 900


@dataclass
class Build:
    site: Path
    output: str  # combined stdout+stderr of the build ("" if a prebuilt site was used)
    seconds: float


@pytest.fixture(scope="session")
def built_site() -> Build:
    prebuilt = os.environ.get("CLAUSEBOOK_TEST_SITE")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"CLAUSEBOOK_TEST_SITE={prebuilt}: no index.html there")
        return Build(site, "", 0.0)

    cmd = [sys.executable, "-m", "generator.cli", "build"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{' '.join(cmd[1:])}` took over {BUILD_TIMEOUT_S}s:\n{exc.output or ''}")
    seconds = time.monotonic() - start
    output = (proc.stdout or "") + (proc.stderr or "")
    if proc.returncode != 0:
        tail = "\n".join(output.splitlines()[-300:])
        pytest.fail(f"site build failed: `python -m generator.cli build` in {ROOT} "
                    f"exited {proc.returncode}:\n{tail}", pytrace=False)
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        pytest.fail(f"build exited 0 but wrote no {site}/index.html:\n{output}", pytrace=False)
    return Build(site, output, seconds)


@pytest.fixture(scope="session")
def site_dir(built_site: Build) -> Path:
    return built_site.site


@pytest.fixture(scope="session")
def agreements(site_dir: Path) -> dict[str, list[dict]]:
    """{slug: clauses.json entries}, for every site/<slug>/clauses.json."""
    found = {}
    for path in sorted(site_dir.glob("*/clauses.json")):
        found[path.parent.name] = json.loads(path.read_text(encoding="utf-8"))
    if not found:
        pytest.fail(f"no agreement in the built site: no {site_dir}/*/clauses.json")
    return found


# ---------------------------------------------------------------------------- server

class ProjectPathHandler(SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix`` only, as GitHub Pages serves a project site:
    unknown paths inside it get the site's 404.html (status 404), paths outside it a
    bare 404."""

    prefix = PROJECT_PATH

    def do_GET(self):
        if self._in_project():
            super().do_GET()

    def do_HEAD(self):
        if self._in_project():
            super().do_HEAD()

    def _in_project(self) -> bool:
        path = urlsplit(self.path).path
        if path == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix + "/")
            self.end_headers()
            return False
        if not path.startswith(self.prefix + "/"):
            self.send_error(404, f"outside the project path {self.prefix}/")
            return False
        return True

    def translate_path(self, path):
        return super().translate_path(path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file() or not self._path_in_prefix():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _path_in_prefix(self) -> bool:
        return urlsplit(self.path).path.startswith(self.prefix + "/")

    def log_message(self, format, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def project_path(site_dir: Path) -> str:
    """Where the site is served: site_url's path (e.g. '/clausebook') when that is not
    the domain root, else PROJECT_PATH, so a project path is always exercised."""
    path = (deployed_path(site_dir) or "/").rstrip("/")
    return path or PROJECT_PATH


@pytest.fixture(scope="session")
def site_url(site_dir: Path, project_path: str):
    """Base URL of the served site, ending in '/', e.g. http://127.0.0.1:PORT/clausebook/."""
    handler_class = type("Handler", (ProjectPathHandler,), {"prefix": project_path})
    handler = partial(handler_class, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{project_path}/"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    exe = os.environ.get("CLAUSEBOOK_CHROMIUM", "/usr/bin/chromium")
    if not Path(exe).exists():
        pytest.fail(f"no Chromium at {exe}: install Debian's `chromium` (./scripts/test does "
                    "when run as root) or set CLAUSEBOOK_CHROMIUM to a Chrome/Chromium binary",
                    pytrace=False)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Phone:
    """A phone-sized page plus what went wrong on it (uncaught JS errors)."""
    page: object
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, rel_url: str):
        """Load ``rel_url`` (relative to the site root, as in clauses.json)."""
        return self.page.goto(self.base + rel_url, wait_until="load")


_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(**PHONE)
    context.route(_LOCAL, lambda route: route.abort())  # no fonts/CDNs from outside
    page = context.new_page()
    page.set_default_timeout(10_000)
    phone = Phone(page, site_url)
    page.on("pageerror", lambda exc: phone.errors.append(f"{page.url}: {exc}"))
    try:
        yield phone
    finally:
        context.close()
