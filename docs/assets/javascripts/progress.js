// Progress kept in this browser only (localStorage): best quiz score per capsule,
// passed or not, self-assessment results, reflections per capsule, and the name
// the learner types for their printed portfolio. Nothing is sent anywhere.
(function () {
  "use strict";

  var KEY = "good-tutoring-portfolio:progress";

  function empty() {
    return { version: 1, name: "", capsules: {}, selfAssessments: {}, reflections: {} };
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
      return entry && typeof entry.score === "number" && typeof entry.max === "number";
    });
    var reflectionsOk = data.reflections === undefined || (typeof data.reflections === "object" &&
      Object.keys(data.reflections).every(function (id) {
        return data.reflections[id] && typeof data.reflections[id].text === "string";
      }));
    var nameOk = data.name === undefined || typeof data.name === "string";
    return capsulesOk && assessmentsOk && reflectionsOk && nameOk;
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

  // The form's fieldsets, or null after saying in `result` how many are unanswered
  // and moving the focus to the first of them.
  function answeredFieldsets(form, selector, result) {
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll(selector));
    var missing = fieldsets.filter(function (fieldset) {
      return !fieldset.querySelector("input:checked");
    });
    if (!missing.length) return fieldsets;
    result.textContent = fill(form.dataset.textMissing, { count: missing.length });
    missing[0].querySelector("input").focus();
    return null;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  window.GoodTutoringProgress = {
    key: KEY,
    read: read,
    valid: valid,
    saveScore: saveScore,
    saveSelfAssessment: saveSelfAssessment,
    saveReflection: saveReflection,
    saveName: saveName,
    replace: replace,
    reset: reset,
    onPage: onPage,
    fill: fill,
    answeredFieldsets: answeredFieldsets,
  };
})();
