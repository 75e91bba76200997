/*
 * Offline reading in the page (issue 14); the worker is theme/assets/offline-sw.js.
 *
 * - Registers site/sw.js after the page has loaded, only when the page names it (data-sw on this
 *   script, left out by `clausebook serve`, which instead unregisters a worker left on this origin).
 * - Tells the worker which page is read: it keeps it, and saves the page's agreement in the
 *   background (not when the browser asks to save data: then the button below does it).
 * - A page answered from the saved copy says so: "Saved 5 Dec 2026 — you are offline".
 * - On an agreement's home page, the placeholder .cb-offline-save becomes "Save this agreement
 *   for offline (2.1 MB)", then "Saved for offline · 2.1 MB · 5 Dec". Without service workers it
 *   stays hidden and the page is as before.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var sw = script.getAttribute("data-sw");
  var root = siteRoot();
  var saveData = !!(navigator.connection && navigator.connection.saveData);

  if (!sw) { // a preview: no worker may cache it
    navigator.serviceWorker.getRegistrations().then(function (all) {
      all.forEach(function (registration) { registration.unregister(); });
    });
    return;
  }

  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href).href;
    } catch (e) {
      return new URL(".", new URL(script.getAttribute("data-sw") || "sw.js", location.href)).href;
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

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  // ------------------------------------------------------------------ "Saved … — you are offline"

  function notice(text, action) {
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

  function start(registration) {
    var worker = registration.active;
    if (!worker) return;
    worker.postMessage({ type: "visit", url: location.href, auto: !saveData });
    ask(worker, { type: "status", slug: slug(), url: location.href }).then(function (state) {
      if (state.fromCache || !navigator.onLine) {
        caches.match(location.href.split(/[?#]/)[0]).then(function (r) {
          if (state.fromCache || r) showSaved(state.fromCache || (r && r.headers.get("x-clausebook-saved")));
        });
      }
      saveButton(worker, state);
    });
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "updated" && data.url === location.href.split(/[?#]/)[0]) {
        notice("This page has been updated.", { label: "Reload", run: function () { location.reload(); } });
      } else if ((data.type === "status" || data.type === "saving") && data.slug === slug()) {
        if (data.type === "saving") saveButton(worker, { agreement: true, saving: data });
        else saveButton(worker, data);
      } else if (data.type === "save-failed" && data.slug === slug()) {
        var box = document.querySelector(".cb-offline-save");
        if (box) box.textContent = "Not all of this agreement could be saved: open it again when online.";
      }
    });
  }

  window.addEventListener("load", function () {
    // Offline, registering fails (sw.js cannot be checked) but the worker already installed runs.
    navigator.serviceWorker.register(new URL(sw, location.href).href).catch(function () {});
    navigator.serviceWorker.ready.then(start);
  });
})();
