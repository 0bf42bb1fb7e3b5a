// The search index is fetched when the reader first turns to search, not with every page.
// Material's bundle requests search/search_index.json (XMLHttpRequest) as soon as a page
// opens; on a phone that is about 100 KB the reader may never use. This runs before the
// bundle: the request for the index is held until the reader focuses the search field,
// opens search, or presses a key that opens it (/, s, f); then it is sent as it would have
// been. The offline copy (file://) loads its index as a script and is not concerned.
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
