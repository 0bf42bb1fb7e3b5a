// "My progress": show what this browser kept, export it to a file, import it
// back (on another device, say), or reset it. Nothing leaves the browser.
(function () {
  "use strict";

  var progress = window.GoodTutoringProgress;

  function render(root) {
    var data = progress.read();
    root.querySelectorAll(".my-progress__best").forEach(function (cell) {
      var entry = data.capsules[cell.dataset.capsule];
      cell.textContent = entry ? entry.best + "%" : root.dataset.textNone;
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
  }

  function exportFile() {
    var blob = new Blob([JSON.stringify(progress.read(), null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "good-tutoring-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
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
    document.querySelectorAll(".my-progress:not([data-ready])").forEach(function (root) {
      root.setAttribute("data-ready", "");
      render(root);
      root.querySelector(".my-progress__export").addEventListener("click", exportFile);
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

  progress.onPage(init);
})();
