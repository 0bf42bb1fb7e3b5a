// "My progress": show what this browser kept, export it to a file, add a file to it
// (from another device, say), or reset it. Nothing leaves the browser. What the browser
// refuses to keep is said beside what was not kept; progress saved in another tab shows
// at once. Every text written here is the page's (data-text-…, a title, a band), each in
// the language the page gives it (common.said): a label not translated yet says it is
// English. What the learner typed (their name, a reflection) is written as typed.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;

  function render(root) {
    var data = progress.read();
    var bands = JSON.parse(root.dataset.bands || "{}");
    root.querySelectorAll(".my-progress__best").forEach(function (cell) {
      var entry = data.capsules[cell.dataset.capsule];
      if (entry) {
        cell.textContent = common.formatPercent(entry.best, common.languageOf(root));
      } else {
        common.sayInto(cell, root, "text-none");
      }
    });
    root.querySelectorAll(".my-progress__status").forEach(function (cell) {
      var entry = data.capsules[cell.dataset.capsule];
      common.sayInto(cell, root, entry ? entry.passed ? "text-passed" : "text-not-passed" : "text-none");
    });
    root.querySelectorAll(".my-progress__result").forEach(function (cell) {
      var id = cell.dataset.selfAssessment;
      var entry = data.selfAssessments[id];
      var band = entry && bandOf(bands[id] || [], entry);
      if (!entry) {
        common.sayInto(cell, root, "text-none");
        return;
      }
      common.sayInto(cell, root, "text-sa-score", { score: entry.score, max: entry.max });
      if (!band) return;
      cell.appendChild(document.createTextNode(" — "));
      cell.appendChild(common.said(root, "band-" + id + "-" + band.min, band.heading)); // its language: data-band-<id>-<min>-lang
    });
    root.querySelectorAll(".my-progress__rating").forEach(function (cell) {
      var entry = data.selfAssessments[cell.dataset.selfAssessment];
      var rating = entry && entry.ratings ? entry.ratings[cell.dataset.statement] : undefined;
      if (typeof rating === "number") {
        cell.textContent = String(rating);
      } else {
        common.sayInto(cell, root, "text-none");
      }
    });
    renderReflections(root, data);
    renderSelfChecks(root, data);
    renderName(root, data);
    document.dispatchEvent(new Event("my-progress:rendered")); // the certificate redraws too
  }

  // The band of a result, to show in the page's language (the page's bands, as built):
  // the one kept with it (its range), or the one that holds its score (a result kept
  // with its band's text, in the language it was taken in, before).
  function bandOf(bands, entry) {
    var kept = entry.band && typeof entry.band === "object" ? entry.band : null;
    var same = bands.filter(function (band) { return kept && band.min === kept.min && band.max === kept.max; });
    var holding = bands.filter(function (band) { return band.min <= entry.score && entry.score <= band.max; });
    return same[0] || holding[0] || null;
  }

  // Reflections, one per capsule, under the capsule's title (data-title of its row's cell).
  function renderReflections(root, data) {
    var list = root.querySelector(".my-progress__reflections");
    list.textContent = "";
    var found = 0;
    root.querySelectorAll(".my-progress__best").forEach(function (cell) {
      var reflection = data.reflections[cell.dataset.capsule];
      if (!reflection) return;
      var title = document.createElement("h3");
      title.appendChild(common.said(cell, "title", cell.dataset.title));
      var text = document.createElement("p");
      text.className = "my-progress__reflection";
      text.textContent = reflection.text;
      list.appendChild(title);
      list.appendChild(text);
      found += 1;
    });
    if (!found) {
      var none = document.createElement("p");
      common.sayInto(none, root, "text-no-reflection");
      list.appendChild(none);
    }
  }

  // The learner's own marks on the practice checklists, one radio group per behaviour.
  function renderSelfChecks(root, data) {
    root.querySelectorAll(".self-check").forEach(function (check) {
      var marks = data.selfChecks[check.dataset.capsule] || {};
      check.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = marks[input.dataset.behaviour] === input.value;
      });
    });
  }

  // The printed title. The name (in any script) and the date are isolated, so that
  // neither is reordered with the text around it in a right-to-left page. A name being
  // typed stays as it is. Without a name, the title has none ("Learning portfolio, date").
  function renderName(root, data) {
    var field = root.querySelector(".my-progress__name");
    if (document.activeElement !== field) field.value = data.name || "";
    var title = (data.name || "").trim() ? "text-portfolio-of" : "text-portfolio-unnamed";
    common.sayInto(root.querySelector(".my-progress__print-title"), root, title, {
      name: common.isolated(data.name || "", "auto", "my-progress__learner"),
      date: common.dateSaid(common.todayInFull(root), common.datesOf(root)),
    });
  }

  function exportFile() {
    common.download(JSON.stringify(progress.read(), null, 2), "good-tutoring-progress.json");
  }

  function importFile(root, input) {
    var status = root.querySelector(".my-progress__status-line");
    var file = input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = null;
      try {
        data = JSON.parse(text);
      } catch (error) {
        data = null;
      }
      if (!progress.valid(data)) {
        common.sayInto(status, root, "text-bad-file");
      } else {
        common.sayInto(status, root, progress.merge(data) ? "text-imported" : "text-import-not-kept");
      }
      input.value = "";
      render(root);
    });
  }

  // "Not kept" (the page's text `key`) beside what the browser refused to keep, nothing
  // once it was kept.
  function say(root, status, kept, key) {
    if (kept) {
      status.textContent = "";
    } else {
      common.sayInto(status, root, key);
    }
  }

  function init() {
    common.each(".my-progress", function (root) {
      render(root);
      root.querySelector(".my-progress__export").addEventListener("click", exportFile);
      var name = root.querySelector(".my-progress__name");
      name.addEventListener("change", function () {
        say(root, root.querySelector(".my-progress__name-status"), progress.saveName(name.value.trim()), "text-name-not-kept");
        render(root);
      });
      root.querySelector(".my-progress__print").addEventListener("click", function () {
        window.print();
      });
      root.querySelectorAll(".self-check").forEach(function (check) {
        check.addEventListener("change", function (event) {
          var input = event.target;
          var kept = progress.saveSelfCheck(check.dataset.capsule, input.dataset.behaviour, input.value);
          say(root, check.querySelector(".self-check__status"), kept, "text-check-not-kept");
        });
      });
      var input = root.querySelector(".my-progress__import");
      input.addEventListener("change", function () { importFile(root, input); });
      root.querySelector(".my-progress__reset").addEventListener("click", function () {
        // A browser's dialog shows a plain string: it cannot say the text's language.
        if (!window.confirm(root.dataset.textConfirm)) return;
        progress.reset();
        render(root);
        common.sayInto(root.querySelector(".my-progress__status-line"), root, "text-reset");
      });
      // Progress saved in another tab (a quiz, a reflection, a file loaded there).
      window.addEventListener("storage", function (event) {
        if (root.isConnected && (event.key === progress.key || event.key === null)) render(root);
      });
    });
  }

  // Printed, the portfolio shows the practice self-checks open; those with no answer yet
  // are left out (the print style hides them).
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".my-progress .self-check, .self-check").forEach(function (check) {
      check.open = true;
      check.classList.toggle("self-check--unanswered", !check.querySelector("input:checked"));
    });
  });

  common.onPage(init);
})();
