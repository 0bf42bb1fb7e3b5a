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

// The header's magnifier, which opens search on a phone, is a <label> holding only an
// icon: Tab never reached it, and a screen reader found it without a name. It becomes a
// button named as the search field is ("Rechercher", "بحث": Material writes it in the
// page's language), which Tab reaches and Enter or Space opens, as a tap does. (Material
// listens to this very label: it stays a label, with a button's role.)
(function () {
  "use strict";
  function setUp() {
    var field = document.querySelector("[data-md-component=search-query]");
    var opener = document.querySelector("label.md-header__button[for=__search]");
    var said = field && (field.getAttribute("aria-label") || field.getAttribute("placeholder"));
    if (!opener || !said || opener.hasAttribute("role")) return;
    opener.setAttribute("role", "button");
    opener.setAttribute("aria-label", said);
    opener.setAttribute("tabindex", "0");
    opener.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        opener.click();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
