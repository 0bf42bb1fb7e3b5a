/* The offline copy's stand-in for Web Workers.
 *
 * Opened from file://, browsers refuse to start a Web Worker, and Material's search
 * runs in one. This runs the worker's script in a hidden frame of the page instead.
 * Unlike shims that write an inline <script> into the frame, it only loads script
 * files, so the page's Content-Security-Policy (scripts from the site only) holds.
 * Loaded first on every page, through `extra.polyfills` in mkdocs.yml; online, where
 * Workers start, it only names itself for the search worker (see offline_copy.py).
 */
(function () {
  "use strict";

  function load(frame, src) {
    return new Promise(function (resolve, reject) {
      var script = frame.document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      frame.document.body.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild(iframe);
      this.iframe = iframe;
      var frame = iframe.contentWindow;
      var worker = this;
      // What the worker's script calls: postMessage answers the page, importScripts loads more files.
      frame.postMessage = function (data) {
        var event = new MessageEvent("message", { data: data });
        worker.dispatchEvent(event);
        if (worker.onmessage) worker.onmessage(event);
      };
      frame.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (chain, src) {
          return chain.then(function () { return load(frame, src); });
        }, Promise.resolve());
      };
      this.ready = load(frame, url);
    }

    postMessage(data) {
      var frame = this.iframe.contentWindow;
      this.ready.then(function () {
        frame.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      this.iframe.remove();
    }
  }

  // Material's search worker looks for `IFrameWorker` to find its files from the frame.
  window.IFrameWorker = FrameWorker;
  if (location.protocol === "file:") window.Worker = FrameWorker;
})();
