"""A preview (`clausebook serve`, `mkdocs serve`) registers no service worker; a build does.
The rule lives twice: generator/offline is_preview (no sw.js written) and the head partial
theme/partials/cb-offline.html (no data-sw on the script): both are checked here."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from generator.offline import is_preview

ROOT = Path(__file__).resolve().parents[2]
DEV = SimpleNamespace(host="127.0.0.1", port=8000)


def _partial(site_url: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "theme")))
    env.filters["url"] = lambda value: value
    config = SimpleNamespace(site_url=site_url, dev_addr=DEV)
    return env.get_template("partials/cb-offline.html").render(config=config)


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/clausebook/"])
def test_a_preview_registers_no_worker(site_url):
    assert is_preview(site_url, DEV)
    html = _partial(site_url)
    assert "data-sw" not in html
    assert 'rel="manifest"' in html  # still installable-looking, but never cached


@pytest.mark.parametrize("site_url", ["https://example.github.io/clausebook/", "", "http://127.0.0.1:9000/"])
def test_a_build_registers_the_worker(site_url):
    assert not is_preview(site_url, DEV)
    assert 'data-sw="sw.js"' in _partial(site_url)


def test_serve_writes_no_worker(tmp_path):
    """write_offline with MkDocs' serve config: manifest and icons, no sw.js, no lists."""
    from generator.offline import write_offline
    from generator.site_config import SiteConfig

    build = SimpleNamespace(config=SiteConfig(name="N"), documents=[], problems=[])
    (tmp_path / "workbox-v7.4.1").mkdir()
    write_offline(build, SimpleNamespace(site_url="http://127.0.0.1:8000/", dev_addr=DEV), tmp_path)
    assert (tmp_path / "manifest.webmanifest").is_file()
    assert not (tmp_path / "sw.js").exists() and not (tmp_path / "offline").exists()
    assert build.problems == []
