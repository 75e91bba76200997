"""Property: whatever YAML a volunteer (or a stranger) writes in the front matter, reading the
file never raises; it gives a Source with clean metadata, or no Source and a located error."""
import os
import re
from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Source
from generator.sources import FOLDER_KINDS, check_source

KEYS = ["title", "slug", "short_title", "employer", "union", "local", "term_start", "term_end", "status",
        "source_pdf", "date", "agreement", "tags", "hints", "source_url", "colour"]
HINT_KEYS = ["starts", "parts", "external_articles", "numbering", "ends"]
NUMBERING_KEYS = ["units", "clauses", "levels", "style"]
HOSTILE = ["<script>alert(1)</script>", "javascript:alert(1)", "\n---\n<b>x</b>", "2024-13-45", "next tuesday",
           "'\"); alert(1)//", "https://x.org/a b\")", "\x00\x1b[31m\x7f", "\u0093quote\u0094", "café É.1",
           "bulletins", "../../etc/passwd", "{{ 7*7 }}", "{: onclick=alert(1) }", "\u202eevil", "- [a]",
           "prefixed", "(a)", "Article", "current", "2020-02-29", "mailto:a@b.org", "&a", "*a", "~", ""]
scalars = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), st.integers(), st.floats(allow_nan=True),
                    st.booleans(), st.none(), st.dates(min_value=date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
numbering = st.dictionaries(st.sampled_from(NUMBERING_KEYS), values, max_size=4)
hints = st.one_of(values, st.dictionaries(st.sampled_from(HINT_KEYS),
                                          st.one_of(values, numbering), max_size=5))
front_matter = st.dictionaries(st.sampled_from(KEYS), values, max_size=10).flatmap(
    lambda d: st.just(d) if "hints" not in d else hints.map(lambda h: {**d, "hints": h}))
raw_lines = st.lists(st.tuples(st.sampled_from(KEYS), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))),
                     max_size=6).map(lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs))
ONE_LINE = ("title", "short_title", "employer", "union", "local", "agreement")


@settings(max_examples=int(os.environ.get("CLAUSEBOOK_HYPOTHESIS_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(FOLDER_KINDS.values())),
       header=st.one_of(front_matter.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), raw_lines),
       body=st.sampled_from(["ARTICLE 1: X\n", "", "text \x00 <script>\n"]))
def test_reading_any_front_matter_never_raises_and_every_problem_is_located(tmp_path, kind, header, body):
    path = tmp_path / "content" / "agreements" / "doc.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"---\n{header}---\n{body}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    read = check_source(path, kind, tmp_path)  # must not raise
    total_lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))  # a lone CR ends a line
    for problem in read.problems:
        assert problem.path == "content/agreements/doc.md"
        assert 1 <= problem.line <= total_lines, (problem, text)
        assert problem.message and "\n" not in str(problem) and problem.level in ("warning", "error")
    if read.source is None:
        assert any(p.level == "error" for p in read.problems), text
        return
    assert isinstance(read.source, Source)
    meta = read.source.meta
    for key in ONE_LINE:
        assert not re.search(r"[\x00-\x1f\x7f]", getattr(meta, key)), (key, getattr(meta, key))
    assert meta.title.strip() and re.fullmatch(r"[a-z0-9][a-z0-9-]*", meta.slug)
    for key in ("term_start", "term_end", "date"):
        value = getattr(meta, key)
        assert value == "" or date.fromisoformat(value).isoformat() == value
    assert meta.status in ("", "current", "expired")
    assert meta.source_pdf == "" or re.fullmatch(r"(https?|mailto):[^\s'\"()<>\\`]+", meta.source_pdf, re.I)
    assert all(isinstance(t, str) and t and "\n" not in t for t in meta.tags)
    hints = meta.hints
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in {**hints.starts, **hints.parts}.items())
    assert hints.numbering.clauses in (None, "prefixed", "restarting", "continuous")
    assert all(isinstance(x, str) for x in hints.numbering.units + hints.numbering.levels)


CONFIG_KEYS = ["name", "description", "site_url", "repo_url", "local", "url", "aliases", "add", "suppress",
               "scope", "term", "cite", "definition", "theme"]
config_values = st.recursive(st.one_of(scalars, st.sampled_from(CONFIG_KEYS)),
                             lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.sampled_from(CONFIG_KEYS + ["x"]), inner,
                                                                     max_size=4)),
                             max_leaves=16)


@settings(max_examples=int(os.environ.get("CLAUSEBOOK_HYPOTHESIS_EXAMPLES", "300")) // 2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=config_values)
def test_reading_any_site_config_never_raises_and_addresses_stay_web_addresses(tmp_path, data):
    from generator import terms_config
    from generator.site_config import load_site_config
    from generator.statutes import load_statutes
    folder = tmp_path / "site_config"
    folder.mkdir(exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True)
    for name in ("site.yml", "statutes.yml", "terms.yml"):
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    before = terms_config.current()
    try:
        config, problems = load_site_config(folder)
    finally:
        terms_config.use(before)
    statutes, statute_problems = load_statutes(folder)
    for problem in problems + statute_problems:
        assert problem.line >= 1 and "\n" not in str(problem)
    for url in [config.site_url, config.repo_url]:
        assert url == "" or re.fullmatch(r"https?://[^\s'\"()<>\\`]+", url, re.I), url
    for url in statutes.urls.values():
        assert re.fullmatch(r"(https?|mailto):[^\s'\"()<>\\`]+", url, re.I), url
    assert "\n" not in config.name
