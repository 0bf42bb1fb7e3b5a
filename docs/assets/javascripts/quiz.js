// Quizzes: check answers, show the feedback of each option, score, retry.
// The best score per capsule is kept in this browser (localStorage) only.
(function () {
  "use strict";

  var STORE = "good-tutoring-portfolio:progress";

  // Progress ---------------------------------------------------------------
  function readProgress() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      data.capsules = data.capsules || {};
      data.selfAssessments = data.selfAssessments || {};
      return data;
    } catch (error) {
      return { capsules: {}, selfAssessments: {} };
    }
  }

  function saveScore(capsule, score, passed) {
    if (!capsule) return;
    var data = readProgress();
    var entry = data.capsules[capsule] || { best: 0, passed: false };
    entry.best = Math.max(entry.best, score);
    entry.passed = entry.passed || passed;
    entry.updated = new Date().toISOString();
    data.capsules[capsule] = entry;
    try {
      window.localStorage.setItem(STORE, JSON.stringify(data));
    } catch (error) {
      // Private browsing or storage full: the quiz still works, nothing is kept.
    }
  }

  // Quiz ---------------------------------------------------------------------
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
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
    var questions = Array.prototype.slice.call(form.querySelectorAll(".quiz__question"));
    var result = form.querySelector(".quiz__result");
    var missing = questions.filter(function (q) {
      return !q.querySelector("input:checked");
    });
    if (missing.length) {
      result.textContent = fill(form.dataset.textMissing, { count: missing.length });
      missing[0].querySelector("input").focus();
      return;
    }
    var right = questions.filter(function (q) {
      return checkQuestion(q, form);
    }).length;
    var score = Math.round((100 * right) / questions.length);
    var passed = score >= Number(form.dataset.passMark);
    result.textContent =
      fill(form.dataset.textScore, { score: score, right: right, total: questions.length }) +
      " " +
      (passed ? form.dataset.textPassed : form.dataset.textFailed);
    form.classList.toggle("quiz--passed", passed);
    form.querySelector("button[type=reset]").hidden = false;
    saveScore(form.dataset.capsule, score, passed);
  }

  function onReset(event) {
    var form = event.currentTarget;
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
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  window.GoodTutoringProgress = { read: readProgress, key: STORE };
})();
