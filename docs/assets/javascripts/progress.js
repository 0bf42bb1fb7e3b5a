// Progress kept in this browser only (localStorage): best quiz score per capsule,
// passed or not, self-assessment results, reflections per capsule, the learner's own
// check of the practice behaviours ("I do this", "partly", "not yet"), and the name
// the learner types for their printed portfolio. Nothing is sent anywhere.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var KEY = "good-tutoring-portfolio:progress";
  var CHECK_VALUES = ["seen", "partly", "not-yet"];

  function empty() {
    return { version: 1, name: "", capsules: {}, selfAssessments: {}, reflections: {}, selfChecks: {} };
  }

  function read() {
    var data = common.readStorage(KEY);
    try {
      return valid(data) ? Object.assign(empty(), data) : empty();
    } catch (error) {
      return empty(); // a shape valid() cannot even look at
    }
  }

  // False when the browser refused to keep it (see common.js): the page still works.
  function write(data) {
    return common.writeStorage(KEY, data);
  }

  // A progress file must have this shape before it is accepted on import.
  function valid(data) {
    // typeof null is "object": a file with "capsules": null is refused here, not by a crash below.
    if (!data || typeof data !== "object" || !data.capsules || typeof data.capsules !== "object" ||
        !data.selfAssessments || typeof data.selfAssessments !== "object") {
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
    var reflectionsOk = data.reflections === undefined || (typeof data.reflections === "object" && data.reflections !== null &&
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
    common.removeStorage(KEY);
  }

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
  };
})();
