/*
 * Clausebook query reading: what a member typed -> the citation keys and the words to look up.
 * The one place for these rules (tests/site/test_search_query.py tests them one by one). The index
 * side (generator/render/search_terms.py) writes a clause's citation as a key: lower case, spaces
 * as dots ("LOU 3" -> "lou.3", "12.02.d", "schedule.a"), and a padded cite also as unpadded
 * ("12.05" also as "12.5").
 *
 * Rules, each with the query it is for:
 *  1. "Letter of Understanding No. 3", "Letter 3", "LOU #3" -> lou.3; "Memorandum of
 *     Understanding 2" -> mou.2 (and of Agreement -> moa.2); "Side Letter 2" -> side.letter.2.
 *  2. "Schedule A", "Appendix B.3", "Part 3", "Exhibit A", "Attachment B", "Addendum 2" -> the
 *     keyword and its number: schedule.a, appendix.b.3.
 *  3. "Art 12.05", "Article 12.05", "Clause 23.4", "Section 7.2", "s. 7.2", "§ 12": the keyword is
 *     dropped -> 12.05 (it is not searched as a word either).
 *  4. "12.02(d)", "12.02 (d)(1)" -> 12.02.d, 12.02.d.1; "12.02 d", "12.02 d 1" -> 12.02.d.1: a
 *     short letter, roman or number right after a citation continues it.
 *  5. "Article XII Section 3", "XII.3" -> 12.3 (and xii.3): a roman first part is also
 *     read in arabic, as the citation scheme cites roman articles.
 *  6. "12.5" -> 12.5, which the index also gives the padded "12.05" (key alias); "12.05" also
 *     looks up 12.5 (weight 0.9) for a document that does not pad.
 *  7. Anything else is words, split where Material's search splits ("sooke 12.05": the word
 *     "sooke" and the citation 12.05).
 */
(function (root) {
  "use strict";

  var SEPARATOR = /[\s\-\u2013\u2014/()[\]{},;:!?"\u201c\u201d]+|\.(?!\w)/;
  var ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
  var DROP = { article: 1, art: 1, "art.": 1, clause: 1, section: 1, sec: 1, "sec.": 1, "s.": 1,
               "\u00a7": 1, subsection: 1, paragraph: 1, para: 1, "para.": 1, subclause: 1 };
  var UNITS = { schedule: "schedule", appendix: "appendix", exhibit: "exhibit", part: "part",
                attachment: "attachment", addendum: "addendum", lou: "lou", mou: "mou",
                moa: "moa", "side\u0001letter": "side.letter", letter: "lou", loa: "lou" };
  var CITE = /^[a-z0-9]+(\.[a-z0-9]+)+$|^\d+[a-z]?$/;   // 12.05, a.6.2, 12, 7a
  var UNIT_ID = /^([a-z]|\d+|[ivxlcdm]+)(\.[a-z0-9]+)*$/;   // after a keyword: a, 3, xii, b.3
  var CONTINUES = /^([a-z]|\d{1,2}|[ivx]{1,4})$/;            // d, 1, iv after 12.02

  function romanValue(text) {
    if (!text || !ROMAN.test(text)) return 0;
    var values = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }, total = 0;
    for (var i = 0; i < text.length; i++) {
      var v = values[text[i]], next = values[text[i + 1]] || 0;
      total += v < next ? -v : v;
    }
    return total;
  }

  /** "12.05.a" -> "12.5.a": numbers after the first lose their leading zeros. */
  function unpadded(key) {
    var parts = key.split(".");
    return parts.map(function (p, i) {
      return i && /^\d+$/.test(p) ? (p.replace(/^0+/, "") || "0") : p;
    }).join(".");
  }

  /** The words of plain text as the index has them (before the stop-word filter). */
  function words(text) {
    return String(text || "").toLowerCase().split(SEPARATOR).map(function (w) {
      return w.replace(/^\W+|\W+$/g, "");
    }).filter(Boolean);
  }

  function tokens(query) {
    var q = String(query || "").toLowerCase().replace(/[\u2018\u2019]/g, "'");
    q = q.replace(/\bletters? of (understanding|agreement|intent)\b/g, " lou ")
      .replace(/\bmemorand(um|a) of understanding\b/g, " mou ")
      .replace(/\bmemorand(um|a) of agreement\b/g, " moa ")
      .replace(/\bside letter\b/g, " side\u0001letter ")
      .replace(/(^|\s)(nos?\.|#|number)\s*/g, " ")
      .replace(/#/g, " ")
      .replace(/\u00a7/g, " \u00a7 ");
    // "12.02(d)(1)" and "12.02 (d)" -> "12.02.d.1"; other brackets are spaces.
    for (var before = ""; before !== q;) {
      before = q;
      q = q.replace(/(\d|\.[a-z0-9]{1,4})\s*\(([a-z0-9]{1,4})\)/g, "$1.$2"); // not "leave (paid)"
    }
    q = q.replace(/[()[\]{},;:!?"\u201c\u201d]/g, " ");
    return q.split(/\s+/).filter(Boolean).map(function (t) {
      return t === "art." || t === "sec." || t === "s." || t === "para." ? t : t.replace(/\.+$/, "");
    }).filter(Boolean);
  }

  /**
   * parse("sooke Art 12.02(d)") -> {cites: [{key: "12.02.d", weight: 1}, {key: "12.2.d",
   * weight: 0.9}], words: ["sooke"]}. Cites and words keep the order typed; `last` is the last
   * word typed when the query does not end in a space (it is also matched as a prefix).
   */
  function parse(query) {
    var list = tokens(query), cites = [], plainWords = [], current = null, article = false;
    for (var i = 0; i < list.length; i++) {
      var t = list[i], next = list[i + 1];
      if (DROP[t]) {
        // "Article XII Section 3": a section keyword after an article citation continues it.
        article = !(current && (t === "section" || t === "sec" || t === "sec." || t === "s."));
        if (article) current = null;
        continue;
      }
      if (UNITS[t] && next && UNIT_ID.test(next) && !DROP[next]) {
        current = { key: UNITS[t] + "." + next, roman: false };
        cites.push(current);
        i++;
        article = false;
        continue;
      }
      if (current && CONTINUES.test(t)) {
        current.key += "." + t;
        article = false;
        continue;
      }
      if (CITE.test(t) || (article && UNIT_ID.test(t)) || (ROMAN.test(t) && /\./.test(t))) {
        current = { key: t, roman: true };
        cites.push(current);
        article = false;
        continue;
      }
      current = null;
      article = false;
      plainWords.push.apply(plainWords, words(t.replace(/\u0001/g, " ")));
    }
    var out = [], seen = {};
    function add(key, weight) {
      if (!seen[key] || seen[key] < weight) seen[key] = weight;
    }
    cites.forEach(function (c) {
      add(c.key, 1);
      var parts = c.key.split(".");
      var arabic = c.roman ? romanValue(parts[0]) : 0;
      if (arabic) add([String(arabic)].concat(parts.slice(1)).join("."), 1);
      Object.keys(seen).forEach(function (k) { add(unpadded(k), 0.9); });
    });
    Object.keys(seen).forEach(function (k) { out.push({ key: k, weight: seen[k] }); });
    var trailing = /\s$/.test(String(query || ""));
    return { cites: out, words: plainWords,
             last: trailing || !plainWords.length ? "" : plainWords[plainWords.length - 1] };
  }

  root.ClausebookQuery = { parse: parse, words: words, unpadded: unpadded, romanValue: romanValue };
})(typeof self !== "undefined" ? self : this);
