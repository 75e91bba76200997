/*
 * Clausebook's service worker (issue 14), on Workbox. site/sw.js (written by `clausebook build`,
 * generator/offline/) sets self.CLAUSEBOOK = {workbox, precache, agreements} and imports the
 * vendored Workbox modules (one file, workbox-clausebook.js) and this file.
 *
 * - The shell (CSS, JS, icons, search workers) is precached with content revisions.
 * - Pages and data: network first with a 4 s timeout, so a member online always gets
 *   corrections; the copy kept is stamped with when it was saved, and a page answered from the
 *   cache is remembered so it can say so ("Saved 5 Dec 2026 — you are offline"), and say
 *   "updated — reload" when the network's copy arrives after all.
 * - Opening any page of an agreement saves the whole agreement in the background from its list,
 *   site/offline/<slug>.json (every file with its revision; only changed files are fetched
 *   again); a short URL (sooke-2006/12.05/) is answered offline from the list's redirect map.
 * - Caches are named after the scope: GitHub Pages project sites share one origin.
 */
(function () {
  "use strict";

  var CB = self.CLAUSEBOOK;
  var SCOPE = self.registration.scope;
  var PAGES = "clausebook-pages-" + SCOPE;
  var SAVED = "clausebook-saved-" + SCOPE; // offline/<slug>.json of each saved agreement
  var SAVED_AT = "x-clausebook-saved";
  var REVISION = "x-clausebook-revision";
  var servedFromCache = new Map(); // page URL -> when its copy was saved
  var saving = new Map(); // slug -> {done, total, promise}

  workbox.core.setCacheNameDetails({ prefix: "clausebook" });
  // The home page (the installed app's start_url) is kept from the start: it must open offline
  // even if the member left it before the worker ran.
  self.addEventListener("install", function (event) {
    self.skipWaiting();
    event.waitUntil(keepPage(SCOPE));
  });
  workbox.core.clientsClaim();
  workbox.precaching.precacheAndRoute(CB.precache, {
    ignoreURLParametersMatching: [/^material$/, /^v$/], directoryIndex: null, cleanURLs: false,
  });
  workbox.precaching.cleanupOutdatedCaches();

  /** A URL without query or fragment: "…/article-12/?h=leave#x" -> "…/article-12/". */
  function key(url) {
    var u = new URL(url);
    u.search = "";
    u.hash = "";
    return u.href;
  }

  /** The response with when it was saved (and the build's revision of the file). */
  function stamped(response, revision) {
    var headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    if (revision) headers.set(REVISION, revision);
    return response.blob().then(function (body) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
    });
  }

  function keepable(response) {
    return response && response.status === 200 && response.type === "basic" && !response.redirected;
  }

  var keepPlugin = {
    // Ask the server every time (a 304 costs a few bytes): GitHub Pages lets browsers keep a page
    // for 10 minutes, and a correction must not wait for that. A navigation cannot be copied with
    // new options, so it is asked again as a GET that does not follow redirects (a redirect is
    // handed to the browser, which follows it).
    requestWillFetch: function (o) {
      return Promise.resolve(new Request(o.request.url, {
        cache: "no-cache", credentials: "same-origin",
        redirect: o.request.mode === "navigate" ? "manual" : "follow",
      }));
    },
    cacheKeyWillBeUsed: function (o) { return Promise.resolve(key(o.request.url)); },
    cacheWillUpdate: function (o) { return keepable(o.response) ? stamped(o.response) : Promise.resolve(null); },
    cachedResponseWillBeUsed: function (o) {
      if (o.cachedResponse) servedFromCache.set(key(o.request.url), o.cachedResponse.headers.get(SAVED_AT) || "");
      return Promise.resolve(o.cachedResponse);
    },
    cacheDidUpdate: function (o) {
      var url = key(o.request.url);
      if (servedFromCache.has(url)) {
        servedFromCache.delete(url);
        tell({ type: "updated", url: url });
      }
      return Promise.resolve();
    },
  };
  var networkFirst = new workbox.strategies.NetworkFirst({
    cacheName: PAGES, networkTimeoutSeconds: 4, plugins: [keepPlugin],
  });

  function inScope(url) { return url.href.indexOf(SCOPE) === 0; }

  workbox.routing.registerRoute(function (o) {
    return o.request.mode === "navigate" && inScope(o.url);
  }, function (o) {
    return networkFirst.handle(o).catch(function () { return offlineAnswer(o.request.url); });
  });
  workbox.routing.registerRoute(function (o) {
    return o.request.method === "GET" && inScope(o.url);
  }, networkFirst);

  // ------------------------------------------------------------------ offline answers

  function savedList(slug) {
    return caches.open(SAVED)
      .then(function (cache) { return cache.match(SCOPE + "offline/" + slug + ".json"); })
      .then(function (r) { return r ? r.json() : null; })
      .catch(function () { return null; });
  }

  /** A page not in the cache: a short URL of a saved agreement goes to its clause; any other,
   * "/article-12" without its slash included, is tried once more; else a page saying why. */
  function offlineAnswer(url) {
    var page = key(url);
    var rel = page.slice(SCOPE.length);
    var slug = rel.split("/")[0];
    var rest = rel.slice(slug.length + 1).replace(/\/?$/, "/");
    return savedList(slug).then(function (list) {
      if (list && list.redirects && Object.prototype.hasOwnProperty.call(list.redirects, rest)) {
        return Response.redirect(new URL(list.redirects[rest], SCOPE + slug + "/" + rest).href, 302);
      }
      return caches.open(PAGES).then(function (cache) { return cache.match(page.replace(/\/?$/, "/")); })
        .then(function (found) { return found ? Response.redirect(page.replace(/\/?$/, "/"), 302) : notSaved(); });
    });
  }

  function notSaved() {
    var home = SCOPE.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
    var body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Offline</title>" +
      "<style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem}</style>" +
      "</head><body><h1>You are offline</h1><p>This page has not been saved on this device. " +
      "Agreements you have opened are saved: go to the <a href=\"" + home + "\">home page</a> " +
      "and open one.</p></body></html>";
    return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }

  // ------------------------------------------------------------------ saving an agreement

  function tell(message) {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (all) {
      all.forEach(function (client) { client.postMessage(message); });
    });
  }

  function save(slug) {
    if (!Object.prototype.hasOwnProperty.call(CB.agreements, slug)) return Promise.resolve();
    if (saving.has(slug)) return saving.get(slug).promise;
    var job = { slug: slug, done: 0, total: 0 };
    job.promise = fetchAgreement(slug, job).then(function () {
      saving.delete(slug);
      return status(slug, null).then(tell);
    }, function () {
      saving.delete(slug);
      return tell({ type: "save-failed", slug: slug });
    });
    saving.set(slug, job);
    return job.promise;
  }

  function fetchAgreement(slug, job) {
    var listUrl = SCOPE + "offline/" + slug + ".json";
    var revision = CB.agreements[slug].revision;
    return caches.open(SAVED).then(function (saved) {
      return saved.match(listUrl).then(function (old) {
        if (old && old.headers.get(REVISION) === revision) return null; // saved, and current
        return fetch(listUrl, { cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error("no list for " + slug);
          return response.clone().json().then(function (list) {
            return fetchFiles(list.files, job).then(function (failed) {
              if (failed) throw new Error(failed + " files not saved");
              return stamped(response, revision).then(function (r) { return saved.put(listUrl, r); });
            });
          });
        });
      });
    });
  }

  /** Fetch the files not saved at their revision, four at a time; the number that failed. */
  function fetchFiles(files, job) {
    var queue = files.slice();
    var failed = 0;
    job.total = files.length;
    return caches.open(PAGES).then(function (cache) {
      function next() {
        var file = queue.shift();
        if (!file) return Promise.resolve();
        var url = SCOPE + file[0];
        return cache.match(url).then(function (cached) {
          if (cached && cached.headers.get(REVISION) === file[1]) return null;
          return fetch(url, { cache: "no-cache" }).then(function (r) {
            if (!keepable(r)) throw new Error(url);
            return stamped(r, file[1]).then(function (s) { return cache.put(url, s); });
          });
        }).catch(function () { failed += 1; }).then(function () {
          job.done += 1;
          if (job.done % 20 === 0) tell({ type: "saving", slug: job.slug, done: job.done, total: job.total });
          return next();
        });
      }
      return Promise.all([next(), next(), next(), next()]).then(function () { return failed; });
    });
  }

  /** What the page shows: the agreement's size, when it was saved, the progress of a save. */
  function status(slug, url) {
    var info = Object.prototype.hasOwnProperty.call(CB.agreements, slug) ? CB.agreements[slug] : null;
    return caches.open(SAVED).then(function (saved) {
      return saved.match(SCOPE + "offline/" + slug + ".json");
    }).then(function (old) {
      var job = saving.get(slug);
      return {
        type: "status", slug: slug, bytes: info ? info.bytes : 0, agreement: !!info,
        savedAt: old ? old.headers.get(SAVED_AT) : null,
        current: !!(old && info && old.headers.get(REVISION) === info.revision),
        saving: job ? { done: job.done, total: job.total } : null,
        fromCache: url && servedFromCache.has(key(url)) ? servedFromCache.get(key(url)) || "?" : null,
      };
    });
  }

  /** Keep the page the member is reading (the first one was loaded before the worker ran). */
  function keepPage(url) {
    var page = key(url);
    return caches.open(PAGES).then(function (cache) {
      return cache.match(page).then(function (found) {
        if (found) return null;
        return fetch(page, { cache: "no-cache" }).then(function (r) {
          return keepable(r) ? stamped(r).then(function (s) { return cache.put(page, s); }) : null;
        });
      });
    }).catch(function () { return null; });
  }

  function slugOf(url) {
    return url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length).split("/")[0] : "";
  }

  self.addEventListener("message", function (event) {
    var data = event.data || {};
    var reply = event.ports && event.ports[0];
    if (data.type === "visit" && typeof data.url === "string") {
      var slug = slugOf(key(data.url));
      event.waitUntil(keepPage(data.url).then(function () { return data.auto ? save(slug) : null; }));
    } else if (data.type === "save" && typeof data.slug === "string") {
      event.waitUntil(save(data.slug));
    } else if (data.type === "status" && reply) {
      event.waitUntil(status(String(data.slug || ""), data.url || null).then(function (s) { reply.postMessage(s); }));
    }
  });
})();
