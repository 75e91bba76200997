/*
 * Clausebook search worker: Material's own search worker, loaded inside this one, fed only the
 * entries a query needs (see generator/render/search_split.py for the files it reads).
 *
 * 1. Nothing is downloaded until the reader searches. site/search/search_index.json (which
 *    Material's page script fetches on every page) holds only the configuration, with
 *    `clausebook`: the address of the first piece (meta.json). This worker answers Material's
 *    SETUP at once and downloads meta.json when search is opened (clausebook.js says so on the
 *    "clausebook-search" BroadcastChannel) or on the first query.
 * 2. A query is read by clausebook-query.js into citation keys and words. The worker downloads
 *    the term shards holding them (one shard per word, whatever the number of agreements),
 *    ranks entries (citation first: an exact citation x1000; then the words' BM25 weights, all
 *    words found before some; an agreement named in the query, "sooke 12.05", x3), and downloads
 *    only the blocks holding the best LIMIT entries (a block that cannot be fetched, offline, is
 *    skipped and the next entries take its place).
 * 3. Those entries (each tagged with its agreement: Material shows tags under a result) and their
 *    pages go to Material's worker as its index (SETUP), then the query: Material finds the words
 *    to highlight, groups results by page and answers the page as always. Its lunr search is
 *    wrapped to keep this worker's order and its entries.
 * While pieces download, the worker says "loading" on the BroadcastChannel: main.html shows it
 * in the search dialog. Only the latest query typed while it downloads is run.
 *
 * Material's worker is named by the `material` query parameter (main.html points Material's
 * configuration here and passes the original file name), so a Material upgrade that renames
 * its worker keeps working. If the index is a plain Material index (no `config.clausebook`), every
 * message goes straight to Material's worker.
 */
/* global lunr, ClausebookQuery */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var LIMIT = 20;         // results shown (their blocks are all that is downloaded)
  var CITE_WEIGHT = 1000; // an exact citation outranks any word match
  var CHILD = 0.3;        // "12.05" also finds 12.05.a, 12.05.b, below 12.05 itself
  var PREFIX = 0.6;       // the last word typed, matched as the start of a longer word
  var AGREEMENT = 3;      // a word of an agreement's title: that agreement's entries first

  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^[\w.-]+\.js$/.test(material)) {
    throw new Error("clausebook-search: no Material worker named (?material=search.<hash>.min.js)");
  }
  var root = new URL("../../../", self.location.href); // this file is <site>/assets/javascripts/workers/

  var realPost = self.postMessage.bind(self);
  var swallowReady = null; // resolves when Material's worker has indexed this query's entries
  var passThrough = false;
  var options = {};
  var metaUrl = null;
  var meta = null;        // Promise of meta.json
  var files = new Map();  // site-relative file -> Promise of its JSON
  var running = null;     // the query being answered
  var latest = null;      // the query typed since, to run next
  var ranked = [];        // this query's [{ref, score}] in order
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("clausebook-search") : null;

  function say(state, query) {
    if (channel) channel.postMessage({ state: state, query: query });
  }

  // Material's worker calls the global postMessage: hold back the READY it sends for each
  // index (the page already got ours), pass everything else on.
  self.postMessage = function (message) {
    if (message && message.type === READY && swallowReady) {
      var done = swallowReady;
      swallowReady = null;
      done();
      return;
    }
    if (message && message.type === RESULT && message.data && ranked.length) {
      message.data.items = inOrder(message.data.items || []);
    }
    realPost(message);
  };

  /** Material's result groups with this worker's scores, best group first: Material multiplies
   *  lunr's scores by how many query words a result has, which must not put 12.05.1 (its text
   *  says "12.05") above 12.05 itself. A page shown only as the heading of its clauses keeps 0. */
  function inOrder(items) {
    var score = new Map();
    ranked.forEach(function (r) { score.set(r.ref, r.score); });
    items.forEach(function (group) {
      group.forEach(function (doc) { doc.score = score.get(doc.location) || 0; });
    });
    function top(group) {
      return Math.max.apply(null, group.map(function (doc) { return doc.score; }));
    }
    return items.slice().sort(function (a, b) { return top(b) - top(a); });
  }

  function toMaterial(message) {
    var event = new MessageEvent("message", { data: message });
    event.clausebook = true;
    self.dispatchEvent(event);
  }

  function json(file) {
    if (!files.has(file)) {
      var url = new URL(file, root).href;
      files.set(file, fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      }).catch(function (error) {
        files.delete(file); // try again on the next query
        throw error;
      }));
    }
    return files.get(file);
  }

  function loadMeta() {
    loadScripts();
    if (!meta) {
      meta = fetch(metaUrl.href).then(function (response) {
        if (!response.ok) throw new Error(metaUrl.href + ": HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        data.agreementWords = new Map(); // "sooke" -> [group index]
        data.groups.forEach(function (group, n) {
          if (!group.slug) return;
          ClausebookQuery.words(group.title + " " + group.slug.replace(/\/$/, "")).forEach(function (w) {
            if (/^\d+$/.test(w) || w.length < 3) return; // "2006" in a title names no agreement
            var list = data.agreementWords.get(w) || [];
            if (list.indexOf(n) < 0) list.push(n);
            data.agreementWords.set(w, list);
          });
        });
        return data;
      }).catch(function (error) {
        meta = null;
        throw error;
      });
    }
    return meta;
  }

  // ------------------------------------------------------------------------------ pieces

  /** The shard holding `term`: the last whose first term is <= term. */
  function shardOf(m, term) {
    var lo = 0, hi = m.shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.shards[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function shardFile(n) { return "search/cb/terms/" + n + ".json"; }

  /** Shards for an exact term, or for every term starting with it (at most two shards). */
  function shardsFor(m, term, prefix) {
    var first = shardOf(m, term);
    var last = prefix ? Math.min(shardOf(m, term + "\uffff"), first + 1) : first;
    var out = [];
    for (var n = first; n <= last; n++) out.push(n);
    return out;
  }

  function groupOf(m, id) {
    var lo = 0, hi = m.groups.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.groups[mid].start <= id) lo = mid; else hi = mid - 1;
    }
    return m.groups[lo];
  }

  function blockFile(m, group, id) {
    var folder = group.slug ? "search/cb/docs/" + group.slug : "search/cb/pages/";
    return folder + Math.floor((id - group.start) / m.block) + ".json";
  }

  /** {entry id: weight} of one term from its loaded shard (ids are delta-coded). */
  function postings(item) {
    var out = new Map(), id = 0;
    for (var i = 0; i < item[0].length; i++) {
      id += item[0][i];
      out.set(id, item[1][i]);
    }
    return out;
  }

  /** Terms of the loaded shards: exactly `term`, or starting with `start` when given. */
  function matching(shards, term, start) {
    var out = [];
    shards.forEach(function (shard) {
      if (start) {
        Object.keys(shard).forEach(function (t) {
          if (t.lastIndexOf(start, 0) === 0) out.push([t, shard[t]]);
        });
      } else if (Object.prototype.hasOwnProperty.call(shard, term)) {
        out.push([term, shard[term]]);
      }
    });
    return out;
  }

  // ------------------------------------------------------------------------------ ranking

  function isStopWord(word) {
    return typeof lunr !== "undefined" && !lunr.stopWordFilter(new lunr.Token(word, {}));
  }

  /** [{id, score}] best first, for a parsed query, from the shards it needs. */
  function rank(m, parsed) {
    var wanted = []; // [term, prefix start or "", kind, weight]
    parsed.cites.forEach(function (c) {
      wanted.push(["~" + c.key, "", "cite", c.weight]);
      wanted.push(["~" + c.key, "~" + c.key + ".", "cite", c.weight * CHILD]);
    });
    var words = parsed.words.filter(function (w) { return !isStopWord(w); });
    var agreementBoost = new Map();
    words.forEach(function (w, n) {
      (m.agreementWords.get(w) || []).forEach(function (g) { agreementBoost.set(g, w); });
      wanted.push([w, "", "word:" + n, 1]);
      if (w === parsed.last && w.length >= 2) wanted.push([w, w, "word:" + n, PREFIX]);
    });
    var needed = new Set();
    wanted.forEach(function (want) {
      shardsFor(m, want[0], !!want[1]).forEach(function (n) { needed.add(n); });
    });
    var list = Array.from(needed);
    return Promise.all(list.map(function (n) { return json(shardFile(n)); })).then(function (loaded) {
      var byNumber = new Map();
      list.forEach(function (n, i) { byNumber.set(n, loaded[i]); });
      var scores = new Map(); // id -> {cite, words: {kind: weight}}
      wanted.forEach(function (want) {
        var shards = shardsFor(m, want[0], !!want[1]).map(function (n) { return byNumber.get(n); });
        matching(shards, want[0], want[1]).forEach(function (pair) {
          var factor = want[1] && pair[0] !== want[0] ? want[3] : (want[1] ? 0 : want[3]);
          if (!factor) return;
          postings(pair[1]).forEach(function (weight, id) {
            var s = scores.get(id);
            if (!s) scores.set(id, s = { cite: 0, words: {} });
            var value = weight * factor;
            if (want[2] === "cite") s.cite = Math.max(s.cite, value);
            else s.words[want[2]] = Math.max(s.words[want[2]] || 0, value);
          });
        });
      });
      var out = [];
      scores.forEach(function (s, id) {
        var found = 0, sum = 0;
        words.forEach(function (w, n) {
          var v = s.words["word:" + n];
          if (v) { found++; sum += v; }
        });
        var group = m.groups.indexOf(groupOf(m, id));
        if (agreementBoost.has(group) && !s.words["word:" + words.indexOf(agreementBoost.get(group))]) {
          found++; // "sooke 12.05": the agreement is named, its clause need not say "sooke"
        }
        var cover = words.length ? found / words.length : 1;
        var score = s.cite * CITE_WEIGHT + sum * cover * cover;
        if (agreementBoost.has(group)) score *= AGREEMENT;
        if (score > 0) out.push({ id: id, score: score });
      });
      out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return out;
    });
  }

  /** The best LIMIT ranked entries whose blocks load, in rank order, with the loaded blocks.
   *  A block that cannot be fetched (offline, an agreement that was not saved) drops its
   *  entries and the next-ranked take their places, so offline search answers over the saved
   *  agreements; only when no block at all loads is it an error. */
  function loadBest(m, candidates) {
    var best = [], byFile = new Map(), failed = new Map(), pos = 0, rounds = 0;
    function round() {
      var batch = [], files = [];
      while (pos < candidates.length && best.length + batch.length < LIMIT) {
        var r = candidates[pos++], file = blockFile(m, groupOf(m, r.id), r.id);
        if (failed.has(file)) continue;
        batch.push([r, file]);
        if (!byFile.has(file) && files.indexOf(file) < 0) files.push(file);
      }
      return Promise.all(files.map(function (file) {
        return json(file).then(function (block) { byFile.set(file, block); },
                               function (error) { failed.set(file, error); });
      })).then(function () {
        batch.forEach(function (pair) { if (byFile.has(pair[1])) best.push(pair[0]); });
        // e.g. offline, "grievance": Rockies' blocks fail, Sooke's (saved) fill the list
        if (failed.size && best.length < LIMIT && pos < candidates.length && ++rounds < 8) return round();
        if (!best.length && failed.size) throw failed.values().next().value;
        return { best: best, byFile: byFile };
      });
    }
    return round();
  }

  /** Material's documents for the ranked entries, each with its agreement as a tag, plus the
   *  pages they are on (Material shows a page above its clauses). */
  function documents(m, all) {
    return loadBest(m, all).then(function (loaded) {
      var best = loaded.best, byFile = loaded.byFile;
      var docs = new Map();
      ranked = [];
      best.forEach(function (r) {
        var group = groupOf(m, r.id);
        var block = byFile.get(blockFile(m, group, r.id));
        var row = block.docs[(r.id - group.start) % m.block];
        var tags = group.slug ? [group.title] : row[3]; // an agreement, or a bulletin's own tags
        docs.set(row[0], { location: row[0], title: row[1], text: row[2], tags: tags });
        ranked.push({ ref: row[0], score: r.score });
        var page = row[0].split("#")[0];
        if (page !== row[0] && !docs.has(page) && block.pages[page] !== undefined) {
          docs.set(page, { location: page, title: block.pages[page], text: "", tags: tags });
        }
      });
      // Pages first: Material takes the first entry of a page's location as the page itself.
      var all = Array.from(docs.values());
      return all.filter(function (d) { return d.location.indexOf("#") < 0; })
        .concat(all.filter(function (d) { return d.location.indexOf("#") >= 0; }));
    });
  }

  /** The words and citations of a query, as Material's lunr reads them (for highlighting). */
  function forMaterial(parsed) {
    return parsed.words.concat(parsed.cites.map(function (c) { return c.key; }))
      .join(" ").replace(/[+\-:^~*]/g, " ").trim() || "_";
  }

  function answer(query) {
    loadScripts();
    var parsed = ClausebookQuery.parse(query);
    var slow = setTimeout(function () { say("loading", query); }, 150);
    return loadMeta().then(function (m) {
      return rank(m, parsed).then(function (best) { return documents(m, best); });
    }).then(function (docs) {
      clearTimeout(slow);
      say("ready", query);
      if (!docs.length) {
        realPost({ type: RESULT, data: { items: [] } });
        return null;
      }
      return new Promise(function (resolve) {
        swallowReady = resolve;
        meta.then(function (m) {
          toMaterial({ type: SETUP, data: { config: m.config, docs: docs, options: options } });
        });
      }).then(function () {
        toMaterial({ type: QUERY, data: forMaterial(parsed) });
      });
    }, function (error) {
      clearTimeout(slow);
      say("failed", query);
      console.warn("clausebook-search: the search index did not load:", error);
      realPost({ type: RESULT, data: { items: [] } });
    });
  }

  function next() {
    if (running || latest === null) return;
    var query = latest;
    latest = null;
    running = answer(query).then(function () { running = null; next(); },
                                 function () { running = null; next(); });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (event.clausebook || passThrough || !message) return; // Material's listener handles it
    if (message.type === SETUP) {
      var config = (message.data && message.data.config) || {};
      if (!config.clausebook) {
        // A plain Material index: load Material's worker and hand it this SETUP (a listener it
        // adds now would not see the event being dispatched), then every later message.
        passThrough = true;
        event.stopImmediatePropagation();
        loadScripts();
        toMaterial(message);
        return;
      }
      event.stopImmediatePropagation();
      options = message.data.options || {};
      metaUrl = new URL(config.clausebook, root);
      realPost({ type: READY });
    } else if (message.type === QUERY) {
      event.stopImmediatePropagation();
      if (!String(message.data || "").trim()) {
        // Material asks with an empty query as soon as the worker is ready: no index needed.
        latest = null;
        if (!running) realPost({ type: RESULT, data: { items: [] } });
        return;
      }
      latest = message.data;
      next();
    }
  });

  if (channel) {
    channel.onmessage = function (event) {
      if (event.data === "open" && metaUrl) loadMeta().catch(function () {});
    };
  }

  /**
   * Material's worker (12.5 KB gz) and the query reader (2.9 KB) are loaded when they are first
   * needed: search opened, a query, or a plain Material index. Material creates this worker on
   * every page load, so importing them at once made every first view ~15 KB heavier for members
   * who never search. A dedicated worker may call importScripts at any time; Material's message
   * listener, registered by its script, still comes after ours.
   */
  var loaded = false;
  function loadScripts() {
    if (loaded) return;
    loaded = true;
    importScripts("clausebook-query.js");
    importScripts(material); // Material's worker: registers its own message listener, sets self.lunr

    // Material's lunr search, kept in this worker's order and to its entries: lunr's own matches
    // only say which words to highlight.
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (query) {
      if (passThrough) return search.call(this, query);
      var matches = new Map();
      try {
        search.call(this, query).forEach(function (r) { matches.set(r.ref, r.matchData); });
      } catch (e) { /* nothing to highlight */ }
      return ranked.map(function (r) {
        return { ref: r.ref, score: r.score, matchData: matches.get(r.ref) || { metadata: {} } };
      });
    };
  }
})();
