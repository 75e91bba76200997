"""Shared test helpers: run the pipeline on a small inline text."""
from pathlib import Path

import pytest

from generator.model import DocMeta, Source
from generator.pipeline import load_document


def make_source(body: str, kind: str = "agreement", slug: str = "test") -> Source:
    return Source(path=Path(f"content/agreements/{slug}.md"), meta=DocMeta(title="Test", slug=slug, kind=kind),
                  body=body, first_line=1)


def parse_text(body: str, kind: str = "agreement"):
    """The Document for an inline body (line 1 of the body is line 1)."""
    return load_document(make_source(body, kind))


def cites(document) -> list[str]:
    return [n.cite for n in document.root.walk() if n.cite]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from the code")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def no_site_terms():
    """The terms passes read the corrections of the latest build (site_config/terms.yml); a
    test of them starts from none and leaves the latest build's as they were."""
    from generator import terms_config

    before = terms_config.current()
    terms_config.use(terms_config.TermsConfig())
    yield
    terms_config.use(before)
