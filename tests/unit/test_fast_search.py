"""The search index's shortcuts read and count exactly as before: clause texts read without
html.parser when the article is plain markup (render/search.py), the word trimmer's fast path
(render/search_terms.py)."""
import re

import pytest

from generator.render.search import ClauseText, _feed_plain, clause_texts
from generator.render.search_terms import EDGE, _is_word, words


def by_html_parser(article: str) -> dict[str, str]:
    parser = ClauseText()
    parser.feed(article)
    parser.close()
    return parser.result()


def by_plain_reader(article: str) -> dict[str, str] | None:
    parser = ClauseText()
    return parser.result() if _feed_plain(parser, article) else None


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
