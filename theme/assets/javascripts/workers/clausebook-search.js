/*
 * Clausebook search worker: Material's own search worker, loaded inside this one, with two
 * changes (see generator/render/search.py for the index it reads):
 *
 * 1. The index is downloaded when the reader starts searching, not by every page.
 *    site/search/search_index.json (which Material's page script fetches on every page) holds
 *    only the configuration, with `clausebook`: the address of the full index. This worker
 *    answers Material's SETUP at once, downloads the full index on the first query (or earlier,
 *    when clausebook.js says on the "clausebook-search" BroadcastChannel that search was opened),
 *    then hands it to Material's worker. Only the latest query typed while it downloads is run.
 * 2. A clause whose citation is exactly what the reader typed comes first: "12.05",
 *    "Article 12.05", "12.05(a)", "A.6.2", "LOU 3", "Letter of Understanding #3" (the typed text
 *    and each entry's `cite` are compared after `norm`). Lunr's scores are otherwise kept.
 *
 * It also tags every entry with its agreement's short title (Material shows tags under each
 * result), from the index's `agreements` map.
 *
 * Material's worker is named by the `material` query parameter (main.html points Material's
 * configuration here and passes the original file name), so a Material upgrade that renames
 * its worker keeps working. If the index is a plain Material index (no `config.clausebook`), every
 * message goes straight to Material's worker.
 */
/* global lunr */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var EXACT_BOOST = 1000;

  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^[\w.-]+\.js$/.test(material)) {
    throw new Error("clausebook-search: no Material worker named (?material=search.<hash>.min.js)");
  }
  var root = new URL("../../../", self.location.href); // this file is <site>/assets/javascripts/workers/

  var realPost = self.postMessage.bind(self);
  var swallowReady = null; // resolves when Material's worker has built the full index
  var passThrough = false;
  var options = {};
  var indexUrl = null;
  var loading = null;
  var latest = null; // the query to run once the index is loaded
  var lastQuery = "";
  var exactKeys = new Map(); // location -> normalised citation

  /** "Article 12.05(a)" -> "12.05.a", "Letter of Understanding #3" -> "lou.3", "LOU 3" -> "lou.3". */
  function norm(text) {
    var key = String(text || "").toLowerCase().replace(/\(/g, ".").replace(/[)*+^~]/g, "");
    key = key.replace(/#|\bno\./g, " ");
    key = key.replace(/^\s*(letter of understanding|lou)\b/, "lou ");
    key = key.replace(/[\s.]+/g, ".").replace(/^\.+|\.+$/g, "");
    return key.replace(/^(article|art|clause)\./, "");
  }

  /** "12.02(d)(1)" -> "12.02.d.1": typed like the agreement prints it, searched like its citation
   *  (else "(d)" becomes a search for every word starting with d). Other queries are kept. */
  function rewrite(query) {
    return /^\s*(?:article\s+|art\.?\s*|clause\s+)?[\w.-]+(\(\w+\))+\s*$/i.test(query)
      ? query.trim().replace(/\((\w+)\)/g, ".$1")
      : query;
  }

  // Material's worker calls the global postMessage: hold back the READY it sends for the full
  // index (the page already got ours), pass everything else on.
  self.postMessage = function (message) {
    if (message && message.type === READY && swallowReady) {
      var done = swallowReady;
      swallowReady = null;
      done();
      return;
    }
    realPost(message);
  };

  function toMaterial(message) {
    var event = new MessageEvent("message", { data: message });
    event.clausebook = true;
    self.dispatchEvent(event);
  }

  function expand(index) {
    var agreements = index.agreements || {};
    exactKeys = new Map();
    return (index.docs || []).map(function (doc) {
      var slug = doc.location.split("/")[0] + "/";
      if (!doc.tags && agreements[slug]) doc.tags = [agreements[slug]];
      if (doc.cite) exactKeys.set(doc.location, norm(doc.cite));
      return doc;
    });
  }

  function load() {
    if (!loading) {
      loading = fetch(indexUrl.href)
        .then(function (response) {
          if (!response.ok) throw new Error(indexUrl.href + ": HTTP " + response.status);
          return response.json();
        })
        .then(function (index) {
          var docs = expand(index);
          return new Promise(function (resolve) {
            swallowReady = resolve;
            toMaterial({ type: SETUP, data: { config: index.config, docs: docs, options: options } });
          });
        })
        .catch(function (error) {
          loading = null; // try again on the next query
          throw error;
        });
    }
    return loading;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (event.clausebook || passThrough || !message) {
      if (passThrough && message && message.type === QUERY) lastQuery = message.data;
      return; // Material's listener (registered below) handles it
    }
    if (message.type === SETUP) {
      var config = (message.data && message.data.config) || {};
      if (!config.clausebook) {
        passThrough = true; // a plain Material index
        return;
      }
      event.stopImmediatePropagation();
      options = message.data.options || {};
      indexUrl = new URL(config.clausebook, root);
      realPost({ type: READY });
    } else if (message.type === QUERY) {
      event.stopImmediatePropagation();
      if (!String(message.data || "").trim()) {
        // Material asks with an empty query as soon as the worker is ready: no index needed.
        latest = null;
        realPost({ type: RESULT, data: { items: [] } });
        return;
      }
      latest = message.data;
      load().then(
        function () {
          if (latest === null) return;
          var query = latest;
          latest = null;
          lastQuery = query;
          toMaterial({ type: QUERY, data: rewrite(query) });
        },
        function (error) {
          console.warn("clausebook-search: the search index did not load:", error);
          latest = null;
          realPost({ type: RESULT, data: { items: [] } });
        }
      );
    }
  });

  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("clausebook-search").onmessage = function () {
      if (indexUrl) load().catch(function () {});
    };
  }

  importScripts(material); // Material's worker: registers its own message listener, sets self.lunr

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var results = search.call(this, query);
    var key = norm(lastQuery);
    if (key && exactKeys.size) {
      results.forEach(function (result) {
        if (exactKeys.get(result.ref) === key) result.score *= EXACT_BOOST;
      });
      results.sort(function (a, b) { return b.score - a.score; });
    }
    return results;
  };
})();
