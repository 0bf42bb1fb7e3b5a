// Point Material's search at this language's own index.
// The build writes one index per language (see src/portfolio/search_index.py);
// this runs before Material's bundle reads its configuration.
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!script || !element || !script.dataset.searchBase) {
    return;
  }
  var config = JSON.parse(element.textContent);
  config.base = script.dataset.searchBase;
  element.textContent = JSON.stringify(config);
})();
