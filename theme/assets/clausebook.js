/*
 * Clausebook in the reader's browser (loaded via mkdocs.yml `extra_javascript`).
 *
 * On every page (Material's `document$` emits on first load and after each instant navigation):
 *
 * 1. Landing: the element named by the URL fragment is scrolled to just below the sticky
 *    header (and the sticky agreement line) and marked `clause--landed` (highlighted by
 *    clausebook.css). Browsers do this unreliably after instant navigation or on iOS Safari,
 *    and `:target` is not updated by history.pushState. Going back or forward, or reloading,
 *    returns to where the reader was (remembered in the history entry when they left, as
 *    Material's instant navigation does): only the highlight moves.
 * 2. Share: every clause with a short URL (`data-short`) gets a button, "Share Article 12.05",
 *    that opens the Web Share sheet where the browser has one, and otherwise copies
 *    "Article 12.05 (Settling of Grievance), Sooke 2006–2010 Collective Agreement —
 *    https://…/sooke-2006/12.05/" to the clipboard; either way a status message confirms it.
 *    Beside it, "QR for print" opens a dialog with the QR code of the short URL and the citation
 *    under it; printing then prints only that (for a notice on the board).
 * 3. "Clauses in Article 12": a collapsed list of the unit's clauses under its title, so a phone
 *    reader can jump within a long article without opening the menu.
 * 4. Print: the unit's short URL under the agreement line (print-only), so a printout can be
 *    traced back.
 * 5. Search: opening search asks the search worker (workers/clausebook-search.js) to start
 *    downloading the index, before the first letter is typed.
 */
(function () {
  "use strict";

  var LANDED = "clause--landed";
  var GAP = 8; // px of air between the sticky bars and a landed element
  var SHARE_ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 3c.79 0 1.5-.31 2.04-.81l7.12 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 0 0 0 18 16.08"/></svg>';

  var QR_ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 11h8V3H3zm2-6h4v4H5zM3 21h8v-8H3zm2-6h4v4H5zM13 3v8h8V3zm6 6h-4V5h4zm0 10h2v2h-2zm-6-6h2v2h-2zm2 2h2v2h-2zm-2 2h2v2h-2zm2 2h2v2h-2zm2-2h2v2h-2zm0-4h2v2h-2zm2 2h2v2h-2z"/></svg>';

  var root = siteRoot(); // computed once: Material's base is relative to the first page
  var userMoved = false; // stop re-adjusting once the reader scrolls on their own
  var traversal = false; // the current navigation is back/forward: keep the restored position
  var lastClick = 0;
  var first = true;
  var firstType = navigationType();

  // ------------------------------------------------------------------------------- helpers

  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href).href;
    } catch (e) {
      return new URL("/", location.href).href;
    }
  }

  function navigationType() {
    try {
      var entry = performance.getEntriesByType("navigation")[0];
      return (entry && entry.type) || "navigate";
    } catch (e) {
      return "navigate";
    }
  }

  function content() {
    return document.querySelector(".md-content article") || document.querySelector(".md-content");
  }

  /** The id of a citation, as generator/tree/citations.py makes it: "LOU 3.B" -> "cl-lou-3-b". */
  function clauseId(cite) {
    return "cl-" + cite.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /** "12.05" -> "Article 12.05", "A.6.2" -> "Article A.6.2"; "LOU 3.B", "Schedule A" as they are. */
  function citeLabel(cite) {
    return /^(?:[A-Z]\.)?\d/.test(cite) ? "Article " + cite : cite;
  }

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }

  function textOf(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".cb-share, .cb-qr, .headerlink, .cb-print-only").forEach(function (x) { x.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function isUnit(el) {
    return el.tagName === "H1";
  }

  /** A unit's heading as the generator writes page titles: "Article 12 – GRIEVANCE PROCEDURE". */
  function unitHeading() {
    return document.title.split(" · ")[0].trim();
  }

  /** A clause's own title: a heading's text after its number, or a sub-clause's bold title. */
  function ownTitle(el) {
    if (isUnit(el)) {
      var parts = unitHeading().split(" – ");
      return parts.length > 1 ? parts.slice(1).join(" – ") : "";
    }
    var cite = el.getAttribute("data-cite") || "";
    if (/^H[2-6]$/.test(el.tagName)) {
      var words = textOf(el).split(" ");
      var num = words[0].toLowerCase().replace(/[()\[\]]/g, "").replace(/\.$/, "");
      var last = cite.split(".").pop().toLowerCase();
      if (num === cite.toLowerCase() || num === last) words.shift();
      return words.join(" ");
    }
    var number = el.querySelector(":scope > p:first-of-type > .cb-num, :scope > .cb-num");
    if (!number) return "";
    var gap = number.nextSibling;
    var strong = gap && gap.nodeType === 3 && !gap.textContent.trim() ? gap.nextSibling : gap;
    return strong && strong.nodeType === 1 && strong.tagName === "STRONG" ? textOf(strong) : "";
  }

  /** Its own title, else the nearest titled clause above it ("12.02.d.2" -> 12.02's title). */
  function shareTitle(el) {
    var title = ownTitle(el);
    var cite = el.getAttribute("data-cite") || "";
    while (!title && cite.indexOf(".") > 0) {
      cite = cite.slice(0, cite.lastIndexOf("."));
      var up = document.getElementById(clauseId(cite));
      if (up) title = ownTitle(up);
    }
    if (!title) {
      var unit = document.querySelector(".md-content h1.clause");
      if (unit && unit !== el) title = ownTitle(unit);
    }
    return title;
  }

  function shareData(el) {
    var cite = el.getAttribute("data-cite") || "";
    var label = isUnit(el) ? unitHeading().split(" – ")[0] : citeLabel(cite);
    var title = shareTitle(el);
    // As a grievance form cites: "Article 12.05 (Settling of Grievance), Sooke 2006–2010
    // Collective Agreement — <URL>". The document's name comes from the generator, which knows
    // whether it is an agreement or bylaws (render/preview.py cite_name); else its short title.
    var doc = document.querySelector(".md-content .cb-doc");
    var agreement = metaContent("clausebook:cite-as") || (doc ? (doc.getAttribute("data-doc-title") || "") : "");
    var text = (title ? label + " (" + title + ")" : label) + (agreement ? ", " + agreement : "");
    var url = new URL(el.getAttribute("data-short"), root).href;
    return { label: label, text: text, url: url, line: text + " \u2014 " + url };
  }

  // ------------------------------------------------------------------------------- landing

  // Bottom edge (px from the viewport top) of whatever sticks to the top of the page.
  function headerBottom() {
    var bottom = 0;
    document.querySelectorAll(".md-header, .md-tabs, .md-content .cb-doc").forEach(function (bar) {
      var style = getComputedStyle(bar);
      if (style.display === "none" || style.visibility === "hidden") return;
      if (style.position !== "sticky" && style.position !== "fixed") return;
      bottom = Math.max(bottom, bar.getBoundingClientRect().bottom);
    });
    return bottom;
  }

  function targetOfHash() {
    var id = location.hash.slice(1);
    if (!id) return null;
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      /* keep the raw fragment */
    }
    return document.getElementById(id);
  }

  // Where the reader is, kept in the history entry they are leaving ({x, y}, the shape Material's
  // instant navigation uses), so Back within a page can return there: Chrome would otherwise
  // scroll back to the fragment, not to where the reader had read on to.
  function remember() {
    try {
      var state = history.state;
      if (state !== null && typeof state !== "object") return;
      history.replaceState(Object.assign({}, state, { x: window.scrollX, y: window.scrollY }), "");
    } catch (e) {
      /* some browsers limit replaceState calls */
    }
  }

  function restore() {
    var state = history.state;
    if (!state || typeof state.y !== "number") return false;
    window.scrollTo(state.x || 0, state.y);
    return true;
  }

  function land(scroll) {
    var el = targetOfHash();
    document.querySelectorAll("." + LANDED).forEach(function (old) {
      if (old !== el) old.classList.remove(LANDED);
    });
    if (!el) return;
    el.classList.add(LANDED);
    if (!scroll) return;
    el.scrollIntoView({ block: "start" }); // honours scroll-margin-top
    // Correct for sticky bars taller than the CSS margin (sticky tabs, a two-line agreement line).
    var overlap = headerBottom() + GAP - el.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, -overlap);
  }

  // Land after the browser (and Material) have laid the page out.
  function landSoon(scroll) {
    userMoved = false;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { land(scroll); });
    });
  }

  function shouldScroll() {
    if (first) return firstType !== "back_forward" && firstType !== "reload";
    return !traversal;
  }

  ["wheel", "touchmove", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { userMoved = true; }, { passive: true });
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("a[href]")) {
      lastClick = Date.now();
      remember();
    }
  }, true);
  if (window.navigation && typeof window.navigation.addEventListener === "function") {
    window.navigation.addEventListener("navigate", function (event) {
      traversal = event.navigationType === "traverse";
    });
  } else {
    window.addEventListener("popstate", function () {
      traversal = Date.now() - lastClick > 1000; // a tapped #link also fires popstate
    });
  }

  // ------------------------------------------------------------------------------- share

  var toast = null;
  var toastTimer = 0;

  // The status region exists (empty) before its first message, so screen readers announce it.
  function statusRegion() {
    if (!toast || !document.body.contains(toast)) {
      toast = document.createElement("div");
      toast.className = "cb-toast";
      toast.setAttribute("role", "status");
      toast.setAttribute("aria-live", "polite");
      document.body.appendChild(toast);
    }
    return toast;
  }

  function notify(message) {
    statusRegion().textContent = message;
    toast.classList.add("cb-toast--visible");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      toast.classList.remove("cb-toast--visible");
    }, 4000);
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      area.remove();
      if (ok) resolve();
      else reject(new Error("copy refused"));
    });
  }

  function copy(data) {
    writeClipboard(data.line).then(
      function () { notify("Link copied: " + data.text); },
      function () { notify("Could not copy. The link is " + data.url); }
    );
  }

  function share(el) {
    var data = shareData(el);
    var payload = { title: data.text, text: data.text, url: data.url };
    if (typeof navigator.share === "function" &&
        (typeof navigator.canShare !== "function" || navigator.canShare(payload))) {
      navigator.share(payload).then(
        function () { notify("Shared: " + data.text); },
        function (error) {
          if (error && error.name === "AbortError") return; // the reader closed the sheet
          copy(data);
        }
      );
    } else {
      copy(data);
    }
  }

  function addShareButtons(scope) {
    scope.querySelectorAll(".clause[data-short]").forEach(function (el) {
      if (el.querySelector(":scope > .cb-share")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cb-share";
      button.innerHTML = SHARE_ICON;
      var label = isUnit(el) ? unitHeading().split(" – ")[0] : citeLabel(el.getAttribute("data-cite") || "");
      button.setAttribute("aria-label", "Share " + label);
      button.title = "Share or copy the link to " + label;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        share(el);
      });
      var qr = qrBase() ? qrButton(el, label) : null;
      if (/^H[1-6]$/.test(el.tagName)) {
        el.appendChild(button);
        if (qr) el.appendChild(qr);
      } else {
        el.insertBefore(button, el.firstChild);
        if (qr) button.insertAdjacentElement("afterend", qr);
      }
      if (qr) el.classList.add("cb-has-qr");
    });
  }

  // ------------------------------------------------------------------------------- QR for print

  // The code of each short URL is made at build time (generator/render/qr.py) as <short URL>qr.svg
  // and encodes the published address (meta clausebook:qr): fetched only when asked for.
  var qrDialog = null;
  var qrOpener = null;

  function qrBase() {
    return metaContent("clausebook:qr");
  }

  function closeQr() {
    if (qrDialog && qrDialog.open) qrDialog.close();
  }

  function buildQrDialog() {
    var dialog = document.createElement("dialog");
    dialog.className = "cb-qr-dialog";
    dialog.setAttribute("aria-labelledby", "cb-qr-heading");
    dialog.innerHTML =
      '<h2 id="cb-qr-heading" class="cb-qr-heading">QR code for print</h2>' +
      '<img class="cb-qr-code" width="240" height="240" alt="">' +
      '<p class="cb-qr-cite"></p><p class="cb-qr-url"></p>' +
      '<div class="cb-qr-actions">' +
      '<button type="button" class="md-button md-button--primary cb-qr-print">Print</button>' +
      '<button type="button" class="md-button cb-qr-close">Close</button></div>';
    dialog.querySelector(".cb-qr-print").addEventListener("click", function () { window.print(); });
    dialog.querySelector(".cb-qr-close").addEventListener("click", closeQr);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) closeQr(); // a tap outside the box
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("cb-qr-open");
      if (qrOpener && document.body.contains(qrOpener)) qrOpener.focus();
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  function showQr(el, opener) {
    var data = shareData(el);
    var printed = new URL(el.getAttribute("data-short"), qrBase()).href;
    if (!qrDialog || !document.body.contains(qrDialog)) qrDialog = buildQrDialog();
    var img = qrDialog.querySelector(".cb-qr-code");
    img.src = new URL(el.getAttribute("data-short") + "qr.svg", root).href;
    img.alt = "QR code of " + printed;
    qrDialog.querySelector(".cb-qr-cite").textContent = data.text;
    qrDialog.querySelector(".cb-qr-url").textContent = printed;
    qrOpener = opener;
    document.documentElement.classList.add("cb-qr-open");
    if (typeof qrDialog.showModal === "function") qrDialog.showModal();
    else qrDialog.setAttribute("open", "");
    qrDialog.querySelector(".cb-qr-print").focus();
  }

  function qrButton(el, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cb-qr";
    button.innerHTML = QR_ICON;
    button.setAttribute("aria-label", "QR for print: " + label);
    button.title = "QR code of the link to " + label + ", to print";
    button.addEventListener("click", function (event) {
      event.preventDefault();
      showQr(el, button);
    });
    return button;
  }

  // ------------------------------------------------------------------------------- clause list

  function addClauseList(scope) {
    var unit = scope.querySelector("h1.clause[data-cite]");
    if (!unit || scope.querySelector(".cb-clauses")) return;
    var cite = unit.getAttribute("data-cite");
    var depth = cite.split(".").length + 1;
    var items = [];
    scope.querySelectorAll(".clause[data-cite]").forEach(function (el) {
      var c = el.getAttribute("data-cite");
      if (c.indexOf(cite + ".") !== 0 || c.split(".").length !== depth || !el.id) return;
      var text;
      if (/^H[2-6]$/.test(el.tagName)) {
        text = textOf(el);
      } else {
        var title = ownTitle(el);
        var para = el.querySelector(":scope > p");
        var words = para ? textOf(para).replace(/^\S+\s*/, "") : "";
        text = citeLabel(c).replace(/^Article /, "") + " " + (title || words);
      }
      items.push({ id: el.id, text: text });
    });
    if (items.length < 2) return;
    var label = unitHeading().split(" – ")[0];
    var details = document.createElement("details");
    details.className = "cb-clauses";
    var summary = document.createElement("summary");
    summary.textContent = "Clauses in " + label + " (" + items.length + ")";
    details.appendChild(summary);
    var list = document.createElement("ol");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + item.id;
      a.textContent = item.text;
      li.appendChild(a);
      list.appendChild(li);
    });
    details.appendChild(list);
    unit.insertAdjacentElement("afterend", details);
  }

  // ------------------------------------------------------------------------------- print

  function addPrintUrl(scope) {
    var doc = scope.querySelector(".cb-doc");
    var unit = scope.querySelector("h1.clause[data-short]");
    if (!doc || !unit || scope.querySelector(".cb-print-url")) return;
    var line = document.createElement("p");
    line.className = "cb-print-only cb-print-url";
    line.textContent = new URL(unit.getAttribute("data-short"), root).href;
    doc.insertAdjacentElement("afterend", line);
  }

  // ------------------------------------------------------------------------------- search

  var warmed = false;
  function warmSearch() {
    if (warmed || typeof BroadcastChannel !== "function") return;
    warmed = true;
    try {
      var channel = new BroadcastChannel("clausebook-search");
      channel.postMessage("open");
      channel.close();
    } catch (e) {
      /* the worker loads the index on the first query anyway */
    }
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) warmSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) warmSearch();
  });

  // ------------------------------------------------------------------------------- wiring

  // Material's search is a role=dialog without a name (axe-core: aria-dialog-name).
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (el) {
    el.setAttribute("aria-label", "Search the agreements");
  });

  function onPage() {
    var scope = content();
    statusRegion();
    if (scope) {
      addShareButtons(scope);
      addClauseList(scope);
      addPrintUrl(scope);
    }
    if ((first && firstType === "back_forward") || (!first && traversal)) {
      // The browser (or Material) restores its position before our buttons and lists change the
      // layout; the one remembered when the reader left was taken with them.
      requestAnimationFrame(restore);
      landSoon(false);
    } else {
      landSoon(shouldScroll());
    }
    first = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage); // first load + every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
  window.addEventListener("hashchange", function () {
    // `traversal` stays set until the next navigation: with instant navigation, the page for a
    // Back arrives after this event (and Material restores its position itself).
    if (traversal && restore()) landSoon(false);
    else landSoon(!traversal);
  });
  // Late layout shifts (web fonts, images) can move the target: land once more, unless the
  // reader has started scrolling by then or the browser is restoring a position.
  window.addEventListener("load", function () {
    if (userMoved) return;
    if (firstType === "back_forward") restore();
    else if (firstType !== "reload") landSoon(true);
  });
  window.addEventListener("pagehide", remember);
})();
