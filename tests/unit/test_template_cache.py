"""The theme's templates compiled once, in build/templates/<key>/ (mkdocs_hooks.template_cache):
a later build loads them instead of compiling, an edited template is compiled again, and an
environment that compiles differently never loads another's code."""
from __future__ import annotations

import jinja2

from generator.mkdocs_hooks import template_cache


def _env(folder, **settings) -> jinja2.Environment:
    """An environment like MkDocs' (a new one every build), counting what it compiles."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), auto_reload=False, **settings)
    env.compiled = []
    compile_ = env.compile
    env.compile = lambda source, name=None, *a, **k: env.compiled.append(name) or compile_(source, name, *a, **k)
    return env


def _render(env, build_dir) -> str:
    env.bytecode_cache = template_cache(env, build_dir)
    return env.get_template("page.html").render(title="Hours")


def test_a_second_build_loads_the_compiled_template_and_renders_the_same(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t/page.html").write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")
    first, second = _env(tmp_path / "t"), _env(tmp_path / "t")
    assert _render(first, tmp_path / "build") == "<h1>Hours</h1>"
    assert _render(second, tmp_path / "build") == "<h1>Hours</h1>"
    assert first.compiled == ["page.html"] and second.compiled == []
    assert len(list((tmp_path / "build/templates").glob("*/*.cache"))) == 1


def test_an_edited_template_is_compiled_again(tmp_path):
    (tmp_path / "t").mkdir()
    page = tmp_path / "t/page.html"
    page.write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")
    _render(_env(tmp_path / "t"), tmp_path / "build")
    page.write_text("<h2>{{ title }}</h2>\n", encoding="utf-8")
    env = _env(tmp_path / "t")
    assert _render(env, tmp_path / "build") == "<h2>Hours</h2>"
    assert env.compiled == ["page.html"]


def test_an_environment_that_compiles_differently_has_its_own_folder(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t/page.html").write_text("{% if title %}\n<h1>{{ title }}</h1>\n{% endif %}\n", encoding="utf-8")
    plain, trimmed = _env(tmp_path / "t"), _env(tmp_path / "t", trim_blocks=True)
    assert _render(plain, tmp_path / "build") == "\n<h1>Hours</h1>\n"
    assert _render(trimmed, tmp_path / "build") == "<h1>Hours</h1>\n"  # not the code compiled above
    assert trimmed.compiled == ["page.html"]
    assert len(list((tmp_path / "build/templates").iterdir())) == 2


def test_no_folder_no_cache(tmp_path):
    (tmp_path / "build").write_text("a file where the folder would be", encoding="utf-8")
    assert template_cache(jinja2.Environment(), tmp_path / "build") is None
