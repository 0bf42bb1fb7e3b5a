// The navigation drawer (the sidebar below 76.25em wide) with the keyboard and a screen
// reader. Material opens it with a label for a hidden checkbox: Tab never reaches that
// label, and screen readers announce it as an image with no name. Its panels (sections,
// the table of contents) open and close through labels as well, and no key closes it.
// - The label gives its place to a button, named as the navigation it opens (Material's
//   translated "Navigation"), which says whether the drawer is open; Enter and Space
//   open and close it.
// - Opening it from the button takes the focus to its first entry. Escape closes it and
//   gives the focus back to the button; the focus leaving it (Tab past its last entry)
//   closes it too, so that it never covers the focused element.
// - In the drawer, the labels that open a panel or go back to the one above are Tab
//   stops; Enter (Material) and Space activate them, and the focus follows: into the
//   panel opened, or back to the entry that opened the panel closed.
// portfolio.css takes the closed drawer, and its closed or covered panels, out of the
// tab order. Without JavaScript, Material's label stays as it is (it works by pointer).
(function () {
  "use strict";

  var DRAWER_WIDTH = window.matchMedia("(max-width: 76.234375em)");
  var BUTTON_CLASS = "portfolio-drawer-button";
  var FOCUSABLE = "a[href], button, [tabindex]:not([tabindex='-1'])";
  var toggle = document.getElementById("__drawer");
  if (!toggle) return;

  function sidebar() {
    return document.querySelector(".md-sidebar--primary");
  }

  function menuButton() {
    return document.querySelector("." + BUTTON_CLASS);
  }

  // Whether the drawer is open, where the sidebar is a drawer.
  function isOpen() {
    return toggle.checked && DRAWER_WIDTH.matches;
  }

  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  // The menu button, in the place of Material's label, with the label's icon.
  function setUpButton() {
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    var nav = document.querySelector(".md-sidebar--primary .md-nav--primary");
    if (!label || !nav || !nav.getAttribute("aria-label")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " " + BUTTON_CLASS;
    button.setAttribute("aria-label", nav.getAttribute("aria-label"));
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () {
      toggle.click();
      if (isOpen()) focusFirstEntry();
    });
  }

  function focusFirstEntry() {
    var bar = sidebar();
    var first = bar && Array.prototype.find.call(bar.querySelectorAll(FOCUSABLE), shown);
    if (first) first.focus({ preventScroll: true }); // the drawer is still sliding in
  }

  // The labels that open a panel of the drawer, or go back up from one, are Tab stops
  // where the sidebar is a drawer (Material gives a tabindex to some only), and only there.
  function setUpLabels() {
    var bar = sidebar();
    if (!bar) return;
    bar.querySelectorAll("label.md-nav__link[for], .md-nav .md-nav__title[for]").forEach(function (label) {
      if (label.htmlFor === "__drawer") return;
      if (DRAWER_WIDTH.matches && !label.hasAttribute("tabindex")) {
        label.setAttribute("tabindex", "0");
        label.setAttribute("data-drawer-tabindex", "");
      } else if (!DRAWER_WIDTH.matches && label.hasAttribute("data-drawer-tabindex")) {
        label.removeAttribute("tabindex");
        label.removeAttribute("data-drawer-tabindex");
      }
    });
  }

  // A panel opened or closed from the keyboard: the focus goes to the panel's title
  // (its way back up), or back to the entry that opened it.
  function followPanel(panelToggle) {
    var bar = sidebar();
    if (!isOpen() || !bar || !bar.contains(document.activeElement)) return;
    var item = panelToggle.parentElement;
    var target = panelToggle.checked
      ? item.querySelector(":scope > .md-nav > .md-nav__title")
      : item.querySelector(':scope > label.md-nav__link[for="' + panelToggle.id + '"]');
    // A panel's title is at its top, where the panel is still sliding in: no scrolling
    // (the drawer's frame would scroll sideways and stay so).
    if (target && shown(target)) target.focus({ preventScroll: panelToggle.checked });
  }

  toggle.addEventListener("change", function () {
    var button = menuButton();
    if (button) button.setAttribute("aria-expanded", String(toggle.checked));
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains("md-nav__toggle") && target.closest(".md-sidebar--primary")) {
      followPanel(target);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      toggle.click();
      var button = menuButton();
      if (button) button.focus();
    } else if (event.key === " " && event.target instanceof HTMLLabelElement && event.target.htmlFor
      && event.target.hasAttribute("tabindex") && event.target.closest(".md-sidebar")) {
      // Material activates a focused label with Enter, not with Space.
      event.preventDefault();
      event.target.click();
    }
  });

  document.addEventListener("focusin", function (event) {
    var bar = sidebar();
    if (!isOpen() || !bar || bar.contains(event.target) || event.target === menuButton()) return;
    toggle.click();
  });

  DRAWER_WIDTH.addEventListener("change", setUpLabels);
  setUpButton();
  setUpLabels();
})();
