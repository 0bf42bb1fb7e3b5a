// Self-assessments: add up the ratings, show the band and its advice, keep the
// result in this browser only (with the band's range, not its text, so that My progress
// shows the band in its own language), and print it. The result says when the browser
// refused to keep it. Unanswered statements are marked as a quiz marks its questions
// (quiz.js, loaded before this script).
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;
  var quiz = window.GoodTutoringQuiz;

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var result = form.querySelector(".self-assessment__result");
    var statements = quiz.answeredFieldsets(form, ".self-assessment__statement", result);
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
    form.querySelector(".self-assessment__print").hidden = false;
    // Each statement's rating too, so that My progress can set this result beside an
    // earlier or later one with the same statements (before and after).
    var ratings = {};
    statements.forEach(function (s) {
      ratings[s.dataset.statement] = Number(s.querySelector("input:checked").value);
    });
    var kept = progress.saveSelfAssessment(form.dataset.selfAssessment, {
      score: score,
      max: max,
      band: band ? { min: Number(band.dataset.min), max: Number(band.dataset.max) } : undefined,
      ratings: ratings,
    });
    // Each part in the language the page gives it (a band not translated yet: English).
    common.sayInto(result, form, "text-result", { score: score, max: max });
    var parts = band ? [[band, "band"], [band, "advice"]] : [];
    if (!kept) parts.push([form, "text-not-kept"]);
    parts.forEach(function (part) {
      result.appendChild(document.createTextNode(" "));
      result.appendChild(common.said(part[0], part[1], part[0].getAttribute("data-" + part[1])));
    });
  }

  function init() {
    common.each("form.self-assessment", function (form) {
      form.addEventListener("submit", onSubmit);
      form.querySelector(".self-assessment__print").addEventListener("click", function () {
        window.print();
      });
    });
  }

  common.onPage(init);
})();
