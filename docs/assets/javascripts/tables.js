// Wide tables scroll sideways inside their wrapper; keyboard users must be able to
// reach and scroll them too, so an overflowing wrapper becomes focusable.
(function () {
  "use strict";

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        wrapper.setAttribute("tabindex", "0");
      } else {
        wrapper.removeAttribute("tabindex");
      }
    });
  }

  window.GoodTutoringCommon.onPage(update);
  window.addEventListener("resize", update);
})();
