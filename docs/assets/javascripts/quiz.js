// Quizzes: check answers, show the feedback of each option, score, retry.
// The best score per capsule is kept in this browser only (see progress.js).
(function () {
  "use strict";

  var progress = window.GoodTutoringProgress;

  // Quiz ---------------------------------------------------------------------
  // One scoring policy, the one Moodle applies to the exported banks: in a multiple-answer
  // question each correct option ticked is worth 1/(number of correct options), each wrong
  // option ticked costs a whole question, and the question scores at least 0; a single
  // choice or true/false question scores 1 or 0. The quiz's score is the mean, in percent.
  function questionScore(question) {
    var inputs = Array.prototype.slice.call(question.querySelectorAll("input"));
    var correct = inputs.filter(function (input) { return input.hasAttribute("data-correct"); }).length;
    var sum = inputs.reduce(function (total, input) {
      if (!input.checked) return total;
      return total + (input.hasAttribute("data-correct") ? 1 / correct : -1);
    }, 0);
    return Math.max(0, Math.min(1, sum));
  }

  function checkQuestion(question, form) {
    var inputs = question.querySelectorAll("input");
    var right = true;
    inputs.forEach(function (input) {
      var correct = input.hasAttribute("data-correct");
      var feedback = document.getElementById(input.id + "-feedback");
      var option = input.closest(".quiz__option");
      if (input.checked !== correct) right = false;
      // Explain every choice made, and every right answer that was missed.
      feedback.hidden = !(input.checked || correct);
      option.classList.toggle("quiz__option--right", correct);
      option.classList.toggle("quiz__option--wrong", input.checked && !correct);
      if (!feedback.hidden) input.setAttribute("aria-describedby", feedback.id);
    });
    var verdict = question.querySelector(".quiz__verdict");
    verdict.textContent = right ? form.dataset.textRight : form.dataset.textWrong;
    verdict.hidden = false;
    question.classList.toggle("quiz__question--right", right);
    question.classList.toggle("quiz__question--wrong", !right);
    return right;
  }

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var result = form.querySelector(".quiz__result");
    var questions = progress.answeredFieldsets(form, ".quiz__question", result);
    if (!questions) return;
    var right = questions.filter(function (q) {
      return checkQuestion(q, form);
    }).length;
    var points = questions.reduce(function (total, q) { return total + questionScore(q); }, 0);
    var score = Math.round((100 * points) / questions.length);
    var passed = score >= Number(form.dataset.passMark);
    var percent = progress.formatPercent(score, progress.languageOf(form));
    result.textContent =
      progress.fill(form.dataset.textScore, { percent: percent, score: score, right: right, total: questions.length }) +
      " " +
      (passed ? form.dataset.textPassed : form.dataset.textFailed);
    form.classList.toggle("quiz--passed", passed);
    form.querySelector("button[type=reset]").hidden = false;
    if (form.dataset.capsule) progress.saveScore(form.dataset.capsule, score, passed);
    // Others may listen (sco.js reports the score to an LMS).
    form.dispatchEvent(new CustomEvent("goodtutoring:quiz-checked", { detail: { score: score, passed: passed } }));
  }

  // "Try again" wipes every answer: ask first (a cancelled reset event changes nothing).
  function onReset(event) {
    var form = event.currentTarget;
    if (form.dataset.textConfirm && !window.confirm(form.dataset.textConfirm)) {
      event.preventDefault();
      return;
    }
    progress.clearMissing(form, ".quiz__question", form.querySelector(".quiz__result"));
    form.querySelectorAll(".quiz__feedback, .quiz__verdict").forEach(function (element) {
      element.hidden = true;
    });
    form.querySelectorAll("input").forEach(function (input) {
      input.removeAttribute("aria-describedby");
    });
    form.querySelectorAll(".quiz__option, .quiz__question").forEach(function (element) {
      element.classList.remove("quiz__option--right", "quiz__option--wrong", "quiz__question--right", "quiz__question--wrong");
    });
    form.classList.remove("quiz--passed");
    form.querySelector(".quiz__result").textContent = "";
    form.querySelector("button[type=reset]").hidden = true;
    var first = form.querySelector("input");
    if (first) window.setTimeout(function () { first.focus(); }, 0);
  }

  function init() {
    document.querySelectorAll("form.quiz:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      form.addEventListener("submit", onSubmit);
      form.addEventListener("reset", onReset);
    });
  }

  // Material's instant navigation swaps pages without reloading: re-initialise.
  progress.onPage(init);
})();
