// Material's search runs the query when a key is released in the search field (keyup),
// not when the field's text changes: text put in without a key (pasted from the menu,
// dictated, or a word a phone's keyboard suggests) found nothing until the next key.
// Each such change is passed on as a key released, so that Material reads the field as
// it does after typing (a query it has just run is not run twice).
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field || !field.matches || !field.matches("[data-md-component=search-query]") || event.isComposing) {
      return;
    }
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
