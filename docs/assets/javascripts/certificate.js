// The certificate of completion on "My progress". The learner picks a track and types
// a name; the sheet lists the capsules of that track passed in this browser, with
// their hours, the total and today's date. Titles, hours, tracks and labels come from
// the page as it was built (partials/certificate.html), never from visible text, each
// in the language the page gives it (common.said: a title or a label not translated yet
// says it is English).
// The name is kept nowhere: not in localStorage, not in the progress file. It is
// cleared once printing ends and when the page is left.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;
  var isolated = common.isolated;
  var PRINTING = "data-printing"; // on <html> while the certificate prints: only the sheet shows

  // Hours with at most one decimal, as pages.format_hours writes them at build time
  // (the capsules' rows): rounded as Python rounds, a tie (a quarter of an hour, 1.25)
  // to the even tenth where toFixed would round it up; then written as the language
  // writes numbers (1.5, 1,5), by the same CLDR data.
  function formatHours(minutes, lang) {
    var tenths = Math.floor(minutes / 6);
    var hours = minutes % 30 === 15 && tenths % 2 === 0 ? tenths / 10 : Number((minutes / 60).toFixed(1));
    return common.formatNumber(hours, lang);
  }

  function chosenTrack(root) {
    return root.querySelector(".certificate__tracks input:checked");
  }

  // The capsules of the track, each a row of the page's template: passed or not yet.
  function capsulesOf(root, track) {
    var rows = root.querySelector(".certificate__rows").content;
    var data = progress.read();
    var passed = [];
    var missing = [];
    track.dataset.capsules.split(" ").forEach(function (id) {
      var row = id && rows.querySelector("tr[data-capsule='" + CSS.escape(id) + "']");
      if (!row) return;
      var entry = data.capsules[id];
      (entry && entry.passed ? passed : missing).push(row);
    });
    return { passed: passed, missing: missing };
  }

  function render(root) {
    var track = chosenTrack(root);
    var sheet = root.querySelector(".certificate__sheet");
    sheet.hidden = !track;
    if (!track) return;
    var capsules = capsulesOf(root, track);
    var body = sheet.querySelector(".certificate__capsules tbody");
    var minutes = 0;
    body.textContent = "";
    capsules.passed.forEach(function (row) {
      body.appendChild(document.importNode(row, true));
      minutes += Number(row.dataset.minutes);
    });
    sheet.querySelector(".certificate__total").textContent = formatHours(minutes, common.languageOf(root));
    sheet.querySelector(".certificate__capsules").hidden = !capsules.passed.length;
    sheet.querySelector(".certificate__none").hidden = capsules.passed.length > 0;
    renderMissing(root, sheet, capsules);
    renderStatement(root, sheet, track);
    common.sayInto(sheet.querySelector(".certificate__date"), root, "text-date", {
      date: common.dateSaid(common.todayInFull(root), common.datesOf(root)), // "1 December 2026", "1er décembre 2026"
    });
  }

  // The title of a track or a capsule (`owner`'s data-title), isolated, in its language.
  function titleOf(owner) {
    return isolated(common.said(owner, "title", owner.dataset.title));
  }

  // "Not yet passed in this track (2 of 9): title, title."
  function renderMissing(root, sheet, capsules) {
    var note = sheet.querySelector(".certificate__missing");
    note.hidden = !capsules.passed.length || !capsules.missing.length;
    if (note.hidden) return;
    var list = document.createDocumentFragment();
    capsules.missing.forEach(function (row, index) {
      if (index) list.appendChild(document.createTextNode(root.dataset.textSeparator));
      list.appendChild(titleOf(row));
    });
    common.sayInto(note, root, "text-missing", {
      missing: capsules.missing.length,
      total: capsules.missing.length + capsules.passed.length,
      list: list,
    });
  }

  // The sentence with the learner's name, the track and the course. No name yet: a
  // blank line, to write by hand on the paper.
  function renderStatement(root, sheet, track) {
    var name = root.querySelector(".certificate__name").value.trim();
    var learner = isolated(name, "auto", "certificate__learner");
    if (!name) learner.classList.add("certificate__learner--blank");
    common.sayInto(sheet.querySelector(".certificate__statement"), root, "text-statement", {
      name: learner,
      track: titleOf(track),
      course: isolated(common.said(root, "course", root.dataset.course)),
    });
  }

  function clearName(root) {
    root.querySelector(".certificate__name").value = "";
    render(root);
  }

  function print(root) {
    var status = root.querySelector(".certificate__status");
    if (!chosenTrack(root)) {
      common.sayInto(status, root, "text-choose");
      root.querySelector(".certificate__tracks input").focus();
      return;
    }
    status.textContent = "";
    render(root); // today's date, and progress saved in another tab
    document.documentElement.setAttribute(PRINTING, "certificate");
    window.print();
  }

  function init() {
    common.each(".certificate", function (root) {
      render(root);
      root.querySelector(".certificate__tracks").addEventListener("change", function () {
        root.querySelector(".certificate__status").textContent = "";
        render(root);
      });
      root.querySelector(".certificate__name").addEventListener("input", function () { render(root); });
      root.querySelector(".certificate__print").addEventListener("click", function () { print(root); });
      // My progress redrawn after a file was loaded or progress erased.
      document.addEventListener("my-progress:rendered", function () { render(root); });
      window.addEventListener("afterprint", function () {
        if (document.documentElement.getAttribute(PRINTING) !== "certificate") return;
        document.documentElement.removeAttribute(PRINTING);
        clearName(root);
      });
      window.addEventListener("pagehide", function () { clearName(root); });
    });
  }

  common.onPage(init);
})();
