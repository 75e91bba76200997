/* Offline reading in the page (issue 14; notes/offline.md): registers sw.js after load, only
   when this script's data-sw names it (a preview has none, and removes a worker left behind),
   and tells the worker the page read. What is shown is in offline-ui.js, loaded when needed. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var sw = script.getAttribute("data-sw");
  var saveData = !!(navigator.connection && navigator.connection.saveData);
  var ui = null;

  if (!sw) { // a preview: no worker may cache it
    navigator.serviceWorker.getRegistrations().then(function (all) {
      all.forEach(function (registration) { registration.unregister(); });
    });
    return;
  }

  function withUI(run) {
    if (!ui) {
      ui = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = new URL("offline-ui.js", script.src).href;
        tag.onload = function () { resolve(window.ClausebookOffline); };
        document.head.appendChild(tag);
      });
    }
    ui.then(run);
  }

  function start(registration) {
    var worker = registration.active;
    if (!worker) return;
    var page = location.href.split(/[?#]/)[0];
    var saveLine = !!document.querySelector(".cb-offline-save");
    worker.postMessage({ type: "visit", url: location.href, auto: !saveData });
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var state = event.data;
      if (state.fromCache || !navigator.onLine || (state.agreement && saveLine)) {
        withUI(function (o) { o.start(worker, state); });
      }
    };
    var root = new URL(".", registration.scope).href;
    var slug = page.indexOf(root) === 0 ? page.slice(root.length).split("/")[0] : "";
    worker.postMessage({ type: "status", slug: slug, url: location.href }, [channel.port2]);
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if ((data.type === "updated" && data.url === page) || (saveLine && data.slug === slug)) {
        withUI(function (o) { o.message(worker, data); });
      }
    });
  }

  window.addEventListener("load", function () {
    // Offline, registering fails (sw.js cannot be checked) but the worker already installed runs.
    navigator.serviceWorker.register(new URL(sw, location.href).href).catch(function () {});
    navigator.serviceWorker.ready.then(start);
  });
})();
