// "My progress": show what this browser kept, export it to a file, add a file to it
// (from another device, say), or reset it. Nothing leaves the browser. What the browser
// refuses to keep is said beside what was not kept; progress saved in another tab shows
// at once.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;

  function render(root) {
    var data = progress.read();
    var bands = JSON.parse(root.dataset.bands || "{}");
    root.querySelectorAll(".my-progress__best").forEach(function (cell) {
      var entry = data.capsules[cell.dataset.capsule];
      cell.textContent = entry ? common.formatPercent(entry.best, common.languageOf(root)) : root.dataset.textNone;
    });
    root.querySelectorAll(".my-progress__status").forEach(function (cell) {
      var entry = data.capsules[cell.dataset.capsule];
      cell.textContent = entry
        ? entry.passed ? root.dataset.textPassed : root.dataset.textNotPassed
        : root.dataset.textNone;
    });
    root.querySelectorAll(".my-progress__result").forEach(function (cell) {
      var entry = data.selfAssessments[cell.dataset.selfAssessment];
      var band = entry && bandOf(bands[cell.dataset.selfAssessment] || [], entry);
      cell.textContent = entry
        ? common.fill(root.dataset.textSaScore, { score: entry.score, max: entry.max }) + (band ? " — " + band.heading : "")
        : root.dataset.textNone;
    });
    root.querySelectorAll(".my-progress__rating").forEach(function (cell) {
      var entry = data.selfAssessments[cell.dataset.selfAssessment];
      var rating = entry && entry.ratings ? entry.ratings[cell.dataset.statement] : undefined;
      cell.textContent = typeof rating === "number" ? String(rating) : root.dataset.textNone;
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
      title.textContent = cell.dataset.title;
      var text = document.createElement("p");
      text.className = "my-progress__reflection";
      text.textContent = reflection.text;
      list.appendChild(title);
      list.appendChild(text);
      found += 1;
    });
    if (!found) {
      var none = document.createElement("p");
      none.textContent = root.dataset.textNoReflection;
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
    var title = (data.name || "").trim() ? root.dataset.textPortfolioOf : root.dataset.textPortfolioUnnamed;
    common.fillInto(root.querySelector(".my-progress__print-title"), title, {
      name: common.isolated(data.name || "", "auto", "my-progress__learner"),
      date: common.isolated(common.todayInFull(root)),
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
        status.textContent = root.dataset.textBadFile;
      } else {
        status.textContent = progress.merge(data) ? root.dataset.textImported : root.dataset.textImportNotKept;
      }
      input.value = "";
      render(root);
    });
  }

  // "Not kept" beside what the browser refused to keep, nothing once it was kept.
  function say(status, kept, text) {
    status.textContent = kept ? "" : text;
  }

  function init() {
    common.each(".my-progress", function (root) {
      render(root);
      root.querySelector(".my-progress__export").addEventListener("click", exportFile);
      var name = root.querySelector(".my-progress__name");
      name.addEventListener("change", function () {
        say(root.querySelector(".my-progress__name-status"), progress.saveName(name.value.trim()), root.dataset.textNameNotKept);
        render(root);
      });
      root.querySelector(".my-progress__print").addEventListener("click", function () {
        window.print();
      });
      root.querySelectorAll(".self-check").forEach(function (check) {
        check.addEventListener("change", function (event) {
          var input = event.target;
          var kept = progress.saveSelfCheck(check.dataset.capsule, input.dataset.behaviour, input.value);
          say(check.querySelector(".self-check__status"), kept, root.dataset.textCheckNotKept);
        });
      });
      var input = root.querySelector(".my-progress__import");
      input.addEventListener("change", function () { importFile(root, input); });
      root.querySelector(".my-progress__reset").addEventListener("click", function () {
        if (!window.confirm(root.dataset.textConfirm)) return;
        progress.reset();
        render(root);
        root.querySelector(".my-progress__status-line").textContent = root.dataset.textReset;
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
