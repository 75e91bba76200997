/* The visible part of offline reading (issue 14; notes/offline.md), loaded by offline.js only
   when a page has something to show: "Saved … — you are offline", "This page has been updated",
   and the "Save this agreement for offline" line of an agreement's home page. */
(function () {
  "use strict";

  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href).href;
    } catch (e) {
      return new URL("/", location.href).href;
    }
  }

  function slug() {
    var page = location.href.split(/[?#]/)[0];
    return page.indexOf(root) === 0 ? page.slice(root.length).split("/")[0] : "";
  }

  function day(iso, withYear) {
    var date = new Date(iso);
    if (isNaN(date)) return "";
    var options = { day: "numeric", month: "short" };
    if (withYear) options.year = "numeric";
    return date.toLocaleDateString("en-GB", options);
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  // Styled here: one request less on a first view.
  var CSS = ".cb-offline-notice{margin:0 0 1em;padding:.5em .8em;border-left:4px solid var(--md-primary-fg-color,#ef5350);" +
    "background:var(--md-code-bg-color,#f5f5f5);font-size:.8rem}" +
    ".cb-offline-notice button{font:inherit;text-decoration:underline;cursor:pointer;background:none;border:0;" +
    "color:var(--md-typeset-a-color,#c62828);padding:0}.cb-offline-save{margin:1em 0;font-size:.8rem}" +
    ".cb-offline-save .md-button{font-size:.75rem;padding:.5em 1em}" +
    "@media print{.cb-offline-notice,.cb-offline-save{display:none}}";

  function styled() {
    if (document.getElementById("cb-offline-style")) return;
    var style = document.createElement("style");
    style.id = "cb-offline-style";
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  // ------------------------------------------------------------------ "Saved … — you are offline"

  function notice(text, action) {
    styled();
    var box = document.querySelector(".cb-offline-notice");
    if (!box) {
      box = document.createElement("p");
      box.className = "cb-offline-notice";
      box.setAttribute("role", "status");
      var where = document.querySelector(".md-content__inner") || document.body;
      where.insertBefore(box, where.firstChild);
    }
    box.textContent = text;
    if (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      box.appendChild(document.createTextNode(" "));
      box.appendChild(button);
    }
  }

  function showSaved(savedAt) {
    var when = savedAt && savedAt !== "?" ? "Saved " + day(savedAt, true) : "Saved copy";
    // Answered from the saved copy means the network failed (navigator.onLine may still say true).
    notice(when + " — you are offline. This is the copy saved on this device.");
  }

  // ------------------------------------------------------------------ "Save this agreement"

  function saveButton(worker, state) {
    var box = document.querySelector(".cb-offline-save");
    if (!box || !state.agreement) return;
    styled();
    box.hidden = false;
    box.textContent = "";
    if (state.saving) {
      box.textContent = "Saving for offline… " + state.saving.done + " of " + state.saving.total;
    } else if (state.savedAt) {
      box.textContent = "Saved for offline · " + size(state.bytes) + " · " + day(state.savedAt, false);
      if (!state.current) box.textContent += " (a newer version is being saved)";
    } else {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Save this agreement for offline (" + size(state.bytes) + ")";
      button.addEventListener("click", function () {
        box.textContent = "Saving for offline…";
        worker.postMessage({ type: "save", slug: slug() });
      });
      box.appendChild(button);
    }
  }

  /** The page's state from the worker: a notice if it was answered from the saved copy. */
  function start(worker, state) {
    if (state.fromCache || !navigator.onLine) {
      caches.match(location.href.split(/[?#]/)[0]).then(function (r) {
        if (state.fromCache || r) showSaved(state.fromCache || (r && r.headers.get("x-clausebook-saved")));
      });
    }
    saveButton(worker, state);
  }

  /** A message of the worker about this page or its agreement. */
  function message(worker, data) {
    if (data.type === "updated" && data.url === location.href.split(/[?#]/)[0]) {
      notice("This page has been updated.", { label: "Reload", run: function () { location.reload(); } });
    } else if ((data.type === "status" || data.type === "saving") && data.slug === slug()) {
      saveButton(worker, data.type === "saving" ? { agreement: true, saving: data } : data);
    } else if (data.type === "save-failed" && data.slug === slug()) {
      var box = document.querySelector(".cb-offline-save");
      if (box) box.textContent = "Not all of this agreement could be saved: open it again when online.";
    }
  }

  var root = siteRoot();
  window.ClausebookOffline = { start: start, message: message };
})();
