// Reflection fields on capsule pages: saved as the learner types, in this browser only.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;

  function init() {
    common.each(".reflection", function (box) {
      var field = box.querySelector("textarea");
      var status = box.querySelector(".reflection__status");
      var saved = progress.read().reflections[box.dataset.capsule];
      field.value = saved ? saved.text : "";
      var timer = null;
      field.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          if (progress.saveReflection(box.dataset.capsule, field.value)) status.textContent = box.dataset.textSaved;
        }, 400);
      });
    });
  }

  common.onPage(init);
})();
