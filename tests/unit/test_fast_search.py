"""The search index's shortcuts read and count exactly as before: clause texts read without
html.parser when the article is plain markup (render/search.py), the word trimmer's fast path
and word counts (render/search_terms.py), a term's encoding and its JSON length (search_split.py)."""
import re

import pytest

from generator.render.search import ClauseText, _read_plain, clause_texts
from generator.render.search_terms import EDGE, _is_word, words


def by_html_parser(article: str) -> dict[str, str]:
    parser = ClauseText()
    parser.feed(article)
    parser.close()
    return parser.result()


def by_plain_reader(article: str) -> dict[str, str] | None:
    return _read_plain(article)


PLAIN = [
    # a heading clause owns what follows it; a div clause its own text, not its sub-clauses'
    '<h2 id="cl-1" class="clause" data-cite="1">1 Title</h2><p>Text &amp; more &lt;b&gt; &#8212; x</p>'
    '<div class="clause cb-depth-2" id="cl-1-a" data-cite="1.a"><p><span class="cb-num">a)</span> Sub</p>'
    '<div class="clause" id="cl-1-a-i"><p>Deeper</p></div> tail</div><p>After</p>',
    # skipped markup: helper classes, hidden, aria-hidden, tooltips, a button; a comment; br
    '<H2 ID="cl-2" CLASS="clause">Two</H2><p class="cb-refby">Referenced by <a href="x/">3</a></p>'
    '<p>Kept<br>line<br/>two<!-- a note --></p><span hidden>no</span><span aria-hidden="true">no</span>'
    '<span role="tooltip">no</span><button>no</button><p data-x="a &quot;q&quot; &amp; b">yes</p>',
    # a clause heading inside a container, an empty attribute, a self-closed non-void element
    '<div><h3 class="clause" id="cl-3">Three</h3>Owned <em>text</em><div class="x"/>more</div>'
    '<p class="">Not a clause</p><h4 class="clause" id="">no id</h4><p>still three</p>',
    # text only, and entities at the end
    "Nothing but text &amp; an entity at the end &#169;",
    # an end tag closing elements left open: a heading inside them no longer hides what follows
    '<div class="clause" id="cl-o"><div><h2 class="clause" id="cl-h">Heading<span>x</div>after</div>',
    # a skipped block still separates the words on either side of it
    '<div class="clause" id="cl-s">before<p hidden>gone</p>after<span hidden>gone</span>joined'
    '<p hidden/>apart</div>',
    # a self-closed clause heading takes its container; a self-closed div clause owns nothing
    '<div class="clause" id="cl-p">own<h3 class="clause" id="cl-q"/>taken<div class="clause" id="cl-r"/>too</div>',
]


@pytest.mark.parametrize("article", PLAIN)
def test_plain_markup_is_read_as_html_parser_reads_it(article):
    assert by_plain_reader(article) == by_html_parser(article)


@pytest.mark.parametrize("article", [
    "<p>a</p><script>if (a < b) { x = '<p class=\"clause\" id=\"x\">' }</script><p>b</p>",
    "<p class='single'>quoted</p>",
    "<p class=bare>value</p>",
    "<p>a stray < here</p>",
    "<p>a comment <!-- with <b> inside --></p>",
    "<p>an end tag with attributes</p class=\"x\">",
    "<style>p { content: '<div>' }</style>",
])
def test_other_markup_is_left_to_html_parser(article):
    assert by_plain_reader(article) is None
    assert clause_texts(article) == by_html_parser(article)


def test_a_built_pages_article_is_read_from_its_article_element():
    page = ('<html><body><nav><p class="clause" id="nav">menu</p></nav><article class="md-content__inner md-typeset">'
            '<h2 class="clause" id="cl-1">1</h2><p>Own text</p></article><footer>f</footer></body></html>')
    assert clause_texts(page) == {"cl-1": "Own text"}


def test_word_characters_are_those_of_re():
    r"""_is_word(c) is re's \w for every character: the trimmer's fast path skips EDGE.sub only
    for a word that starts and ends with one."""
    word = re.compile(r"\w")
    assert [cp for cp in range(0x110000) if _is_word(chr(cp)) != bool(word.match(chr(cp)))] == []


@pytest.mark.parametrize("text", ["The Employee's (overtime) 12.05 — “quoted” _under_ 'single' café… ¶x",
                                  "a.b. c… (d) [e] -f- ‘g’ «h» 1/2 x_y ½"])
def test_words_are_trimmed_as_before(text):
    from generator.render.search_terms import SEPARATOR, STOP_WORDS

    before = [w for w in (EDGE.sub("", raw) for raw in SEPARATOR.split(text.lower()) if raw)
              if w and w not in STOP_WORDS]
    assert words(text) == before


def encode_as_before(entries: dict[int, int]) -> list[list[int]]:
    """search_split.encode as it was written first: sort by weight, keep the best, sort by id."""
    from generator.render.search_split import MAX_POSTINGS

    best = sorted(entries.items(), key=lambda kv: -kv[1])[:MAX_POSTINGS]
    best.sort()
    ids, weights, last = [], [], 0
    for ident, weight in best:
        ids.append(ident - last)
        weights.append(weight)
        last = ident
    return [ids, weights]


def postings_samples():
    """Postings as search_split.postings makes them (ids ascending, weights >= 1), small and
    past MAX_POSTINGS, with many equal weights (the ties the cut must keep in id order)."""
    import random

    from generator.render.search_split import MAX_POSTINGS

    rng = random.Random(13)
    samples = [{0: 1}, {5: 100, 6: 90}, {i: 7 for i in range(MAX_POSTINGS + 40)}]
    for size in (1, 2, 50, MAX_POSTINGS, MAX_POSTINGS + 1, 3 * MAX_POSTINGS):
        ids = sorted(rng.sample(range(40_000), size))
        samples.append({i: rng.choice([1, 2, 9, 10, 99, 100, 12345]) for i in ids})
    return samples


@pytest.mark.parametrize("entries", postings_samples())
def test_a_term_is_encoded_as_before(entries):
    from generator.render.search_split import encode

    assert encode(entries) == encode_as_before(entries)


@pytest.mark.parametrize("entries", postings_samples())
def test_an_encoded_terms_json_length_is_counted_without_writing_it(entries):
    from generator.render.escape import json_text
    from generator.render.search_split import encode, json_length

    item = encode(entries)
    assert json_length(item) == len(json_text(item, compact=True))


@pytest.mark.parametrize("text", ["The Employee's (overtime) 12.05 — “quoted” _under_ 'single' café… ¶x",
                                  "a.b. c… (d) [e] -f- ‘g’ «h» 1/2 x_y ½ overtime Overtime (overtime) the the",
                                  "", "   ", "— the of —"])
def test_word_counts_are_the_counted_words(text):
    from collections import Counter

    from generator.render.search_terms import count_words

    counts = {"overtime": 2}  # counts are added to what is there (a title's words to its text's)
    count_words(text, 5, counts)
    expected = Counter({"overtime": 2})
    for word in words(text):
        expected[word] += 5
    assert counts == dict(expected)



# ------------------------------------------------------------------ any plain markup, generated

CONTAINERS = ["div", "DIV", "section", "details", "li", "td", "p", "blockquote"]
INLINE = ["span", "a", "strong", "em", "SPAN", "code"]
SKIPPED = ['class="cb-refby"', 'class="x cb-tooltip"', 'hidden', 'hidden="hidden"', 'aria-hidden="true"',
           'role="tooltip"', 'CLASS="cb-doc"']
KEPT = ['class="cb-defterm" role="button"', 'aria-hidden="false"', 'class="cb-xref" href="#cl-1"',
        'data-x="a &quot;q&quot; &amp; b"', 'title="x"', 'class=""']
IDS = ["cl-1", "cl-2", "cl-1-a", "cl-&amp;x", "cl 3", "Cl-1", "", "cl-1"]  # repeated, empty, escaped
TEXTS = ["Text", " ", "\n", "word", "&amp;", "&lt;b&gt;", "&#169;", "&#x41;", "&amp", "&notin;", "&not",
         "AT&amp;T", "a\u00a0b", "\t", "&quot;q&quot;", "12.05", "é", "&#0;", "&#xD800;", "&", "x&am", "p;y"]


def _element(draw, depth: int) -> str:
    """A piece of an article: text, a clause (a div, or a heading owning what follows it), a
    block or inline element kept or skipped, a void or self-closed tag, a comment, a stray end
    tag; an element's end tag is sometimes missing (html.parser closes it at the next end tag
    of an element open outside it)."""
    from hypothesis import strategies as st

    kind = draw(st.sampled_from(["text", "text", "text", "clause", "heading", "block", "inline", "skipped",
                                 "void", "comment", "stray"] if depth < 4 else ["text", "void", "stray"]))
    if kind == "text":
        return draw(st.sampled_from(TEXTS))
    if kind == "void":
        return draw(st.sampled_from(["<br>", "<BR/>", "<img alt=\"x\">", "<hr/>", "<p/>", "<span/>",
                                     '<h2 class="clause" id="cl-9"/>', '<div class="clause" id="cl-8"/>']))
    if kind == "comment":
        return "<!-- a note -->"
    if kind == "stray":
        return f"</{draw(st.sampled_from(CONTAINERS + INLINE + ['h2', 'br', 'article']))}>"
    if kind == "heading":
        level = draw(st.sampled_from(["h1", "h2", "H3", "h4"]))
        ident = draw(st.sampled_from(IDS))
        inner = "".join(_element(draw, depth + 1) for _ in range(draw(st.integers(0, 2))))
        closing = "" if draw(st.integers(0, 4)) == 0 else f"</{level}>"
        return f'<{level} class="clause" id="{ident}">{inner}{closing}'
    if kind == "clause":
        tag = draw(st.sampled_from(["div", "DIV", "section", "span", "p"]))
        opening = f'<{tag} class="clause cb-depth-2" id="{draw(st.sampled_from(IDS))}">'
    else:
        tag = draw(st.sampled_from(CONTAINERS if kind == "block" else INLINE + CONTAINERS))
        attrs = draw(st.sampled_from(SKIPPED if kind == "skipped" else KEPT + [""]))
        opening = f"<{tag} {attrs}>" if attrs else f"<{tag}>"
    inner = "".join(_element(draw, depth + 1) for _ in range(draw(st.integers(0, 4))))
    closing = "" if draw(st.integers(0, 9)) == 0 else f"</{tag}>"
    return opening + inner + closing


def test_any_plain_markup_is_read_as_html_parser_reads_it():
    """Generated articles of plain markup: the fast reader and ClauseText fed by html.parser find
    the same clauses and the same texts."""
    import os

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    found = []

    @settings(max_examples=int(os.environ.get("CLAUSEBOOK_HYPOTHESIS_EXAMPLES", "300")), deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data):
        article = "".join(_element(data.draw, 0) for _ in range(data.draw(st.integers(0, 8))))
        fast = by_plain_reader(article)
        assert fast is not None, article
        assert fast == by_html_parser(article), article
        found.append(any(fast.values()))

    check()
    assert sum(found) > len(found) // 4  # most examples have clauses with text (the generator works)
