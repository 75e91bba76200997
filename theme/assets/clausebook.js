/*
 * Clausebook: land on the clause named in the URL fragment.
 *
 * Browsers scroll to #fragment on a full page load, but not reliably after
 * Material's instant navigation or on iOS Safari, and `:target` is not updated
 * by history.pushState. So, on every page (Material's `document$` emits on first
 * load and after each instant navigation) and on every hash change:
 *   1. find the element by id (getElementById: no CSS-selector escaping needed),
 *   2. scroll it to just below the sticky header,
 *   3. mark it with the class `clause--landed` (highlighted by clausebook.css).
 * Loaded via mkdocs.yml `extra_javascript: [assets/clausebook.js]`.
 */
(function () {
  "use strict";

  var LANDED = "clause--landed";
  var GAP = 8; // px of air between the header and the landed element
  var userMoved = false; // stop re-adjusting once the reader scrolls on their own

  // Bottom edge (px from viewport top) of whatever sticks to the top of the page.
  function headerBottom() {
    var bottom = 0;
    document.querySelectorAll(".md-header, .md-tabs").forEach(function (bar) {
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

  function land() {
    var el = targetOfHash();
    if (!el) return;
    document.querySelectorAll("." + LANDED).forEach(function (old) {
      if (old !== el) old.classList.remove(LANDED);
    });
    el.classList.add(LANDED);
    el.scrollIntoView({ block: "start" }); // honours scroll-margin-top
    // Correct for a header taller than the CSS margin (e.g. sticky tabs).
    var overlap = headerBottom() + GAP - el.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, -overlap);
  }

  // Land after the browser (and Material) have laid the page out.
  function landSoon() {
    userMoved = false;
    requestAnimationFrame(function () {
      requestAnimationFrame(land);
    });
  }

  ["wheel", "touchmove", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { userMoved = true; }, { passive: true });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(landSoon); // first load + every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", landSoon);
  } else {
    landSoon();
  }
  window.addEventListener("hashchange", landSoon);
  // Late layout shifts (web fonts, images) can move the target: land once more,
  // unless the reader has started scrolling by then.
  window.addEventListener("load", function () {
    if (!userMoved) landSoon();
  });
})();
