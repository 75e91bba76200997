"""The input rules inside a whole build (generator.build.load, without MkDocs): every bad input
shape of issue 12 is one located problem, and the good documents are all there."""
import shutil
from pathlib import Path

from generator.build import load

ROOT = Path(__file__).resolve().parents[2]
GOOD = "---\ntitle: {title}\n{extra}---\nARTICLE 1: DEFINITIONS\n\n1.01 Employee\n\nAn employee is a person.\n"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "site_config", root / "site_config")
    files = {
        "agreements/good.md": GOOD.format(title="Good", extra="term_start: 2024-13-45\nsource_url: https://x.org/a.pdf\n"),
        "agreements/copy.md": GOOD.format(title="Copy", extra="slug: good\n"),
        "agreements/blog.md": GOOD.format(title="Blog", extra="slug: bulletins\n"),
        "agreements/my agreement.md": GOOD.format(title="Spaces", extra=""),
        "agreements/café-2020.md": GOOD.format(title="Accents", extra=""),
        "bulletins/2024-01-01-tuesday.md": "---\ntitle: News\ndate: next tuesday\n---\nSee Article 1.01.\n",
        "bulletins/2024-01-02-ok.md": "---\ntitle: News\ndate: 2024-01-02\nagreement: good\n---\nSee Article 1.01.\n",
    }
    for rel, text in files.items():
        (root / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / rel).write_text(text, encoding="utf-8")
    outside = tmp_path / "secret.md"
    outside.write_text(GOOD.format(title="Secret", extra=""), encoding="utf-8")
    (root / "content" / "agreements" / "secret.md").symlink_to(outside)
    return root


def test_bad_inputs_are_located_and_the_rest_of_the_site_is_built(tmp_path):
    build = load(project(tmp_path))
    assert sorted(d.slug for d in build.documents) == ["2024-01-02-ok", "cafe-2020", "good", "my-agreement"]
    found = {(p.path, p.line, p.level) for p in build.problems}
    assert {
        ("content/agreements/good.md", 3, "error"),  # term_start 2024-13-45
        ("content/agreements/good.md", 4, "warning"),  # source_url
        ("content/agreements/copy.md", 3, "error"),  # the slug of good.md
        ("content/agreements/blog.md", 3, "error"),  # reserved
        ("content/agreements/secret.md", 1, "error"),  # a symlink
        ("content/bulletins/2024-01-01-tuesday.md", 3, "error"),  # not a date
        ("content/agreements/my agreement.md", 1, "warning"),
        ("content/agreements/café-2020.md", 1, "warning"),
    } <= found
    assert not any("Secret" in d.source.meta.title for d in build.documents)
    assert next(d for d in build.documents if d.slug == "good").source.meta.title == "Good"
