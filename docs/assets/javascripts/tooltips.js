// An abbreviation's explanation (Material's tooltip, the content.tooltips feature) can be
// dismissed: Escape hides the one shown without the pointer or the focus moving (WCAG
// 1.4.13). It shows again once the pointer comes back onto the abbreviation, or once
// Material has taken it down (the pointer or the focus left). portfolio.css lets the
// pointer move onto it; a tap shows it on a phone.
(function () {
  "use strict";

  var SHOWN = ".md-tooltip2--active[role='tooltip']:not([data-dismissed])";

  function dismiss(tooltip) {
    tooltip.setAttribute("data-dismissed", "");
    var host = document.querySelector('[aria-describedby="' + tooltip.id + '"]');
    var observer = new MutationObserver(function () {
      if (!tooltip.classList.contains("md-tooltip2--active")) showAgain();
    });

    function showAgain() {
      tooltip.removeAttribute("data-dismissed");
      observer.disconnect();
      if (host) host.removeEventListener("mouseenter", showAgain);
    }

    observer.observe(tooltip, { attributes: true, attributeFilter: ["class"] });
    if (host) host.addEventListener("mouseenter", showAgain);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") document.querySelectorAll(SHOWN).forEach(dismiss);
  });
})();
