// "My progress": show what this browser kept, export it to a file, import it
// back (on another device, say), or reset it. Nothing leaves the browser.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;

  function render(root) {
    var data = progress.read();
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
      cell.textContent = entry
        ? entry.score + " / " + entry.max + (entry.band ? " — " + entry.band : "")
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
  // neither is reordered with the text around it in a right-to-left page.
  function renderName(root, data) {
    root.querySelector(".my-progress__name").value = data.name || "";
    common.fillInto(root.querySelector(".my-progress__print-title"), root.dataset.textPortfolioOf, {
      name: common.isolated(data.name || "", "auto", "my-progress__learner"),
      date: common.isolated(common.today(), "ltr"),
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
      status.textContent = progress.replace(data) ? root.dataset.textImported : root.dataset.textBadFile;
      input.value = "";
      render(root);
    });
  }

  function init() {
    common.each(".my-progress", function (root) {
      render(root);
      root.querySelector(".my-progress__export").addEventListener("click", exportFile);
      var name = root.querySelector(".my-progress__name");
      name.addEventListener("change", function () {
        progress.saveName(name.value.trim());
        render(root);
      });
      root.querySelector(".my-progress__print").addEventListener("click", function () {
        window.print();
      });
      root.querySelectorAll(".self-check").forEach(function (check) {
        check.addEventListener("change", function (event) {
          var input = event.target;
          progress.saveSelfCheck(check.dataset.capsule, input.dataset.behaviour, input.value);
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
    });
  }

  // Printed, the portfolio shows the practice self-checks open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".my-progress .self-check, .self-check").forEach(function (check) {
      check.open = true;
    });
  });

  common.onPage(init);
})();
