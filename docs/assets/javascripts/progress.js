// Progress kept in this browser only (localStorage): best quiz score per capsule,
// passed or not, self-assessment results, reflections per capsule, the learner's own
// check of the practice behaviours ("I do this", "partly", "not yet"), and the name
// the learner types for their printed portfolio. Nothing is sent anywhere.
(function () {
  "use strict";

  var KEY = "good-tutoring-portfolio:progress";
  var CHECK_VALUES = ["seen", "partly", "not-yet"];

  function empty() {
    return { version: 1, name: "", capsules: {}, selfAssessments: {}, reflections: {}, selfChecks: {} };
  }

  function read() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      return valid(data) ? Object.assign(empty(), data) : empty();
    } catch (error) {
      return empty();
    }
  }

  function write(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false; // private browsing or storage full: the page still works
    }
  }

  // A progress file must have this shape before it is accepted on import.
  function valid(data) {
    if (!data || typeof data !== "object" || typeof data.capsules !== "object" || typeof data.selfAssessments !== "object") {
      return false;
    }
    var capsulesOk = Object.keys(data.capsules).every(function (id) {
      var entry = data.capsules[id];
      return entry && typeof entry.best === "number" && entry.best >= 0 && entry.best <= 100 && typeof entry.passed === "boolean";
    });
    var assessmentsOk = Object.keys(data.selfAssessments).every(function (id) {
      var entry = data.selfAssessments[id];
      var ratingsOk = entry && (entry.ratings === undefined || (typeof entry.ratings === "object" && entry.ratings !== null &&
        Object.keys(entry.ratings).every(function (s) { return typeof entry.ratings[s] === "number"; })));
      return entry && typeof entry.score === "number" && typeof entry.max === "number" && ratingsOk;
    });
    var reflectionsOk = data.reflections === undefined || (typeof data.reflections === "object" &&
      Object.keys(data.reflections).every(function (id) {
        return data.reflections[id] && typeof data.reflections[id].text === "string";
      }));
    var nameOk = data.name === undefined || typeof data.name === "string";
    var checksOk = data.selfChecks === undefined || (typeof data.selfChecks === "object" && data.selfChecks !== null &&
      Object.keys(data.selfChecks).every(function (id) {
        var marks = data.selfChecks[id];
        return marks && typeof marks === "object" && Object.keys(marks).every(function (n) {
          return CHECK_VALUES.indexOf(marks[n]) !== -1;
        });
      }));
    return capsulesOk && assessmentsOk && reflectionsOk && nameOk && checksOk;
  }

  function saveScore(capsule, score, passed) {
    var data = read();
    var entry = data.capsules[capsule] || { best: 0, passed: false };
    entry.best = Math.max(entry.best, score);
    entry.passed = entry.passed || passed;
    entry.updated = new Date().toISOString();
    data.capsules[capsule] = entry;
    return write(data);
  }

  function saveSelfAssessment(id, result) {
    var data = read();
    result.updated = new Date().toISOString();
    data.selfAssessments[id] = result;
    return write(data);
  }

  function saveReflection(capsule, text) {
    var data = read();
    if (text.trim()) {
      data.reflections[capsule] = { text: text, updated: new Date().toISOString() };
    } else {
      delete data.reflections[capsule];
    }
    return write(data);
  }

  // The learner's own mark for behaviour `number` (from 1) of a capsule's checklist.
  function saveSelfCheck(capsule, number, value) {
    if (CHECK_VALUES.indexOf(value) === -1) return false;
    var data = read();
    var marks = data.selfChecks[capsule] || {};
    marks[String(number)] = value;
    data.selfChecks[capsule] = marks;
    return write(data);
  }

  function saveName(name) {
    var data = read();
    data.name = name;
    return write(data);
  }

  function replace(data) {
    return valid(data) && write(Object.assign(empty(), {
      name: data.name || "",
      capsules: data.capsules,
      selfAssessments: data.selfAssessments,
      reflections: data.reflections || {},
      selfChecks: data.selfChecks || {},
    }));
  }

  function reset() {
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) {
      // nothing stored, nothing to remove
    }
  }

  // Run `init` on every page, including after Material's instant navigation.
  function onPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  // The language of an element: its own or its nearest ancestor's `lang`.
  function languageOf(element) {
    var owner = element && element.closest ? element.closest("[lang]") : null;
    return (owner && owner.lang) || document.documentElement.lang || "en";
  }

  // A whole percentage (0 to 100) written as the language writes it: "80%" in
  // English, "80 %" in French, and as the browser's Arabic locale writes it.
  function formatPercent(value, lang) {
    try {
      return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
    } catch (error) {
      return value + "%"; // an unknown language tag: plain digits
    }
  }

  // Unanswered questions ------------------------------------------------------
  // Each fieldset carries a hidden note (.quiz__missing, "No answer yet"); when the
  // learner checks with questions unanswered, the note shows, the fieldset gets an
  // outline and its inputs aria-invalid; answering a question clears its mark.
  var MISSING = "quiz__fieldset--missing";

  // A fieldset is answered when one of its options is ticked, or when every list box
  // in it has a choice; one with neither (an ordering question) always has an answer.
  function unanswered(fieldset) {
    var selects = Array.prototype.slice.call(fieldset.querySelectorAll("select"));
    if (selects.length) return selects.some(function (select) { return !select.value; });
    return Boolean(fieldset.querySelector("input")) && !fieldset.querySelector("input:checked");
  }

  function mark(fieldset, missing) {
    var note = fieldset.querySelector(".quiz__missing");
    fieldset.classList.toggle(MISSING, missing);
    if (note) note.hidden = !missing;
    fieldset.querySelectorAll("input, select").forEach(function (input) {
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && (!note || id !== note.id);
      });
      if (missing) {
        input.setAttribute("aria-invalid", "true");
        if (note) described.unshift(note.id);
      } else {
        input.removeAttribute("aria-invalid");
      }
      if (described.length) {
        input.setAttribute("aria-describedby", described.join(" "));
      } else {
        input.removeAttribute("aria-describedby");
      }
    });
  }

  // The message: how many are left, then a link to each unanswered question.
  function sayMissing(form, fieldsets, missing, result) {
    result.textContent = fill(form.dataset.textMissing, { count: missing.length });
    result.setAttribute("data-missing", "");
    if (!form.dataset.textItem) return;
    result.appendChild(document.createTextNode(" "));
    missing.forEach(function (fieldset, index) {
      if (index) result.appendChild(document.createTextNode((form.dataset.textSeparator || ",") + " "));
      var link = document.createElement("a");
      link.className = "quiz__missing-link";
      link.href = "#" + fieldset.id;
      link.textContent = fill(form.dataset.textItem, { number: fieldsets.indexOf(fieldset) + 1 });
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
      var fieldsets = Array.prototype.slice.call(form.querySelectorAll(selector));
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
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll(selector));
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

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  // `text` written into `element`, its {placeholders} replaced by `values`: strings
  // become text, nodes (an isolated <bdi>, say) are inserted as they are.
  function fillInto(element, text, values) {
    element.textContent = "";
    text.split(/(\{\w+\})/).forEach(function (part) {
      var key = /^\{(\w+)\}$/.exec(part);
      var value = key && key[1] in values ? values[key[1]] : part;
      if (value instanceof Node) {
        element.appendChild(value);
      } else if (value !== "") {
        element.appendChild(document.createTextNode(String(value)));
      }
    });
  }

  // Scripts that only some pages need, loaded when the page holds what they drive
  // (the mentoring workspace, the certificate), from the folder of this script.
  var HERE = document.currentScript && document.currentScript.src;
  var ON_DEMAND = { ".workspace": "workspace.js", ".certificate": "certificate.js" };

  function loadOnDemand() {
    Object.keys(ON_DEMAND).forEach(function (selector) {
      if (!HERE || !document.querySelector(selector)) return;
      var src = new URL(ON_DEMAND[selector], HERE).href;
      var loaded = Array.prototype.some.call(document.scripts, function (script) { return script.src === src; });
      if (loaded) return;
      var script = document.createElement("script");
      script.src = src;
      document.body.appendChild(script);
    });
  }

  onPage(loadOnDemand);

  window.GoodTutoringProgress = {
    key: KEY,
    read: read,
    valid: valid,
    saveScore: saveScore,
    saveSelfAssessment: saveSelfAssessment,
    saveReflection: saveReflection,
    saveName: saveName,
    saveSelfCheck: saveSelfCheck,
    replace: replace,
    reset: reset,
    onPage: onPage,
    fill: fill,
    fillInto: fillInto,
    languageOf: languageOf,
    formatPercent: formatPercent,
    answeredFieldsets: answeredFieldsets,
    clearMissing: clearMissing,
  };
})();
