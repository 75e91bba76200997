"""generator/render/search.py: which words belong to which clause's search entry."""

from generator.render.search import clause_texts

PAGE = """<html><body><nav>Menu words</nav>
<article class="md-content__inner md-typeset">
<p class="cb-doc" data-doc="x">Sooke 2006–2010 · Expired agreement</p>
<h1 class="clause" id="cl-12" data-cite="12">ARTICLE 12: GRIEVANCE PROCEDURE</h1>
<p>Unit intro.</p>
<p class="cb-refby">Referenced by <a href="#cl-2-01">2.01</a></p>
<h2 class="clause" id="cl-12-02" data-cite="12.02">12.02 Shop Steward's Duties</h2>
<p>Stewards are named.</p>
<div class="clause cb-depth-2" id="cl-12-02-d" data-cite="12.02.d">
<p><span class="cb-num">d)</span> The duties of stewards shall include:</p>
<div class="clause cb-depth-3" id="cl-12-02-d-1" data-cite="12.02.d.1">
<p><span class="cb-num">1.</span> Investigation of <span class="cb-defterm">complaints</span>.</p>
</div>
<p>Tail of d.</p>
<div hidden class="cb-def" id="def-x">A hidden definition.</div>
</div>
<p>After the sub-clauses, still 12.02.</p>
<h3 class="clause" id="cl-12-03-b" data-cite="12.03.b">b) Grievance Committee</h3>
<table><tr><td>Step</td><td>Days</td></tr></table>
</article><footer>Footer words</footer></body></html>"""


def test_each_clause_gets_its_own_words_only():
    texts = clause_texts(PAGE)
    assert texts["cl-12"] == "Unit intro."
    assert texts["cl-12-02"] == "Stewards are named. After the sub-clauses, still 12.02."
    assert texts["cl-12-02-d"] == "d) The duties of stewards shall include: Tail of d."
    assert texts["cl-12-02-d-1"] == "1. Investigation of complaints."
    assert texts["cl-12-03-b"] == "Step Days"


def test_headings_menus_and_helper_lines_are_not_text():
    words = " ".join(clause_texts(PAGE).values())
    for absent in ("GRIEVANCE PROCEDURE", "Shop Steward", "Referenced by", "Expired",
                   "hidden definition", "Menu words", "Footer words"):
        assert absent not in words
