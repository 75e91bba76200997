"""Definition shapes: where a piece of text defines a term. Pure functions over one text.

Each finder returns `Found` records: the term, the span of the defining words (never marked as a
use), and what the shape tells about the definition's text and scope. Which blocks are read, and
how the finds become a document's glossary, is passes/definitions.py's business.

Shapes (table-tested in tests/unit/test_definitions.py):
  quoted     "BOARD" means ...   A "Teacher Teaching on Call" (TTOC) is ...   'Full employ' means ...
             any quote marks (“term", ''term'', ' term '); "allowance" (indemnité) means: a French
             gloss is dropped; The term "employee" as used in this Agreement shall mean (scope: doc);
             The word "repair" used with ..., is work ...; under Definitions, "Sick Leave Bank" is ...
  means      Sick leave means ...   X is/shall be/will be defined as ...   X shall mean ...
  is         (only under a "Definitions" heading or "In this article,") A vacancy is a ...
  dash       Campus - the location ...   Extenuating Circumstances – situations that ...
  paren      ... any dispute (hereinafter referred to as "the grievance") ...   (the "Act")   (the grievor)
  party      a block that is only "(hereinafter called the "Union")": the name is the block(s) before;
             inline "Deschutes County (hereinafter the County)", quoted or not: the name is the words before
  colon      (only under a "Definitions" heading) Written Evidence: Is evidence in the form of ...
  label      (label_term, read by definitions.py) a. "annual rate of pay" alone on its line, "means ..." below
  abbrev     Public Education Labour Relations Act (PELRA)   AVID (Advancement Via Individual Determination)
  known-as   employees known as Activities Supervisors
  reversed   ..., it shall be defined as a policy grievance.
  titled     a clause titled "Definition of Layoff" / "Seniority Defined" / a term in a definitions article
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# Any mix of straight, curly and Windows-1252 quotes (U+0091-U+0094, left by a bad decoding):
# “term", "term”, ‘term’, ''term'' (two apostrophes for a double quote), ' Local Lodge ' (padded).
Q_OPEN = "\"“‘'\u0091\u0093"
Q_CLOSE = "\"”’'\u0092\u0094"
# A quoted phrase: opening quote not inside a word, a letter first, closing quote not followed by a letter.
QUOTED = (rf"(?<![\w])[{Q_OPEN}]{{{{1,2}}}} ?(?P<{{n}}>[A-Za-z][^{Q_OPEN}{Q_CLOSE}\n]{{{{0,70}}}}?[\w)]) ?[{Q_CLOSE}]{{{{1,2}}}}"
          r"(?![A-Za-z])")


def _quoted(name: str) -> str:
    return QUOTED.format(n=name)


MEANS = (r"means|mean|shall\s+mean|will\s+mean|(?:is|are|shall\s+be|will\s+be)\s+defined\s+as(?:\s+being)?|"
         r"shall\s+be\s+deemed\s+to\s+include|designates|"
         r"(?:has|have)\s+the\s+(?:same\s+)?meaning\s+(?:given|provided|set\s+out|assigned|as\s+(?:specified|given|defined))")
WEAK = r"includes|shall\s+include|refers\s+to|relates\s+to|(?:is|are)(?=\s+(?:a|an|the|any)\b)"
ABBR = r"[A-Z][A-Za-z]*(?:-[A-Z])?[A-Z]?[A-Za-z]*(?:\s[A-Z]{2,})?"
HEREIN_VERB = r"[Hh]ereinafter\s+(?:(?:called|referred\s+to\s+as|known\s+as|designated\s+as)\s+)?"

QUOTED_DEF = re.compile(
    r"(?:(?<=\s)|^)(?:(?:[Aa]n?|[Tt]he)\s+)?(?:term\s+)?" + _quoted("q")
    + r"(?:\s+or\s+" + _quoted("q2") + r")?"
    + r"(?:\s*\((?P<abbr>" + ABBR + r")\)|\s*\((?P<gloss>[^()\n\"“”]{1,60})\))?"
    + r"(?P<gap>\s*,[^,.;\"“”]{1,40},|\s+(?:in|for|under)\s(?:[^.;:\"“”]|\.(?=\d)){1,120}?"
    + r"|,?\s+as\s+used\s+(?:in|herein|throughout)\b[^.;:\"“”]{0,60}?,?)?"
    + rf"\s+(?:also\s+)?(?P<verb>{MEANS}|{WEAK})\b")
# Unquoted "X means": X starts its sentence (or follows "In this article,"), at most six words.
INTRO = r"(?:(?:In|For)\s+(?:the\s+)?(?:purposes?\s+of\s+)?this\s+\w+(?:\s+\w+)?,?\s+)"
MEANS_DEF = re.compile(
    r"(?:(?<=[.;:]\s)|^)" + INTRO + r"?(?:(?:A|An|The|a|an|the)\s+)?"
    r"(?P<x>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,7}?)\s+(?P<verb>" + MEANS + r")\b")
IS_DEF = re.compile(
    r"^(?P<intro>" + INTRO + r")?(?:(?:A|An|The|a|an|the)\s+)?"
    r"(?P<x>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4}?)\s+(?:also\s+)?(?P<verb>(?:is|are)\s+(?:a|an|the)\b|includes?\b|refers\s+to\b)")
# 'The word "repair" used with the terms of this Agreement ..., is work requested to restore ...'
# (Alberta maintenance 5.300): "The word/term/expression" announces a definition, so any "is" defines.
WORD_DEF = re.compile(r"(?:(?<=\s)|^)[Tt]he\s+(?:word|term|expression|phrase)s?\s+" + _quoted("q")
                      + r"(?P<gap>[^.;:\"“”]{0,120}?,)?\s+(?:is|are|means|shall\s+mean|refers\s+to)\s")
# 'An applicant is "qualified" when the applicant holds ...': a quoted word after "is"/"are" and
# before "when"/"if" says when the word applies; it is defined there (the quotes say so).
IS_QUOTED_WHEN = re.compile(r"\b(?:is|are)\s+(?:considered\s+|deemed\s+(?:to\s+be\s+)?)?" + _quoted("q")
                            + r"\s+(?:when|if|where)\b")
# "means" as a noun: followed by "of" or by a verb.
NOUN_MEANS = re.compile(r"\s+(?:of|has|have|is|are|was|were|shall|will|may|must|can|should|would)\b")
# Under a "Definitions" heading: a glossary row whose columns pdftotext put on one line, joined by
# the parser ("Agreement Means the Austrade Enterprise Agreement") or kept apart by the layout
# ("Agreement          Means the ...", "APS          Australian Public Service.").
ROW_DEF = re.compile(r"^(?P<x>[" + Q_OPEN + r"]?[A-Z][\w'’()/-]*(?: [\w'’()/-]+){0,5}?[" + Q_CLOSE + r"]?)"
                     r"(?:\s+(?=(?:Means|Includes|Refers\s+to)\b)|[ \t]{3,}(?=[A-Z(\"“]))")
QUOTED_IS = re.compile(r"\s*" + _quoted("q") + r"\s+(?:is|are)\s+\w")
COLON_DEF = re.compile(r"^(?P<x>[" + Q_OPEN + r"]?[A-Z][\w'’()-]*(?:\s+[\w'’()-]+){0,5}?[" + Q_CLOSE + r"]?)\s*:\s+(?P<rest>\S)")
DASH_DEF = re.compile(
    r"^(?P<x>[" + Q_OPEN + r"]?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?[" + Q_CLOSE + r"]?)\s+[-–—]\s+(?P<rest>\S.*)", re.S)
PAREN_DEF = re.compile(
    r"\(\s*(?:" + HEREIN_VERB + r")?(?:(?P<the>[Tt]he)\s+|an?\s+)?"
    + _quoted("q") + r"\s*\)")
PAREN_PLAIN = re.compile(r"\(the\s+(?P<q>[a-z]{3,}(?:\s+[a-z]{3,})?)\)")
HEREINAFTER = re.compile(HEREIN_VERB + r"(?:(?P<the>the)\s+)?" + _quoted("q"))
# (hereinafter the County): no quotes, so only capitalised words, closed by the parenthesis.
HEREINAFTER_PLAIN = re.compile(r"\(\s*" + HEREIN_VERB + r"(?P<the>the\s+)?(?P<q>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*\)")
PARTY_LEAD = re.compile(r"\b(?:between|by|and\s+the|with)\s+", re.I)
KNOWN_AS = re.compile(r"\b(?:commonly\s+)?known\s+as\s+(?:the\s+)?(?P<x>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")
REVERSED = re.compile(r"\bit\s+shall\s+be\s+(?:defined|known)\s+as\s+(?:an?\s+)?(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*\.")
ABBR_AFTER = re.compile(r"[(\[]\s*(?:(?:the|a|an)\s+)?[\"“]?(?P<abbr>[A-Z][A-Za-z&]*[A-Z][A-Za-z]*|Pro-D)[\"”]?\s*[)\]]")
ABBR_BEFORE = re.compile(r"\b(?P<abbr>[A-Z]{2,8})\s*\((?P<long>[A-Z][\w'’-]*(?:\s+[\w'’&-]+){1,9})\)")
DEFINED_AS = re.compile(r"\bthe\s+(?P<x>[a-z]{3,}(?:\s+[a-z]{3,})?)\s+defined\s+as\s+(?!in\b|by\b)")
AS_DEFINED_BY = re.compile(r"(?:(?<=[.;]\s)|^)(?:The\s+)?(?P<x>[A-Z][\w-]*(?:\s+[\w-]+){0,5}),\s+as\s+defined\s+(?:by|in)\s+[^,]{1,40},\s+(?:is|means)\b")
QUOTED_WITH_MEANING = re.compile(r"[\"“](?P<x>[A-Z][\w ]{2,40}?)\s*\((?P<d>[^()\"“”]{3,60})\)[\"”]")

LOWER_WORD = re.compile(r"[a-z0-9]+")
NOT_LOWER_WORD = re.compile(r"[^a-z0-9]+")
HYPHEN_OR_SLASH = re.compile(r"[-/]")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")

# Words that cannot start (or be) a defined term: pronouns, determiners, verbs, conjunctions.
NOT_TERM = {"this", "that", "these", "those", "it", "which", "who", "such", "there", "what", "each", "any",
            "all", "no", "not", "other", "where", "when", "if", "and", "or", "but", "as", "by", "to", "of",
            "in", "on", "for", "with", "shall", "will", "may", "is", "are", "be", "was", "he", "she", "they",
            "we", "you", "his", "her", "their", "its", "our", "a", "an", "the", "one", "both", "some"}
VERBISH = {"shall", "will", "may", "must", "is", "are", "be", "been", "has", "have", "had", "can", "would",
           "should", "does", "do", "did", "was", "were", "not", "which", "that", "who", "whom", "whose",
           "if", "when", "where", "than", "because", "it", "whereas", "clearly", "also", "only", "therefore",
           "thus", "simply", "generally", "usually", "this", "they", "there"}
SMALL = {"of", "and", "the", "on", "for", "in", "to", "a", "as", "&", "de", "la", "with", "over", "at"}
NOT_DASH_TERM = re.compile(r"^(?:Step|Note|Section|Article|Part|Schedule|Appendix|Clause|Item|Other|Re|Page)(?![\w-])", re.I)
SCOPE_WORDS = {"article": "article", "articles": "article", "clause": "clause", "section": "clause",
               "paragraph": "clause", "letter": "unit", "lou": "unit", "appendix": "unit", "schedule": "unit",
               "addendum": "unit", "memorandum": "unit", "agreement": "doc", "collective": "doc"}
SCOPE_INTRO = re.compile(r"^\s*(?:In|For|As\s+used\s+in)\s+(?:the\s+)?(?:purposes?\s+of\s+)?"
                         r"(?:(?P<this>this)\s+(?P<what>\w+)|(?P<named>Article|Clause|article|clause)\s+(?P<cite>[A-G]?\.?\d+(?:\.\d+)*))")


@dataclass
class Found:
    """One definition found in a text."""

    term: str
    shape: str
    start: int  # the defining words: never marked as a use of the term
    end: int
    aliases: list[str] = field(default_factory=list)
    text: str = ""  # the definition's own text when the shape gives one (an abbreviation's expansion)
    scope: str = ""  # "doc" | "unit" | "article" | "clause" | "cite:<cite>" | "" (decided by where it is)
    reuse: bool = False  # keep only when the term is used elsewhere (abbreviations, "(the grievor)")


def find_definitions(text: str, context: bool = False) -> list[Found]:
    """Every definition in a text. `context`: the text sits under a "Definitions" heading (or in a
    definitions article), where "A vacancy is ..." and "Campus - the location ..." define too."""
    found: list[Found] = []
    for finder, needs in FINDERS:
        if needs(text):
            found += finder(text)
    found += _quoted_is(text, context)
    found += _is_defs(text, context)
    found += _dash_defs(text, context)
    found += _colon_defs(text, context)
    found += _row_defs(text, context)
    return _without_overlaps(found)


# What each finder's patterns cannot match without: a finder runs only on a text that has it. These
# words are printed in the patterns in this case (none of them ignores case), and a quote or a
# bracket is a character the pattern must match ("means" in MEANS_DEF, "(" in PAREN_PLAIN ...).
HAS_QUOTE = re.compile(f"[{Q_OPEN}]")
MEANS_WORDS = ("mean", "defined", "deemed", "designates")  # every alternative of MEANS holds one


def _has_quote(text: str) -> bool:
    return HAS_QUOTE.search(text) is not None


def _may_quote_word(text: str) -> bool:  # WORD_DEF: 'The word "repair" ...'
    return ("word" in text or "term" in text or "expression" in text or "phrase" in text) and _has_quote(text)


def _may_quote_when(text: str) -> bool:  # IS_QUOTED_WHEN: 'is "qualified" when'
    return ("when" in text or "if" in text or "where" in text) and _has_quote(text)


def _may_mean(text: str) -> bool:  # MEANS_DEF
    return any(word in text for word in MEANS_WORDS)


def _may_paren(text: str) -> bool:  # PAREN_DEF, PAREN_PLAIN, HEREINAFTER_PLAIN need "(", HEREINAFTER "ereinafter"
    return "(" in text or "ereinafter" in text


def _may_abbreviate(text: str) -> bool:  # ABBR_AFTER: "(" or "["; ABBR_BEFORE: "("
    return "(" in text or "[" in text


def _may_know(text: str) -> bool:  # KNOWN_AS
    return "known" in text


def _may_reverse(text: str) -> bool:  # REVERSED: "it shall be defined as" / "known as"
    return "shall" in text and ("defined" in text or "known" in text)


def _may_quote_meaning(text: str) -> bool:  # QUOTED_WITH_MEANING: '"Fiscal year (July 1st ...)"'
    return "(" in text and ('"' in text or "“" in text)


def _may_define(text: str) -> bool:  # DEFINED_AS and AS_DEFINED_BY
    return "defined" in text


def _quoted_defs(text: str) -> list[Found]:
    out = []
    for m in QUOTED_DEF.finditer(text):
        verb = m.group("verb")
        if m.group("gap") and not m.group("gap").lstrip().startswith(",") and not re.match(MEANS, verb):
            continue  # 'the "X" in B.1.1 is' is too loose; 'means' after such a gap is not
        term = _strip_the(m.group("q"))
        if _function_word(term):
            continue  # '"he" includes "she"', 'the word "shall" is mandatory': usage rules, not terms
        abbr = m.group("abbr") if m.group("abbr") and _is_alias(m.group("abbr"), term) else None
        aliases = [a for a in (m.group("q2") and _strip_the(m.group("q2")), abbr) if a]
        scope = _scope_of_words(m.group("gap") or "") or _scope_before(text, m.start())
        out.append(Found(term, "quoted", m.start(), m.end(), aliases, scope=scope))
    return out


def _quoted_when(text: str) -> list[Found]:
    return [Found(_strip_the(m.group("q")), "quoted-when", m.start(), m.end(), scope=_scope_before(text, m.start()))
            for m in IS_QUOTED_WHEN.finditer(text) if not _function_word(m.group("q"))]


def _word_defs(text: str) -> list[Found]:
    return [Found(_strip_the(m.group("q")), "quoted", m.start(), m.end(),
                  scope=_scope_of_words(m.group("gap") or "") or _scope_before(text, m.start()))
            for m in WORD_DEF.finditer(text) if not _function_word(m.group("q"))]


def _function_word(term: str) -> bool:
    return term.lower() in NOT_TERM | VERBISH | {"must", "masculine", "feminine", "singular", "plural", "her", "him"}


def _is_alias(abbr: str, term: str) -> bool:
    """ "(TTOC)" after "Teacher Teaching on Call" is another name of the term; "(indemnité)" or
    "(Employeur)" after a federal agreement's "allowance" / "Employer" is its French gloss."""
    return sum(c.isupper() for c in abbr) >= 2 or _is_abbreviation_of(abbr, term) is not None


def _scope_of_words(gap: str) -> str:
    """ 'The term "employee" as used in this Agreement shall mean': the words between the term and
    its verb may say where it applies."""
    m = re.search(r"\bthis\s+(\w+)", gap)
    return SCOPE_WORDS.get(m.group(1).lower(), "clause") if m else ""


def _quoted_is(text: str, context: bool) -> list[Found]:
    """Under a "Definitions" heading, '"Sick Leave Bank" is leave available ...' defines (Deschutes
    26 E.1): a quoted term opening the text, then "is" or "are"."""
    m = QUOTED_IS.match(text) if context else None
    return [Found(_strip_the(m.group("q")), "quoted", m.start(), m.end())] if m else []


def _row_defs(text: str, context: bool) -> list[Found]:
    m = ROW_DEF.match(text) if context else None
    if not m:
        return []
    term = m.group("x").strip(Q_OPEN + Q_CLOSE)
    if NOT_DASH_TERM.match(term) or term.split()[0].lower() in NOT_TERM or re.search(r"\d", term) or \
            any(w.lower() in VERBISH for w in term.split()):
        return []
    return [Found(_strip_the(term), "row", 0, m.end("x"))]


def _colon_defs(text: str, context: bool) -> list[Found]:
    """Under a "Definitions" heading, "Written Evidence: Is evidence in the form of ..." and
    "Long Term Maintenance : Is work ..." (Alberta construction)."""
    m = COLON_DEF.match(text) if context else None
    if not m:
        return []
    term = m.group("x").strip(Q_OPEN + Q_CLOSE + " ")
    if NOT_DASH_TERM.match(term) or re.search(r"\d", term) or term.split()[0].lower() in NOT_TERM:
        return []
    return [Found(term, "colon", 0, m.end("x"))]


def _means_defs(text: str) -> list[Found]:
    out = []
    for m in MEANS_DEF.finditer(text):
        if m.group("verb") == "means" and NOUN_MEANS.match(text, m.end()):
            continue  # "The normal means of compensation", "Execution by electronic means has the same effect"
        term = _clean_term(m.group("x"))
        if term:
            out.append(Found(term, "means", m.start(), m.end(), scope=_scope_before(text, m.start())))
    return out


def _is_defs(text: str, context: bool) -> list[Found]:
    m = IS_DEF.match(text)
    if not m:
        return []
    kind_of = re.match(r"(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + re.escape(m.group("x").split()[-1]) + r"\b",
                       text[m.start("verb"):], re.I)
    if not (context or m.group("intro") or kind_of):  # "A long-term secondment is a secondment ..."
        return []
    if m.group("verb").startswith(("include", "refers")) and not (context and re.match(r"\s*:", text[m.end():])):
        return []  # "Harassment includes:" under a Definitions heading; not "The singular includes the plural"
    term = _clean_term(m.group("x"), max_words=5)
    if not term:
        return []
    return [Found(term, "is", m.start(), m.end(), scope=_scope_before(text, 0))]


def _dash_defs(text: str, context: bool) -> list[Found]:
    m = DASH_DEF.match(text)
    if not m:
        return []
    raw, rest = m.group("x"), m.group("rest")
    quoted = raw[0] in Q_OPEN and raw[-1] in Q_CLOSE
    term = raw.strip(Q_OPEN + Q_CLOSE)
    if NOT_DASH_TERM.match(term) or re.search(r"\d", term) or term.split()[0].lower() in NOT_TERM:
        return []
    explains = re.match(r"(?:means\b|(?:a|an|the)\s|[a-z]+\s+(?:that|which|who|where)\b)", rest)
    if not (quoted or (context and re.match(r"[a-z]", rest)) or (explains and len(term.split()) >= 2)
            or rest.startswith("means")):
        return []
    return [Found(term, "dash", 0, m.end("x"), scope=_scope_before(rest, 0))]


def _paren_defs(text: str) -> list[Found]:
    out = []
    for m in PAREN_DEF.finditer(text):
        q = m.group("q")
        if _is_abbreviation_of(q, text[:m.start()]) is not None:
            continue  # ("MET") after Multi-Employer Template: an abbreviation, found below
        if re.fullmatch(r"[^A-Za-z]*|\d.*", q) or len(q.split()) > 6:
            continue
        # "Deschutes County (hereinafter the "County")" names a party; "any dispute (hereinafter
        # referred to as "the grievance")" does not: the words before are not a name.
        party = _party_named_before(text, m.start()) if "ereinafter" in m.group(0) else ""
        words = text[:m.start()].replace("(", " ").split()
        party = party if party[:1].isupper() and words and re.match(r"[A-Z0-9]", words[-1]) else ""
        shape = "party" if party or re.fullmatch(r"\s*\(.*\)\s*,?\s*", text, re.S) else "paren"
        out.append(Found(_strip_the(q), shape, m.start(), m.end(), scope="doc" if shape == "party" else "unit",
                         text=party))
        if m.group("the") or re.match(r"the\s", q, re.I):  # (the "Act"), ("the grievor"): used as "the Act"
            out[-1].shape += "-the"
    for m in list(HEREINAFTER.finditer(text)) + list(HEREINAFTER_PLAIN.finditer(text)):
        if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in out):
            the = m.group("the") or re.match(r"the\s", m.group("q"), re.I)
            out.append(Found(_strip_the(m.group("q")), "party-the" if the else "party", m.start(), m.end(),
                             text=_party_named_before(text, m.start()), scope="doc"))
    for m in PAREN_PLAIN.finditer(text):
        out.append(Found(m.group("q"), "paren-the", m.start(), m.end(), scope="unit", reuse=True))
    return out


def _party_named_before(text: str, start: int) -> str:
    """ "by and between Deschutes County (hereinafter the County)": the party's name is the words
    right before, back to "between", "by", "and the" or "with" ("" when the parenthesis opens the
    text: then the name is the line above, which definitions.py reads)."""
    paren = text.rfind("(", 0, start + 1)
    before = text[:paren if paren >= 0 and not text[paren:start].strip("( ") else start]
    name = ""
    for cut in (max(before.rfind(". "), before.rfind(";")), before.rfind(";")):  # "ABC Ltd. (hereinafter"
        sentence = before[cut + 1:]
        leads = list(PARTY_LEAD.finditer(sentence))
        name = name or re.sub(r"^(?:and|between|by|with)\s+", "", sentence[leads[-1].end() if leads else 0:].strip(" ,(\n"))
    if not name or "(" in name:
        return ""
    end = text.find(")", start)
    return f"{name} {text[len(before):end + 1 if end >= 0 else len(text)].strip()}"


def _abbreviations(text: str) -> list[Found]:
    out = []
    for m in ABBR_AFTER.finditer(text):
        abbr = m.group("abbr")
        long_start = _is_abbreviation_of(abbr, text[:m.start()])
        if long_start is None:
            continue
        long = text[long_start:m.start()].strip()
        out.append(Found(_strip_the(long), "abbreviation", long_start, m.end(), [_singular(abbr)],
                         text=f"{_strip_the(long)} ({abbr})", scope="doc", reuse=True))
    for m in ABBR_BEFORE.finditer(text):
        if _initials_start(m.group("abbr"), m.group("long").split()) == 0:
            out.append(Found(m.group("long"), "abbreviation", m.start(), m.end(), [m.group("abbr")],
                             text=f"{m.group('long')} ({m.group('abbr')})", scope="doc", reuse=True))
    return out


def _known_as(text: str) -> list[Found]:
    return [Found(m.group("x"), "known-as", m.start(), m.end(), scope="") for m in KNOWN_AS.finditer(text)]


def _reversed(text: str) -> list[Found]:
    return [Found(m.group("x"), "reversed", m.start(), m.end(), scope=_scope_before(text, 0))
            for m in REVERSED.finditer(text)]


def _defined_as(text: str) -> list[Found]:
    """ "the school year defined as July 1st to June 30th"; "The Latest 12-month Average Index, as
    defined by BC Stats, is ..." """
    out = [Found(m.group("x"), "defined-as", m.start(), m.end()) for m in DEFINED_AS.finditer(text)]
    return out + [Found(m.group("x"), "defined-as", m.start(), m.end()) for m in AS_DEFINED_BY.finditer(text)]


def _quoted_meaning(text: str) -> list[Found]:
    """ the "Fiscal year (July 1st to June 30th)": the term and its meaning in one quote; it speaks
    for the clause it is in."""
    return [Found(m.group("x"), "quoted-meaning", m.start(), m.end(), scope="clause")
            for m in QUOTED_WITH_MEANING.finditer(text)]


FINDERS = ((_quoted_defs, _has_quote), (_word_defs, _may_quote_word), (_quoted_when, _may_quote_when),
           (_means_defs, _may_mean), (_paren_defs, _may_paren), (_abbreviations, _may_abbreviate),
           (_known_as, _may_know), (_reversed, _may_reverse), (_quoted_meaning, _may_quote_meaning),
           (_defined_as, _may_define))


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Where two shapes read the same words, the earlier finder (the more explicit shape) wins."""
    kept: list[Found] = []
    for f in found:
        if not any(k.start < f.end and f.start < k.end and _same(k.term, f.term) or
                   k.start <= f.start and f.end <= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _same(a: str, b: str) -> bool:
    return normal(a) == normal(b) or normal(a) in normal(b) or normal(b) in normal(a)


# ---------------------------------------------------------------- abbreviations

def _is_abbreviation_of(abbr: str, before: str) -> int | None:
    """Where the long form of `abbr` starts in `before` (text right before "(ABBR)"), or None:
    the initials of the last words spell the abbreviation ("Teacher Teaching on Call" -> TTOC,
    "Joint Early Intervention Program" -> JEIP, "Educational" gives "ED" of JEDIC)."""
    letters = re.sub(r"[^A-Za-z]", "", abbr)
    if letters.endswith("s") and len(letters) > 2 and letters[-2].isupper():
        letters = letters[:-1]
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
        return None
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"[A-Za-z][A-Za-z']*|&", before)]
    tail = before[spans[-1][0] + len(spans[-1][1]):] if spans else ""
    if not spans or re.search(r"[^\s\"“”]", tail):
        return None  # something other than spaces/quotes between the long form and "("
    for n in range(1, min(len(spans), 12) + 1):
        words = [w for _, w in spans[-n:]]
        if _initials_start(letters, words) == 0 and words[0].lower() not in SMALL:
            return spans[-n][0]
    return None


def _initials_start(letters: str, words: list[str]) -> int | None:
    """0 when `words` (with hyphenated parts split) spell `letters` by prefixes, in order, each
    word giving at least one letter except small words ("of", "and"), the last word one at least."""
    parts = [p for w in words for p in HYPHEN_OR_SLASH.split(w) if p]
    letters = letters.lower()

    def spell(i: int, j: int) -> bool:  # letters[i:] from parts[j:]
        if j == len(parts):
            return i == len(letters)
        word = parts[j].lower()
        if word in SMALL or word == "&":
            if spell(i, j + 1):
                return True
        for k in range(1, len(word) + 1):
            if i + k > len(letters) or letters[i:i + k] != word[:k]:
                break
            if spell(i + k, j + 1):
                return True
        return False

    return 0 if spell(0, 0) else None


# ---------------------------------------------------------------- terms

def _clean_term(raw: str, max_words: int = 6) -> str:
    """The defined words of an unquoted "X means": no leading article, nothing verb-like, at most
    a few words ("The rate of deduction for a day without pay" -> "rate of deduction")."""
    words = raw.split()
    while words and words[0].lower() in ("a", "an", "the", "term"):
        words = words[1:]
    if len(words) > 3:  # "rate of deduction for a day without pay"
        for cut, w in enumerate(words):
            if cut >= 2 and w.lower() in ("for", "in", "under", "as", "with"):
                words = words[:cut]
                break
    if not words or len(words) > max_words or words[0].lower() in NOT_TERM:
        return ""
    if any(w.lower() in VERBISH for w in words) or any(re.search(r"\d", w) for w in words):
        return ""
    return " ".join(words).strip(",;:")


LABEL_MARK = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+)?")
GLOSS = re.compile(r"\s*\((?P<g>[^()]{1,60})\)\s*$")


def label_term(text: str) -> tuple[str, list[str]]:
    """The term a label line names, with its aliases, or ("", []) when the line is not a label:
    `a. "annual rate of pay"` -> annual rate of pay; `"allowance" (indemnité)` -> allowance (a
    French gloss is neither term nor alias); `Fair Work Act`; `Long Term Maintenance (LTM)` -> LTM."""
    text = " ".join(text[LABEL_MARK.match(text).end():].split()).rstrip(":").strip()
    aliases = []
    gloss = GLOSS.search(text)
    if gloss and gloss.start() > 0:
        head = text[:gloss.start()].strip(Q_OPEN + Q_CLOSE + " ")
        if _is_alias(gloss.group("g"), head):
            aliases = [gloss.group("g").strip(Q_OPEN + Q_CLOSE + " ")]
        if _is_alias(gloss.group("g"), head) or text[:gloss.start()].rstrip()[-1:] in Q_CLOSE or \
                gloss.group("g")[:1].islower():
            text = text[:gloss.start()]
    term = _strip_the(text.strip(Q_OPEN + Q_CLOSE + " "))
    words = term.split()
    if not words or len(words) > 8 or not term[0].isalpha() or re.search(r"[.;!?,]$", term) or \
            words[0].lower() in NOT_TERM or any(q in term for q in "\"“”"):
        return "", []
    return term, aliases


def _strip_the(term: str) -> str:
    return LEADING_THE.sub("", term.strip()).strip()


def _singular(abbr: str) -> str:
    return abbr[:-1] if abbr.endswith("s") and len(abbr) > 2 and abbr[-2].isupper() else abbr


def normal(term: str) -> str:
    """A term's identity: lower case, one space, no plural or possessive ending per word."""
    words = LOWER_WORD.findall(term.lower().replace("’", "'").replace("'s", ""))
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def key_of(term: str) -> str:
    """The id of a term inside its document: "Regular Employee" -> "regular-employee"."""
    return NOT_LOWER_WORD.sub("-", term.lower().replace("’", "'").replace("'", "")).strip("-") or "term"


def _scope_before(text: str, start: int) -> str:
    """ "For the purposes of this article ..." / "In this Article:" / "For the purpose of Article
    G.4.3": the scope the sentence gives its definition ("" when it says nothing)."""
    sentence_start = max(text.rfind(". ", 0, start) + 1, 0) if start else 0
    m = SCOPE_INTRO.match(text[sentence_start:])
    if not m:
        return ""
    if m.group("cite"):
        return "cite:" + re.sub(r"^([A-G])(\d)", r"\1.\2", m.group("cite"))
    return SCOPE_WORDS.get(m.group("what").lower(), "clause")


def scope_of_intro(text: str) -> str:
    """The scope a lead-in block gives the definitions below it ("In this Article:")."""
    return _scope_before(text, 0)


def title_term(title: str) -> str:
    """ "Definition of Layoff" / "Sick Leave Defined" / "Definition of Grievance" -> the term."""
    m = re.fullmatch(r"\s*(?:Definitions?\s+of\s+(?:an?\s+|the\s+)?(?P<a>.+?)|(?P<b>.+?)\s+Defined)\s*(?:\(.*\))?\s*", title or "")
    if not m:
        return ""
    term = (m.group("a") or m.group("b")).strip()
    return "" if term.lower() in ("terms", "positions and assignments") or len(term.split()) > 4 else term


@functools.lru_cache(maxsize=8192)
def is_definitions_heading(text: str) -> bool:
    """ "DEFINITIONS", "Definitions & Interpretation", "Definition of Terms", "Definitions Applicable
    to Article 22.6": a heading under which terms are defined."""
    return bool(DEFINITIONS_HEADING.fullmatch(text or ""))


# "SECTION 8: INTERPRETATIONS AND DEFINITIONS", "Appendix 3 – Definitions", "E. Definitions:",
# "Glossary of Terms", "Dictionary", "Definitions and Interpretation" (a unit label may lead).
DEFINITIONS_HEADING = re.compile(
    r"\s*(?:(?:\d{1,3}\.\s+)?(?:Article|Section|Part|Schedule|Appendix|Annex|Clause|Chapter|Attachment|Exhibit)"
    r"\s+[\w.\"“”'‘’-]{1,8}\s*[:.–—-]?\s*|[\dA-Z]{1,3}\.\s+)?"
    r"(?:Interpretations?\s+(?:and|&)\s+)?(?:Definitions?|Glossary|Dictionary|Defined\s+Terms)"
    r"(?:\s+(?:of\s+Terms|(?:and|&)\s*(?:Interpretations?|Abbreviations|Acronyms)|Applicable\s+to\s+.{1,40}))?"
    r"\s*:?\s*", re.I)


def scope_of_heading(text: str) -> str:
    m = re.search(r"Applicable\s+to\s+(?:Article|Clause)\s+([A-G]?\.?\d+(?:\.\d+)*)", text or "", re.I)
    return "cite:" + m.group(1) if m else ""
