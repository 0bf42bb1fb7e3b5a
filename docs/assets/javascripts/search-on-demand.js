// The search index is fetched when the reader first turns to search, not with every page.
// Material's bundle requests search/search_index.json (XMLHttpRequest) as soon as a page
// opens; on a phone that is about 100 KB the reader may never use. This runs before the
// bundle: the request for the index is held until the reader focuses the search field,
// opens search, or presses a key that opens it (/, s, f); then it is sent as it would have
// been. The search worker (its script and lunr's, about 12 KB) is started late too: the
// bundle gets a stand-in that starts the real worker with the first message it is given,
// which is the index, once it has come. The offline copy (file://) loads its index as a
// script and is not concerned.
(function () {
  "use strict";
  if (!window.XMLHttpRequest || location.protocol === "file:") {
    return;
  }
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var wanted = false;
  var held = [];
  var INDEX = /\/search\/search_index\.json(?:$|\?)/;

  function want() {
    if (wanted) {
      return;
    }
    wanted = true;
    held.forEach(function (release) { release(); });
    held = [];
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (wanted || !request.searchIndexRequest) {
      return send.apply(request, args);
    }
    held.push(function () { send.apply(request, args); });
  };

  // Material's search worker, started with the first message the bundle sends it. What
  // the real worker says is passed on as its own `message` and `error` events.
  var RealWorker = window.Worker;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:$|\?)/;
  if (RealWorker && window.EventTarget && window.MessageEvent) {
    var LateWorker = function (url, options) {
      var target = new EventTarget();
      var real = null;
      target.onmessage = null;
      target.onerror = null;
      function pass(event) {
        var copy = event.type === "message" ? new MessageEvent("message", { data: event.data }) : new Event(event.type);
        target.dispatchEvent(copy);
        var handler = target["on" + event.type];
        if (typeof handler === "function") handler.call(target, copy);
      }
      target.postMessage = function () {
        if (!real) {
          real = new RealWorker(url, options);
          real.addEventListener("message", pass);
          real.addEventListener("error", pass);
        }
        return real.postMessage.apply(real, arguments);
      };
      target.terminate = function () {
        if (real) real.terminate();
      };
      return target;
    };
    window.Worker = function (url, options) {
      return SEARCH_WORKER.test(String(url)) ? new LateWorker(url, options) : new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) {
      want();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") {
      want();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) {
      want();
    }
  });
})();
