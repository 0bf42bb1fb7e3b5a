// Progress kept in this browser only (localStorage): best quiz score per capsule,
// passed or not, self-assessment results, reflections per capsule, the learner's own
// check of the practice behaviours ("I do this", "partly", "not yet"), and the name
// the learner types for their printed portfolio. Nothing is sent anywhere. Each save
// returns false when the browser refused to keep it (common.js then holds it in the
// page), so that the page can say so.
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

  function isRecord(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value);
  }

  function isWhole(value, least) {
    return Number.isInteger(value) && value >= least;
  }

  function values(record) {
    return Object.keys(record).map(function (key) { return record[key]; });
  }

  // A self-assessment result its form could have given: whole numbers, a total of at
  // most the maximum; each rating on the scale (1 to the maximum over the number of
  // statements), the ratings adding up to the total; a band that holds the total (or,
  // in a file saved before bands were kept by range, the band's text).
  function possibleResult(entry) {
    if (!isRecord(entry) || !isWhole(entry.max, 1) || !isWhole(entry.score, 1) || entry.score > entry.max) return false;
    if (entry.updated !== undefined && typeof entry.updated !== "string") return false;
    var band = entry.band;
    var bandOk = band === undefined || typeof band === "string" ||
      (isRecord(band) && isWhole(band.min, 0) && isWhole(band.max, 0) && band.min <= entry.score && entry.score <= band.max);
    if (!bandOk) return false;
    if (entry.ratings === undefined) return true;
    if (!isRecord(entry.ratings)) return false;
    var ratings = values(entry.ratings);
    var scale = entry.max / ratings.length;
    var total = ratings.reduce(function (sum, rating) { return sum + rating; }, 0);
    return ratings.length > 0 && Number.isInteger(scale) && total === entry.score &&
      ratings.every(function (rating) { return isWhole(rating, 1) && rating <= scale; });
  }

  // A progress file must have this shape before it is accepted on import.
  function valid(data) {
    // typeof null is "object": a file with "capsules": null is refused here, not by a crash below.
    if (!data || typeof data !== "object" || !data.capsules || typeof data.capsules !== "object" ||
        !data.selfAssessments || typeof data.selfAssessments !== "object") {
      return false;
    }
    var capsulesOk = values(data.capsules).every(function (entry) {
      return entry && typeof entry.best === "number" && entry.best >= 0 && entry.best <= 100 && typeof entry.passed === "boolean";
    });
    var assessmentsOk = values(data.selfAssessments).every(possibleResult);
    var reflectionsOk = data.reflections === undefined || (typeof data.reflections === "object" && data.reflections !== null &&
      values(data.reflections).every(function (reflection) {
        return reflection && typeof reflection.text === "string";
      }));
    var nameOk = data.name === undefined || typeof data.name === "string";
    var checksOk = data.selfChecks === undefined || (typeof data.selfChecks === "object" && data.selfChecks !== null &&
      values(data.selfChecks).every(function (marks) {
        return marks && typeof marks === "object" && values(marks).every(function (mark) {
          return CHECK_VALUES.indexOf(mark) !== -1;
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

  // Merging a file ------------------------------------------------------------------
  // When an entry was last changed, in milliseconds (0 when unknown).
  function time(entry) {
    return (entry && Date.parse(entry.updated)) || 0;
  }

  // The later of two entries' `updated`, or undefined when neither has one.
  function later(here, there) {
    return time(there) > time(here) ? there.updated : here.updated;
  }

  // Two reflections on one capsule: once when one holds the other, else both, this
  // browser's first, a blank line between.
  function joined(here, there) {
    if (here.indexOf(there.trim()) !== -1) return here;
    if (there.indexOf(here.trim()) !== -1) return there;
    return here + "\n\n" + there;
  }

  // Add a progress file to what this browser keeps: per capsule the best score, passed
  // if either passed; per self-assessment the newer result; a reflection on both sides
  // kept whole from each; the file's practice marks; this browser's name unless it has
  // none. False when the file is not progress or the browser refused to keep the result.
  function merge(file) {
    if (!valid(file)) return false;
    var data = read();
    Object.keys(file.capsules).forEach(function (id) {
      var here = data.capsules[id];
      var there = file.capsules[id];
      data.capsules[id] = !here ? there : {
        best: Math.max(here.best, there.best),
        passed: here.passed || there.passed,
        updated: later(here, there),
      };
    });
    Object.keys(file.selfAssessments).forEach(function (id) {
      var here = data.selfAssessments[id];
      if (!here || time(file.selfAssessments[id]) > time(here)) data.selfAssessments[id] = file.selfAssessments[id];
    });
    Object.keys(file.reflections || {}).forEach(function (id) {
      var here = data.reflections[id];
      var there = file.reflections[id];
      if (!there.text.trim()) return;
      data.reflections[id] = !here ? there : { text: joined(here.text, there.text), updated: later(here, there) };
    });
    Object.keys(file.selfChecks || {}).forEach(function (id) {
      data.selfChecks[id] = Object.assign({}, data.selfChecks[id], file.selfChecks[id]);
    });
    if (!data.name) data.name = file.name || "";
    return write(data);
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
    merge: merge,
    reset: reset,
  };
})();
