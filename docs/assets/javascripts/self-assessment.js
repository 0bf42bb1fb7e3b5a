// Self-assessments: add up the ratings, show the band and its advice, keep the
// result in this browser only, and print it.
(function () {
  "use strict";

  var progress = window.GoodTutoringProgress;

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var result = form.querySelector(".self-assessment__result");
    var statements = progress.answeredFieldsets(form, ".self-assessment__statement", result);
    if (!statements) return;
    var score = statements.reduce(function (sum, s) {
      return sum + Number(s.querySelector("input:checked").value);
    }, 0);
    var max = statements.length * statements[0].querySelectorAll("input").length;
    var band = null;
    form.querySelectorAll(".self-assessment__band").forEach(function (item) {
      var inside = score >= Number(item.dataset.min) && score <= Number(item.dataset.max);
      item.classList.toggle("self-assessment__band--current", inside);
      if (inside) band = item;
    });
    result.textContent = progress.fill(form.dataset.textResult, { score: score, max: max }) + " " + (band ? band.textContent : "");
    form.querySelector(".self-assessment__print").hidden = false;
    // Each statement's rating too, so that My progress can set this result beside an
    // earlier or later one with the same statements (before and after).
    var ratings = {};
    statements.forEach(function (s) {
      ratings[s.dataset.statement] = Number(s.querySelector("input:checked").value);
    });
    progress.saveSelfAssessment(form.dataset.selfAssessment, {
      score: score,
      max: max,
      band: band ? band.querySelector("strong").textContent : "",
      ratings: ratings,
    });
  }

  function init() {
    document.querySelectorAll("form.self-assessment:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      form.addEventListener("submit", onSubmit);
      form.querySelector(".self-assessment__print").addEventListener("click", function () {
        window.print();
      });
    });
  }

  progress.onPage(init);
})();
