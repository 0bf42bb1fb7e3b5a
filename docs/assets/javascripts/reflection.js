// Reflection fields on capsule pages: saved as the learner types, in this browser only.
// The status says it was saved, or that the browser refused to keep it. What is still
// being typed is saved when the page is hidden or left (a phone may discard a tab in the
// background). The same capsule open in another tab: what that tab saves shows here,
// unless this field has typing not yet saved, so that neither tab writes over the other
// with a text it had before.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;
  var DELAY = 400; // milliseconds after the last key

  function setUp(box) {
    var field = box.querySelector("textarea");
    var status = box.querySelector(".reflection__status");
    var timer = null; // typing not yet saved

    // The kept text in the field; the caret stays where it was.
    function show() {
      var saved = progress.read().reflections[box.dataset.capsule];
      var text = saved ? saved.text : "";
      if (field.value === text) return;
      var start = field.selectionStart;
      var end = field.selectionEnd;
      field.value = text;
      if (document.activeElement === field) field.setSelectionRange(Math.min(start, text.length), Math.min(end, text.length));
    }

    function save() {
      if (timer === null) return;
      window.clearTimeout(timer);
      timer = null;
      var kept = progress.saveReflection(box.dataset.capsule, field.value);
      common.sayInto(status, box, kept ? "text-saved" : "text-not-kept");
    }

    show();
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY);
    });
    window.addEventListener("storage", function (event) {
      if (timer === null && box.isConnected && (event.key === progress.key || event.key === null)) show();
    });
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
  }

  common.onPage(function () {
    common.each(".reflection", setUp);
  });
})();
