"""generator/render/minify.py: our scripts and styles are served without comments, and behave
as written (nothing renamed, strings kept)."""
from __future__ import annotations

from pathlib import Path

from generator.render.minify import minify_assets


def _theme(tmp_path: Path) -> tuple[Path, Path]:
    theme, site = tmp_path / "theme", tmp_path / "site"
    (theme / "assets" / "workers").mkdir(parents=True)
    (site / "assets" / "workers").mkdir(parents=True)
    files = {
        "assets/app.js": "/* A long explanation. */\nvar label = \"/* kept: a string */\"; // why\n"
                         "function share(el) {\n  return label;\n}\n",
        "assets/workers/w.js": "// worker\nvar x = 1;\n",
        "assets/app.css": "/* dark mode */\n.md-typeset .clause {\n  color: red;\n}\n",
        "assets/notes.txt": "/* not a script */\n",
    }
    for name, text in files.items():
        (theme / name).write_text(text, encoding="utf-8")
        (site / name).write_text(text, encoding="utf-8")  # as MkDocs copies them
    return theme, site


def test_scripts_and_styles_lose_comments_but_keep_code_and_strings(tmp_path):
    theme, site = _theme(tmp_path)
    minify_assets(theme, site)
    js = (site / "assets/app.js").read_text(encoding="utf-8")
    assert "long explanation" not in js and "// why" not in js
    assert '"/* kept: a string */"' in js and "function share(el)" in js and "return label" in js
    css = (site / "assets/app.css").read_text(encoding="utf-8")
    assert "dark mode" not in css and ".md-typeset .clause{color:red}" in css
    assert (site / "assets/workers/w.js").read_text(encoding="utf-8").strip() == "var x=1;"


def test_other_files_are_left_as_written(tmp_path):
    theme, site = _theme(tmp_path)
    minify_assets(theme, site)
    assert (site / "assets/notes.txt").read_text(encoding="utf-8") == "/* not a script */\n"


def test_a_second_run_rewrites_nothing(tmp_path):
    """A preview rebuild that did not touch the theme leaves the files (and their times) alone."""
    theme, site = _theme(tmp_path)
    assert len(minify_assets(theme, site)) == 3
    assert minify_assets(theme, site) == []


def test_a_file_not_in_the_site_is_not_created(tmp_path):
    theme, site = _theme(tmp_path)
    (site / "assets/app.js").unlink()
    minify_assets(theme, site)
    assert not (site / "assets/app.js").exists()
