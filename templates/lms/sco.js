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

  function answers() {
    var chosen = {};
    form.querySelectorAll("input:checked").forEach(function (input) {
      (chosen[input.name] = chosen[input.name] || []).push(input.value);
    });
    return chosen;
  }

  function resume() {
    var saved = api.LMSGetValue("cmi.suspend_data");
    if (!saved) return;
    try {
      var chosen = JSON.parse(saved);
      Object.keys(chosen).forEach(function (name) {
        chosen[name].forEach(function (value) {
          form.querySelectorAll("input").forEach(function (input) {
            if (input.name === name && input.value === value) input.checked = true;
          });
        });
      });
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

  resume();
  window.GoodTutoringSco = { finish: finish };
})();
