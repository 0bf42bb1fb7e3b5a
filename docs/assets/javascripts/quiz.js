// Quizzes: check answers, show the feedback of the learner's choices, score, retry. A
// checked attempt is closed until "Try again". The key (every right answer, with its
// explanation) is shown only when the attempt reaches the quiz's pass mark: a failed
// attempt explains the options chosen and says which pairs and items are wrong, never
// the right options missed, the right match or the right place, so that copying the
// key into the next attempt cannot pass a quiz.
// Options are shuffled for each attempt; answers are saved and restored by value,
// never by position. The best score per capsule is kept in this browser only (see
// progress.js). The same script runs in the SCORM packages (sco.js listens to it).
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var progress = window.GoodTutoringProgress;
  var all = common.all;

  // Shuffling ------------------------------------------------------------------
  // Every element marked data-shuffle gets its children in a new random order (a
  // list box keeps its empty "Choose…" entry first). The matches of one matching
  // question share one order, so that each list box reads the same.
  function permutation(count) {
    var order = [];
    for (var i = 0; i < count; i += 1) order.push(i);
    for (var j = count - 1; j > 0; j -= 1) {
      var k = Math.floor(Math.random() * (j + 1));
      var swap = order[j];
      order[j] = order[k];
      order[k] = swap;
    }
    return order;
  }

  function reorder(container, order) {
    var items = all(container, ":scope > :not([value=''])");
    order.forEach(function (index) {
      container.appendChild(items[index]);
    });
  }

  function shuffle(form) {
    all(form, ".quiz__question").forEach(function (question) {
      var shared = null;
      all(question, "[data-shuffle]").forEach(function (container) {
        var count = all(container, ":scope > :not([value=''])").length;
        var isList = container.tagName === "SELECT";
        var order = isList ? (shared = shared || permutation(count)) : permutation(count);
        reorder(container, order);
      });
    });
  }

  // Scoring ----------------------------------------------------------------------
  // One scoring policy, the one Moodle applies to the exported banks: in a multiple-answer
  // question each correct option ticked is worth 1/(number of correct options), each wrong
  // option ticked costs a whole question, and the question scores at least 0; a single
  // choice or true/false question scores 1 or 0. Matching and ordering questions earn a
  // share for each pair or item that is right (Moodle: matching; ordering with "absolute
  // position"). The quiz's score is the mean, in percent.
  var TYPES = {
    choice: {
      parts: function (question) { return all(question, "input"); },
      isRight: function (input) { return input.checked === input.hasAttribute("data-correct"); },
      score: function (question) {
        var inputs = all(question, "input");
        var correct = inputs.filter(function (input) { return input.hasAttribute("data-correct"); }).length;
        var sum = inputs.reduce(function (total, input) {
          if (!input.checked) return total;
          return total + (input.hasAttribute("data-correct") ? 1 / correct : -1);
        }, 0);
        return Math.max(0, Math.min(1, sum));
      },
      show: function (input, right, reveal) {
        var correct = input.hasAttribute("data-correct");
        var option = input.closest(".quiz__option");
        // Explain every choice made; a right answer that was missed only with the key.
        var shown = input.checked || (reveal && correct);
        option.classList.toggle("quiz__option--right", correct && shown);
        option.classList.toggle("quiz__option--wrong", input.checked && !correct);
        return shown;
      },
    },
    matching: {
      parts: function (question) { return all(question, "select"); },
      isRight: function (select) { return select.value === select.dataset.answer; },
      show: function (select, right) {
        select.closest(".quiz__pair").classList.toggle("quiz__option--right", right);
        select.closest(".quiz__pair").classList.toggle("quiz__option--wrong", !right);
        return !right;
      },
    },
    ordering: {
      parts: function (question) { return all(question, ".quiz__order-item"); },
      isRight: function (item) {
        return all(item.parentNode, ":scope > li").indexOf(item) + 1 === Number(item.dataset.position);
      },
      show: function (item, right) {
        item.classList.toggle("quiz__option--right", right);
        item.classList.toggle("quiz__option--wrong", !right);
        return !right;
      },
    },
  };

  function typeOf(question) {
    var type = question.dataset.type;
    return TYPES[type] || TYPES.choice;
  }

  function questionScore(question) {
    var type = typeOf(question);
    if (type.score) return type.score(question);
    var parts = type.parts(question);
    return parts.filter(type.isRight).length / parts.length;
  }

  function isRightQuestion(question) {
    var type = typeOf(question);
    return type.parts(question).every(type.isRight);
  }

  // Show what the learner got right or wrong, and the page to reread; with `reveal` (a
  // passed attempt), the key too: the right options missed, each wrong pair's match and
  // each wrong item's place (the .quiz__key inside a part's feedback), and the question's
  // explanation (which, for matching and ordering, states the answer). Without it, a
  // wrong pair or item says only that it is wrong.
  function checkQuestion(question, form, reveal) {
    var type = typeOf(question);
    var right = isRightQuestion(question);
    type.parts(question).forEach(function (part) {
      var feedback = document.getElementById(part.id ? part.id + "-feedback" : "") ||
        part.querySelector(".quiz__feedback");
      var shown = type.show(part, type.isRight(part), reveal);
      if (!feedback) return;
      feedback.hidden = !shown;
      all(feedback, ".quiz__key").forEach(function (key) { key.hidden = !reveal; });
      var control = part.matches("input, select") ? part : null;
      if (control && shown) control.setAttribute("aria-describedby", feedback.id);
    });
    var explanation = question.querySelector(".quiz__explanation");
    if (explanation) explanation.hidden = !reveal;
    var verdict = question.querySelector(".quiz__verdict");
    common.sayInto(verdict, form, right ? "text-right" : "text-wrong");
    verdict.hidden = false;
    var reread = question.querySelector(".quiz__reread"); // the page that teaches it
    if (reread) reread.hidden = false;
    question.classList.toggle("quiz__question--right", right);
    question.classList.toggle("quiz__question--wrong", !right);
    return right;
  }

  // Unanswered questions ----------------------------------------------------------
  // For quizzes and for self-assessments (self-assessment.js uses it through
  // GoodTutoringQuiz). Each fieldset carries a hidden note (.quiz__missing, "No answer
  // yet"); when the learner checks with questions unanswered, the note shows, the
  // fieldset gets an outline and its inputs aria-invalid; answering a question clears
  // its mark.
  var MISSING = "quiz__fieldset--missing";

  // A fieldset is answered when one of its options is ticked, or when every list box
  // in it has a choice; one with neither (an ordering question) always has an answer.
  function unanswered(fieldset) {
    var selects = all(fieldset, "select");
    if (selects.length) return selects.some(function (select) { return !select.value; });
    return Boolean(fieldset.querySelector("input")) && !fieldset.querySelector("input:checked");
  }

  function mark(fieldset, missing) {
    var note = fieldset.querySelector(".quiz__missing");
    fieldset.classList.toggle(MISSING, missing);
    if (note) note.hidden = !missing;
    fieldset.querySelectorAll("input, select").forEach(function (input) {
      common.markInvalid(input, note ? note.id : "", missing);
    });
  }

  // The message: how many are left ("3 questions", in the form the language gives the
  // number: data-text-questions), then a link to each unanswered question.
  function sayMissing(form, fieldsets, missing, result) {
    var left = common.countText(JSON.parse(form.dataset.textQuestions), missing.length, common.languageOf(form));
    common.sayInto(result, form, "text-missing", { questions: common.said(form, "text-questions", left) });
    result.setAttribute("data-missing", "");
    if (!form.dataset.textItem) return;
    result.appendChild(document.createTextNode(" "));
    missing.forEach(function (fieldset, index) {
      if (index) result.appendChild(document.createTextNode(form.dataset.textSeparator || ", "));
      var link = document.createElement("a");
      link.className = "quiz__missing-link";
      link.href = "#" + fieldset.id;
      common.sayInto(link, form, "text-item", { number: fieldsets.indexOf(fieldset) + 1 });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var input = fieldset.querySelector("input, select");
        if (input) input.focus();
      });
      result.appendChild(link);
    });
  }

  function showMessage(result) {
    if (!result.hasAttribute("tabindex")) result.setAttribute("tabindex", "-1");
    result.focus({ preventScroll: true });
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    result.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }

  // Once marks are shown, answering a question clears its mark and updates the message.
  function watch(form, selector, result) {
    if (form.hasAttribute("data-missing-watch")) return;
    form.setAttribute("data-missing-watch", "");
    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest(selector);
      if (!fieldset || !fieldset.classList.contains(MISSING) || unanswered(fieldset)) return;
      mark(fieldset, false);
      if (!result.hasAttribute("data-missing")) return;
      var fieldsets = all(form, selector);
      var missing = fieldsets.filter(function (f) { return f.classList.contains(MISSING); });
      if (missing.length) {
        sayMissing(form, fieldsets, missing, result);
      } else {
        clearMissing(form, selector, result);
      }
    });
  }

  // Remove every mark and the message (after an answer, or when the form is reset).
  function clearMissing(form, selector, result) {
    form.querySelectorAll(selector).forEach(function (fieldset) {
      if (fieldset.classList.contains(MISSING)) mark(fieldset, false);
    });
    if (result && result.hasAttribute("data-missing")) {
      result.removeAttribute("data-missing");
      result.textContent = "";
    }
  }

  // The form's fieldsets, or null after saying in `result` how many are unanswered,
  // marking each of them, and moving the focus to the message.
  function answeredFieldsets(form, selector, result) {
    var fieldsets = all(form, selector);
    var missing = fieldsets.filter(unanswered);
    fieldsets.forEach(function (fieldset) {
      mark(fieldset, missing.indexOf(fieldset) !== -1);
    });
    if (!missing.length) {
      result.removeAttribute("data-missing");
      return fieldsets;
    }
    sayMissing(form, fieldsets, missing, result);
    showMessage(result);
    watch(form, selector, result);
    return null;
  }

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget;
    if (form.hasAttribute("data-closed")) return;
    var result = form.querySelector(".quiz__result");
    var questions = answeredFieldsets(form, ".quiz__question", result);
    if (!questions) return;
    var points = questions.reduce(function (total, q) { return total + questionScore(q); }, 0);
    var score = Math.round((100 * points) / questions.length);
    var passed = score >= Number(form.dataset.passMark);
    var right = questions.filter(function (q) {
      return checkQuestion(q, form, passed);
    }).length;
    var percent = common.formatPercent(score, common.languageOf(form));
    // The score is kept first, so that the message can say when this browser refused it
    // (on the site; in an LMS package the form has no such texts: the LMS keeps the score).
    var kept = !form.dataset.capsule || progress.saveScore(form.dataset.capsule, score, passed) ||
      !form.dataset.textPassedNotKept;
    var verdict = "text-" + (passed ? "passed" : "failed") + (kept ? "" : "-not-kept");
    common.sayInto(result, form, "text-score", { percent: percent, score: score, right: right, total: questions.length });
    result.appendChild(document.createTextNode(" "));
    result.appendChild(common.said(form, verdict, form.getAttribute("data-" + verdict)));
    // Under a failed attempt's result, and read out with it: the key comes with a pass.
    if (!passed && form.dataset.textKeyHeld) {
      var held = document.createElement("span");
      held.className = "quiz__key-held";
      held.appendChild(common.said(form, "text-key-held", form.dataset.textKeyHeld));
      result.appendChild(document.createTextNode(" "));
      result.appendChild(held);
    }
    form.classList.toggle("quiz--passed", passed);
    close(form, true);
    showMessage(result);
    // Others may listen (sco.js reports the score to an LMS).
    form.dispatchEvent(new CustomEvent("goodtutoring:quiz-checked", { detail: { score: score, passed: passed } }));
  }

  // A checked attempt is closed: what is right and wrong (and, once passed, the key) is
  // on screen, so changing a choice and checking again would measure nothing. Only "Try
  // again" (a new, reshuffled attempt) opens it; a closed form cannot be submitted. The
  // answers stay as readable as before (a disabled control is greyed out, and a
  // disabled list box cannot be opened to read a long match whole): the controls say
  // they are read-only (aria-disabled), and any change made to them is undone.
  var kept = new WeakMap(); // a closed form: each control's state when it was checked

  function close(form, closed) {
    var controls = all(form, "input, select");
    kept[closed ? "set" : "delete"](form, controls.map(function (control) {
      return control.tagName === "SELECT" ? control.value : control.checked;
    }));
    all(form, "input, select, .quiz__move").forEach(function (control) {
      if (closed) {
        control.setAttribute("aria-disabled", "true");
      } else {
        control.removeAttribute("aria-disabled");
      }
    });
    form.toggleAttribute("data-closed", closed);
    form.querySelector("button[type=submit]").hidden = closed;
    form.querySelector("button[type=reset]").hidden = !closed;
  }

  function undoChange(event) {
    var form = event.currentTarget;
    var states = kept.get(form);
    if (!states) return;
    all(form, "input, select").forEach(function (control, index) {
      if (control.tagName === "SELECT") {
        control.value = states[index];
      } else {
        control.checked = states[index];
      }
    });
  }

  function refuseClick(event) {
    if (kept.has(event.currentTarget) && event.target.matches("input")) event.preventDefault();
  }

  // Ordering: "Up" and "Down" move an item; the focus stays on the button pressed,
  // and a live message says where the item is now.
  function onMove(event) {
    var button = event.target.closest(".quiz__move");
    if (!button || kept.has(event.currentTarget)) return;
    var item = button.closest(".quiz__order-item");
    var list = item.parentNode;
    var step = Number(button.dataset.move);
    var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (sibling) {
      list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
      button.focus();
    }
    var form = button.closest("form");
    var items = all(list, ":scope > li");
    var message = button.closest(".quiz__question").querySelector(".quiz__moved");
    common.sayInto(message, form, "text-moved", {
      place: items.indexOf(item) + 1,
      total: items.length,
      item: common.said(item, "text", item.dataset.text),
    });
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // "Try again" wipes every answer: ask first (a cancelled reset event changes nothing).
  function onReset(event) {
    var form = event.currentTarget;
    if (form.dataset.textConfirm && !window.confirm(form.dataset.textConfirm)) {
      event.preventDefault();
      return;
    }
    clearMissing(form, ".quiz__question", form.querySelector(".quiz__result"));
    all(form, ".quiz__feedback, .quiz__key, .quiz__verdict, .quiz__explanation, .quiz__reread").forEach(function (element) {
      element.hidden = true;
    });
    all(form, "input, select").forEach(function (control) {
      control.removeAttribute("aria-describedby");
    });
    all(form, ".quiz__option, .quiz__pair, .quiz__order-item, .quiz__question").forEach(function (element) {
      element.classList.remove("quiz__option--right", "quiz__option--wrong", "quiz__question--right", "quiz__question--wrong");
    });
    all(form, ".quiz__moved").forEach(function (message) { message.textContent = ""; });
    form.classList.remove("quiz--passed");
    form.querySelector(".quiz__result").textContent = "";
    close(form, false);
    // A new attempt: the form clears its inputs after this event; shuffle then.
    window.setTimeout(function () {
      shuffle(form);
      var first = form.querySelector("input, select, .quiz__move");
      if (first) first.focus();
    }, 0);
  }

  // Saved answers ------------------------------------------------------------------
  // What the learner has chosen, by value: the inputs ticked and the list boxes set by
  // name, and each ordering question's items by their right place, in the order shown.
  function answers(form) {
    var chosen = {};
    all(form, "input:checked").forEach(function (input) {
      (chosen[input.name] = chosen[input.name] || []).push(input.value);
    });
    Object.keys(chosen).forEach(function (name) {
      chosen[name].sort(function (a, b) { return a - b; }); // by value, not by the shuffled place
    });
    all(form, "select").forEach(function (select) {
      if (select.value) chosen[select.name] = [select.value];
    });
    all(form, ".quiz__question[data-type=ordering]").forEach(function (question) {
      chosen[question.id] = all(question, ".quiz__order-item").map(function (item) { return item.dataset.position; });
    });
    return chosen;
  }

  function restore(form, chosen) {
    Object.keys(chosen || {}).forEach(function (name) {
      var values = chosen[name];
      if (!Array.isArray(values)) return;
      var question = document.getElementById(name);
      if (question && question.dataset.type === "ordering") {
        var list = question.querySelector(".quiz__order");
        values.forEach(function (position) {
          var item = list.querySelector(":scope > [data-position='" + String(position).replace(/\D/g, "") + "']");
          if (item) list.appendChild(item);
        });
        return;
      }
      all(form, "input, select").forEach(function (control) {
        if (control.name !== name) return;
        if (control.tagName === "SELECT") {
          control.value = String(values[0] || "");
        } else if (values.indexOf(control.value) !== -1) {
          control.checked = true;
        }
      });
    });
  }

  function init() {
    common.each("form.quiz", function (form) {
      shuffle(form);
      form.addEventListener("submit", onSubmit);
      form.addEventListener("reset", onReset);
      form.addEventListener("click", onMove);
      form.addEventListener("click", refuseClick);
      form.addEventListener("change", undoChange);
    });
  }

  window.GoodTutoringQuiz = {
    init: init,
    answers: answers,
    restore: restore,
    score: questionScore,
    answeredFieldsets: answeredFieldsets,
    clearMissing: clearMissing,
  };

  common.onPage(init);
})();
