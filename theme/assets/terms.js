/* Defined terms: a tooltip with the agreement's own definition (generator/render/glossary.py).
 *
 * A use of a term is   <span class="cb-defterm" tabindex="0" role="button"
 *                            aria-describedby="def-KEY" data-defterm="KEY">words</span>
 * and its definition a hidden <div id="def-KEY" class="cb-def"> at the end of the page (screen
 * readers read it as the term's description). One tooltip element shows that definition:
 *   mouse     hover shows it (it stays while the pointer is on the term or the tooltip); click pins it
 *   keyboard  focus (Tab) shows it, Enter/Space pins it, Escape closes it, Tab moves into its link
 *   touch     tap shows it; tap the term again, or anywhere else, to close it
 * It sits below the term (above when there is no room below) and is kept inside the viewport.
 * Listeners are delegated from `document`, so pages swapped in by Material's instant navigation
 * work too; the tooltip is closed whenever a new page arrives (`document$`).
 */
(function () {
  "use strict";

  var MARGIN = 8;        // px kept free between the tooltip and the viewport's edges
  var GAP = 6;           // px between the term and the tooltip
  var tip = null;        // the tooltip element (one per page)
  var current = null;    // the term it shows
  var pinned = false;    // opened by click/tap/Enter: hover and blur do not close it
  var pointer = "mouse"; // type of the last pointer that went down: mouse | touch | pen
  var pointerFocus = false; // the next focus comes from a pointer, not the keyboard
  var hideTimer = 0;

  function termOf(node) {
    return node && node.closest ? node.closest(".cb-defterm") : null;
  }

  function inTip(node) {
    return !!(tip && node && tip.contains(node));
  }

  function tooltip() {
    if (!tip) {
      tip = document.createElement("span"); // a span: it goes right after the term, inside its paragraph
      tip.className = "cb-tip";
      tip.id = "cb-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { if (!pinned) hideSoon(); });
      tip.addEventListener("focusout", function (e) {
        if (!inTip(e.relatedTarget) && e.relatedTarget !== current) hide();
      });
    }
    return tip;
  }

  function show(term, pin) {
    var def = document.getElementById(term.getAttribute("aria-describedby") || "");
    if (!def) return;
    clearTimeout(hideTimer);
    var t = tooltip();
    if (current !== term) {
      if (current) current.setAttribute("aria-expanded", "false");
      t.innerHTML = def.innerHTML; // the page's own generated markup (escaped when it was written)
      term.insertAdjacentElement("afterend", t); // so Tab goes from the term into the tooltip's link
      current = term;
      pinned = false;
    }
    pinned = pinned || !!pin;
    term.setAttribute("aria-expanded", "true");
    t.hidden = false;
    place();
  }

  function hide() {
    clearTimeout(hideTimer);
    if (current) current.setAttribute("aria-expanded", "false");
    if (tip) tip.hidden = true;
    current = null;
    pinned = false;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250); // time to move the pointer from the term into the tooltip
  }

  // Below the term's first line box, or above it when it does not fit below; always clamped
  // inside the viewport (the tooltip is position: fixed, so these are viewport coordinates).
  function place() {
    if (!current || !tip || tip.hidden) return;
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    tip.style.maxWidth = Math.min(360, vw - 2 * MARGIN) + "px";
    tip.style.maxHeight = Math.max(80, Math.min(320, vh / 2)) + "px";
    tip.style.left = "0px";
    tip.style.top = "0px";
    var rects = current.getClientRects();
    var r = rects.length ? rects[0] : current.getBoundingClientRect();
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var left = Math.min(Math.max(MARGIN, r.left), vw - w - MARGIN);
    var top = r.bottom + GAP;
    if (top + h > vh - MARGIN && r.top - GAP - h >= MARGIN) top = r.top - GAP - h;
    top = Math.min(Math.max(MARGIN, top), vh - h - MARGIN);
    tip.style.left = Math.max(MARGIN, left) + "px";
    tip.style.top = Math.max(MARGIN, top) + "px";
  }

  document.addEventListener("pointerdown", function (e) {
    pointer = e.pointerType || "mouse";
    var term = termOf(e.target);
    pointerFocus = !!term;
    if (!term && !inTip(e.target)) hide(); // a tap or click elsewhere closes it
  }, true);

  document.addEventListener("mouseover", function (e) {
    var term = termOf(e.target);
    if (term && pointer === "mouse") show(term, false);
  });

  document.addEventListener("mouseout", function (e) {
    var term = termOf(e.target);
    if (term && term === current && !pinned && !inTip(e.relatedTarget) && termOf(e.relatedTarget) !== term) hideSoon();
  });

  document.addEventListener("click", function (e) {
    var term = termOf(e.target);
    if (!term) return;
    pointerFocus = false;
    if (term === current && pinned && tip && !tip.hidden) hide(); // tap (or click) again closes it
    else show(term, true);
  });

  document.addEventListener("focusin", function (e) {
    var term = termOf(e.target);
    if (term && !pointerFocus) show(term, false); // keyboard focus
  });

  document.addEventListener("focusout", function (e) {
    var term = termOf(e.target);
    if (term && term === current && !pinned && !inTip(e.relatedTarget)) hide();
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) {
      var term = current;
      var focusInside = inTip(document.activeElement);
      hide();
      if (focusInside) term.focus({ preventScroll: true });
    } else if ((e.key === "Enter" || e.key === " ") && termOf(e.target) === e.target) {
      e.preventDefault(); // role="button": Enter and Space act like a click
      if (e.target === current && pinned) hide();
      else show(e.target, true);
    }
  });

  window.addEventListener("resize", place);
  window.addEventListener("scroll", place, { passive: true, capture: true });

  // Material's instant navigation swaps the page content: start each page closed.
  function reset() {
    hide();
    tip = null;
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reset);
  } else {
    document.addEventListener("DOMContentLoaded", reset);
  }
})();
