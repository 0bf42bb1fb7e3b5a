// SCORM 1.2: report a capsule's quiz to the LMS (score, passed or failed) and resume
// the learner's answers from cmi.suspend_data. With no LMS, nothing happens here
// and the quiz works on its own (quiz.js).
(function () {
  "use strict";

  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
    }
    return window.opener && window.opener.API ? window.opener.API : null;
  }

  var api = findApi(window);
  var form = document.querySelector("form.quiz");
  if (!api || !form) return;

  api.LMSInitialize("");
  if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }

  // The answers, saved and restored by value (quiz.js shuffles options on each attempt).
  var quiz = window.GoodTutoringQuiz;

  function answers() {
    return quiz.answers(form);
  }

  function resume() {
    var saved = api.LMSGetValue("cmi.suspend_data");
    if (!saved) return;
    try {
      quiz.restore(form, JSON.parse(saved));
    } catch (error) {
      // Unreadable suspend data: start afresh.
    }
  }

  function save() {
    api.LMSSetValue("cmi.suspend_data", JSON.stringify(answers()));
    api.LMSCommit("");
  }

  form.addEventListener("change", save);
  form.addEventListener("goodtutoring:quiz-checked", function (event) {
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(event.detail.score));
    api.LMSSetValue("cmi.core.lesson_status", event.detail.passed ? "passed" : "failed");
    save();
  });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.suspend_data", JSON.stringify(answers()));
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  quiz.init(); // shuffle first (once), then put the saved answers back
  resume();
  window.GoodTutoringSco = { finish: finish };
})();
