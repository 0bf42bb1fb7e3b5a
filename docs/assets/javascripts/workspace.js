// The mentoring workspace: a plan for one pairing or placement (agreement, stages and
// tasks, session and learning logs, reviews, sign-offs), kept in this browser only.
// Nothing is sent anywhere: the parties exchange one file each and every import merges.
//
// Every entry has an id, a kind, an author role, a revision, an updated time and a tag:
// a hash of its content and of the tags of every version it replaces (its ancestors).
// A version replaces another when it lists the other's tag among its ancestors; two
// versions where neither replaces the other have diverged.
// An entry is made of parts that change on their own: a task's due date and its tick, a
// review's answer to each question, an agreement point's text (a log entry or a sign-off
// is one part). A version says where each part it did not write comes from (`origins`:
// the tag and author of the version that wrote it, or null when no one has written it
// yet). Two diverged versions that changed different parts merge on their own: every
// device makes the same merged version from them (its content, its tag, both as its
// ancestors), so that it replaces both. Only a part that both changed, differently, is
// left to a party to choose: both versions are kept (the entry's `conflicts`) until one
// is chosen. A party chooses by keeping one of them ("Keep this version"), or by saving
// the entry where it shows (a field, a task, a review, a sign-off): the note under it
// says, before, that what is saved there is the party's choice, and the status line
// says, after, that it was. Either way the version saved replaces every version that was
// left to choose from when the entry was shown, the party's own and the others' (all of
// them are its ancestors): they were in the list above the field, and no one is asked
// again. A version that came in while the field was being typed in (from another tab, or
// a file imported there) was not shown: it stays beside the new one, to choose from, and
// the status line says that instead. Merging depends only on the versions, not on the
// order of the files, so the parties end with the same plan. (Three or more versions
// diverged, and a part is left to choose: a device that merged two of them before the
// third came keeps that merge rather than the two. It shows the same choice; the next
// exchange makes the versions kept the same too.) Versions written before origins
// existed (files of version 1) have none: every part counts as written by them, as before.
// A deleted entry keeps nothing of what was written in it: its version is a tombstone
// (deleted, its data empty) that replaces the versions it deletes, so that an older file
// still holding them cannot bring them back.
// Labels come from data-config (interface strings and curriculum/workspace.yml), each
// written in the language the page gives it (Workspace.said, labelSaid: a label not
// translated yet says it is English); what people type is only ever written as text.
(function () {
  "use strict";

  var common = window.GoodTutoringCommon;
  var isolated = common.isolated;
  var fillInto = common.fillInto;
  var today = common.today;
  var formatNumber = common.formatNumber;
  var KEY = "good-tutoring-portfolio:workspace";
  var OPEN_KEY = KEY + ":open"; // the plan open in this tab (sessionStorage)
  var HERE_KEY = KEY + ":here"; // the versions saved in this tab (sessionStorage)
  var HERE_MAX = 200;
  var DRAFT_KEY = KEY + ":draft"; // what the log forms hold, not added yet (sessionStorage)
  var LOG_FORMS = { session: ".workspace__add-session", learning: ".workspace__add-learning" };
  var STORE_VERSION = 1;
  var ITERATIONS = 600000; // PBKDF2-SHA-256 (OWASP's figure for 2023 and after)
  var MIN_ITERATIONS = 250000;
  var MAX_ITERATIONS = 10000000;
  var MAX_FILE = 5 * 1024 * 1024;
  // Entries in a file: a plan of a year holds a few hundred. Far more would make every save
  // slow (the plan is shown again whole), so such a file is refused, with a word why.
  var MAX_ENTRIES = 1000;
  var MAX_TEXT = 20000; // a text field; the fields say so (maxlength), the import checks it
  var MAX_SHORT = 300; // an own learning goal
  var MAX_INITIALS = 8;
  var MAX_CODE = 40; // a plan's code
  var MAX_MINUTES = 1440; // a session: one day at most

  // Storage ------------------------------------------------------------------
  function emptyStore() {
    return { version: STORE_VERSION, current: null, plans: {} };
  }

  // Unreadable or of another version: start again (the files are the plan's backup).
  // What the browser refused to keep is held in this page (common.js), so that what was
  // typed stays on screen and goes into an export.
  // Entries deleted before tombstones kept no data lose it now, in storage too.
  function readStore() {
    var data = common.readStorage(KEY);
    if (!(data && data.version === STORE_VERSION && data.plans && typeof data.plans === "object")) return emptyStore();
    var scrubbed = Object.keys(data.plans).filter(function (code) { return scrubPlan(data.plans[code]); });
    if (scrubbed.length) writeStore(data);
    return data;
  }

  // False when the browser refused to keep it (private browsing, storage full).
  function writeStore(store) {
    return common.writeStorage(KEY, store);
  }

  // What this tab keeps for itself (sessionStorage), so that a reload keeps it: the text
  // under `key`, or null when there is none or it cannot be read.
  function readTab(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function writeTab(key, text) {
    try {
      window.sessionStorage.setItem(key, text);
    } catch (error) {
      // no session storage: the tab keeps it in memory until it is reloaded
    }
  }

  // The plan open in this tab: each tab keeps its own, so that closing a plan or opening
  // another in one tab never changes what another tab writes to. "" when this tab closed
  // its plan, null in a fresh tab (which then opens the plan opened last, the store's
  // `current`).
  function readOpen() {
    return readTab(OPEN_KEY);
  }

  function writeOpen(code) {
    writeTab(OPEN_KEY, code || "");
  }

  // The tags of the versions saved in this tab, the latest last: two versions of one
  // entry by the same role (two tabs, two devices) are told apart by "saved in this tab".
  function readHere() {
    var tags = (readTab(HERE_KEY) || "").split(" ");
    return tags.filter(function (tag) { return TAG.test(tag); });
  }

  function writeHere(tags) {
    writeTab(HERE_KEY, tags.join(" "));
  }

  function now() {
    return new Date().toISOString();
  }

  function randomId() {
    var bytes = window.crypto.getRandomValues(new Uint8Array(8));
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // Entries and versions -------------------------------------------------------
  // What each kind of entry holds; see schemas/workspace-file.schema.json.
  var SHAPES = {
    agreement: { text: "text" },
    task: { due: "date", done: "bool" },
    session: { date: "day", minutes: "minutes", topics: "text", next: "text", concern: "bool" },
    learning: { date: "day", competence: "slug", goal: "short", text: "text" },
    review: { answers: "answers" },
    signoff: { date: "day", initials: "initials", covers: "digest" },
  };
  // What an entry whose fields a person fills in one by one holds before anyone writes
  // in it (what its fields show). The other kinds are written whole, as one part.
  var EMPTY = { agreement: { text: "" }, task: { due: "", done: false }, review: { answers: {} } };
  var WHOLE = "all"; // the one part of a kind written whole
  var ID = /^(agreement|task|session|learning|review|signoff)(:[a-z0-9]+(-[a-z0-9]+)*){1,2}$/;
  var TAG = /^[0-9a-f]{28}$/;
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var VERSION_KEYS = ["author", "rev", "tag", "ancestors", "updated", "deleted", "data", "origins"];
  var OLDEST_FILE = 1; // files of version 1 hold no origins and no `covers`: they are read as before
  var CHECKS = {
    text: function (v) { return typeof v === "string" && v.length <= MAX_TEXT; },
    short: function (v) { return typeof v === "string" && v.length <= MAX_SHORT; },
    initials: function (v) { return typeof v === "string" && v.length >= 1 && v.length <= MAX_INITIALS; },
    date: function (v) { return v === "" || (typeof v === "string" && DAY.test(v)); },
    day: function (v) { return typeof v === "string" && DAY.test(v); },
    bool: function (v) { return typeof v === "boolean"; },
    minutes: function (v) { return Number.isInteger(v) && v >= 0 && v <= MAX_MINUTES; },
    slug: function (v) { return v === "" || (typeof v === "string" && SLUG.test(v)); },
    answers: function (v) {
      return isObject(v) && Object.keys(v).every(function (k) { return SLUG.test(k) && CHECKS.text(v[k]); });
    },
    digest: function (v) { return v === undefined || (typeof v === "string" && TAG.test(v)); }, // optional
  };

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function onlyKeys(object, keys) {
    return Object.keys(object).every(function (k) { return keys.indexOf(k) !== -1; });
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // A 53-bit hash (cyrb53); two seeds make a 106-bit tag, plenty to tell versions apart.
  function cyrb53(text, seed) {
    var h1 = 0xdeadbeef ^ seed;
    var h2 = 0x41c6ce57 ^ seed;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return ("00000000000000" + (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)).slice(-14);
  }

  function hashOf(text) {
    return cyrb53(text, 1) + cyrb53(text, 2);
  }

  // JSON with sorted keys: the same content always gives the same text.
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (isObject(value)) {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  // A version's tag: its origins count too, when it has some (a version written before
  // they existed keeps the tag it was given).
  function tagOf(id, version) {
    var content = [id, version.deleted, version.data, version.ancestors];
    if (version.origins !== undefined) content.push(version.origins);
    return hashOf(canonical(content));
  }

  function versionOf(source) {
    var version = {};
    VERSION_KEYS.forEach(function (k) {
      if (source[k] !== undefined) version[k] = source[k];
    });
    return version;
  }

  function versionsOf(entry) {
    return [versionOf(entry)].concat((entry.conflicts || []).map(versionOf));
  }

  // A deleted version as it is kept and sent: without its data. One that still holds its
  // data (written before tombstones, or by an older page) becomes a tombstone that replaces
  // it, the same wherever this is done, so that every party ends with the same one.
  function tombstone(id, version) {
    if (!version.deleted || isTombstone(version)) return version;
    var stone = versionOf(version);
    stone.data = {};
    if (stone.origins !== undefined) stone.origins = {};
    stone.ancestors = version.ancestors.concat([version.tag]).sort();
    stone.tag = tagOf(id, stone);
    return stone;
  }

  function isTombstone(version) {
    return version.deleted && !Object.keys(version.data).length;
  }

  // The entries of `plan` without the data of their deleted versions; whether one changed.
  function scrubPlan(plan) {
    var changed = false;
    Object.keys(plan.entries || {}).forEach(function (id) {
      var entry = plan.entries[id];
      var versions = versionsOf(entry);
      var stones = versions.map(function (v) { return tombstone(id, v); });
      if (stones.every(function (v, i) { return v === versions[i]; })) return;
      plan.entries[id] = settle(id, entry.kind, stones);
      changed = true;
    });
    return changed;
  }

  // The versions no other version replaces, newest first (ties: by tag), each tag once.
  function heads(versions) {
    var byTag = {};
    versions.forEach(function (v) {
      var seen = byTag[v.tag];
      if (!seen || v.updated < seen.updated || (v.updated === seen.updated && v.author < seen.author)) byTag[v.tag] = v;
    });
    var list = Object.keys(byTag).map(function (tag) { return byTag[tag]; });
    return list.filter(function (v) {
      return !list.some(function (w) { return w.ancestors.indexOf(v.tag) !== -1; });
    }).sort(function (a, b) {
      if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1;
      return a.tag < b.tag ? -1 : 1;
    });
  }

  // Versions that all delete the entry leave nothing to choose: the newest stands for them.
  function entryOf(id, kind, versions) {
    if (versions.every(function (v) { return v.deleted; })) versions = versions.slice(0, 1);
    var entry = Object.assign({ id: id, kind: kind }, versions[0]);
    if (versions.length > 1) entry.conflicts = versions.slice(1);
    return entry;
  }

  // The entry `id` made of `versions` (any, in any order): the ones no other replaces,
  // merged into one when none deletes it and they changed different parts (mergedVersion).
  function settle(id, kind, versions) {
    var list = heads(versions.map(function (v) { return tombstone(id, v); }));
    var merged = mergedVersion(id, kind, list);
    return entryOf(id, kind, merged ? [merged] : list);
  }

  // Parts ------------------------------------------------------------------------------
  // The parts of a version's data, by name: a task's or an agreement point's fields, a
  // review's answers (by question), the whole data for a kind written whole.
  function partsOf(kind, data) {
    if (kind === "review") return data.answers || {};
    if (EMPTY[kind]) return data;
    var whole = {};
    whole[WHOLE] = data;
    return whole;
  }

  // Data made of parts (`values`, by name), as `kind` holds it; a review keeps only the
  // questions answered, and those in `kept` (answers a version wrote empty).
  function dataOf(kind, values, kept) {
    if (kind === "review") {
      var answers = {};
      Object.keys(values).sort().forEach(function (q) {
        if (values[q] !== "" || (kept && kept.indexOf(q) !== -1)) answers[q] = values[q];
      });
      return { answers: answers };
    }
    return EMPTY[kind] ? values : values[WHOLE];
  }

  function valueOf(kind, version, part) {
    var parts = partsOf(kind, version.data);
    return has(parts, part) ? parts[part] : ""; // a question not answered
  }

  // Where part `part` of `version` comes from: the tag and author of the version that
  // wrote it, or null when no one has written it yet. A version without origins (written
  // before they existed) wrote every part.
  function originOf(kind, version, part) {
    if (version.origins && has(version.origins, part)) return version.origins[part];
    if (!version.origins || has(partsOf(kind, version.data), part)) return { tag: version.tag, author: version.author };
    return null; // a question no one has answered
  }

  // The parts `version` holds, and those it says where they come from (a part may be both).
  function partNames(kind, version) {
    return Object.keys(partsOf(kind, version.data)).concat(Object.keys(version.origins || {}));
  }

  // The ancestors of a version that replaces `versions`: their tags and their ancestors,
  // each once, in order.
  function lineage(versions) {
    var tags = {};
    versions.forEach(function (v) {
      v.ancestors.concat([v.tag]).forEach(function (tag) { tags[tag] = true; });
    });
    return Object.keys(tags).sort();
  }

  // The revision of a version that comes after `versions`.
  function nextRev(versions) {
    return versions.reduce(function (max, v) { return Math.max(max, v.rev); }, 0) + 1;
  }

  function sameOrigin(a, b) {
    return a === b || (!!a && !!b && a.tag === b.tag);
  }

  // Whether `newer`'s part replaces `older`'s: it comes from a version that had seen the
  // one `older`'s comes from (or no one ever wrote `older`'s).
  function replacesPart(kind, newer, older, part) {
    var from = originOf(kind, older, part);
    if (sameOrigin(from, originOf(kind, newer, part))) return false;
    return from === null || newer.tag === from.tag || newer.ancestors.indexOf(from.tag) !== -1;
  }

  // The parts of `list` (versions none of which deletes the entry, in a fixed order):
  // once the values that another replaces are left out, a part with one value left is
  // settled (`values`, and `origins` when they all come from one version; written apart
  // by two parties, the same value has no origin: what merges them writes it, so that a
  // version that saw one of them only does not replace the other); a part with two
  // values or more is open, for a party to choose (`open`, and `left`: the versions whose
  // value is left). Two versions that each replace the other's value (two parties who
  // each chose the other's version) leave both.
  function partChoices(kind, list) {
    var names = {};
    list.forEach(function (v) {
      partNames(kind, v).forEach(function (p) { names[p] = true; });
    });
    var result = { values: {}, origins: {}, open: [], left: {} };
    Object.keys(names).sort().forEach(function (part) {
      var left = list.filter(function (x) {
        return !list.some(function (y) {
          return y !== x && replacesPart(kind, y, x, part) && !replacesPart(kind, x, y, part);
        });
      });
      if (!left.length) left = list;
      var values = {};
      left.forEach(function (v) { values[canonical(valueOf(kind, v, part))] = true; });
      if (Object.keys(values).length > 1) {
        result.open.push(part);
        result.left[part] = left;
        return;
      }
      result.values[part] = valueOf(kind, left[0], part);
      var origin = originOf(kind, left[0], part);
      if (left.every(function (v) { return sameOrigin(originOf(kind, v, part), origin); })) result.origins[part] = origin;
    });
    return result;
  }

  // The one version that merges `list` (the versions no other replaces, newest first)
  // when none deletes the entry and no part is open; else null. Every device makes the
  // same one, from what the versions hold only: its parts come from them (origins; a
  // value two of them wrote apart is its own), its ancestors are theirs and them, its
  // author and time are the newest's.
  function mergedVersion(id, kind, list) {
    if (list.length < 2 || list.some(function (v) { return v.deleted; })) return null;
    var parts = partChoices(kind, list);
    if (parts.open.length) return null;
    var version = {
      author: list[0].author,
      rev: nextRev(list),
      ancestors: lineage(list),
      updated: list[0].updated,
      deleted: false,
      data: dataOf(kind, parts.values, ownParts(parts)),
      origins: parts.origins,
    };
    version.tag = tagOf(id, version);
    return version;
  }

  // The settled parts that have no origin: the merge writes them.
  function ownParts(parts) {
    return Object.keys(parts.values).filter(function (part) { return !has(parts.origins, part); });
  }

  // What a party can keep of `entry`: for each of its versions, all of them merged, with
  // that version's values for the parts left to choose; each content once. A candidate:
  // {versions (the ones it stands for), deleted, data, origins (every part's), open (the
  // parts left to choose)}. An entry with one version has one candidate: that version.
  function candidatesOf(entry) {
    var kind = entry.kind;
    var versions = versionsOf(entry);
    if (versions.length === 1) return [candidateOf(kind, versions[0])];
    var live = versions.filter(function (v) { return !v.deleted; });
    var parts = partChoices(kind, live);
    var found = {};
    var list = [];
    versions.forEach(function (v) {
      var candidate = v.deleted ? deletedCandidate(v) : null;
      if (!candidate) {
        var values = Object.assign({}, parts.values);
        var origins = Object.assign({}, parts.origins);
        parts.open.forEach(function (part) {
          var from = parts.left[part].indexOf(v) !== -1 ? v : parts.left[part][0];
          values[part] = valueOf(kind, from, part);
          origins[part] = originOf(kind, from, part);
        });
        candidate = { versions: [v], deleted: false, data: dataOf(kind, values, ownParts(parts)), origins: origins, open: parts.open };
      }
      var key = canonical([candidate.deleted, candidate.data]);
      if (found[key]) {
        found[key].versions.push(v);
      } else {
        found[key] = candidate;
        list.push(candidate);
      }
    });
    return list;
  }

  // One version as a candidate: its data, and where each of its parts comes from.
  function candidateOf(kind, version) {
    if (version.deleted) return deletedCandidate(version);
    var origins = {};
    partNames(kind, version).forEach(function (part) {
      origins[part] = originOf(kind, version, part);
    });
    return { versions: [version], deleted: false, data: version.data, origins: origins, open: [] };
  }

  function deletedCandidate(version) {
    return { versions: [version], deleted: true, data: {}, origins: {}, open: [] };
  }

  // What the fields of an entry show before anyone writes in it: no part written yet.
  function emptyCandidate(kind) {
    var data = EMPTY[kind] || {};
    var origins = {};
    Object.keys(partsOf(kind, data)).forEach(function (part) { origins[part] = null; });
    return { versions: [], deleted: false, data: data, origins: origins, open: [] };
  }

  // Data without what holds nothing (a review's empty answers): two versions that say
  // the same compare equal.
  function plainData(kind, data) {
    return kind === "review" ? dataOf(kind, data.answers || {}) : data;
  }

  // The origins of `data`, written on `basis` (the candidate the person saw): a part as
  // it was there keeps its origin, a part changed is written by the new version (it has
  // no origin). Returns {data, origins}; a review's answer cleared stays in the data,
  // empty, as written by the new version.
  function written(kind, data, basis) {
    var before = partsOf(kind, basis.data);
    var after = Object.assign({}, partsOf(kind, data));
    var names = {};
    [before, basis.origins, after].forEach(function (parts) {
      Object.keys(parts).forEach(function (part) { names[part] = true; });
    });
    var origins = {};
    Object.keys(names).sort().forEach(function (part) {
      var value = has(after, part) ? after[part] : "";
      var same = canonical(value) === canonical(has(before, part) ? before[part] : "");
      if (same && has(basis.origins, part)) {
        origins[part] = basis.origins[part];
        if (kind === "review" && value === "") delete after[part];
      } else if (kind === "review") {
        after[part] = value;
      }
    });
    return { data: kind === "review" ? { answers: after } : data, origins: origins };
  }

  // A new version of an entry, by this person, replacing the versions they saw: `seen`,
  // what the field showed when they began typing (every stored version when not given;
  // with a choice pending, every version left to choose from: the save is their choice),
  // and `basis`, the candidate it showed of them (the first of `seen` when not given). A
  // version that came in meanwhile (a file imported in another tab) is not replaced: it
  // merges with the new one when they changed different parts, and otherwise stays beside
  // it, as a conflict. The new version, or null if nothing changed.
  function saveEntry(plan, id, kind, data, deleted, seen, basis) {
    var current = plan.entries[id];
    if (deleted) data = {}; // a tombstone: what was written goes
    var stored = current ? versionsOf(current) : [];
    seen = seen || stored;
    if (current && !current.conflicts && current.deleted === !!deleted &&
      canonical(plainData(kind, current.data)) === canonical(plainData(kind, data))) {
      return null; // nothing changed
    }
    if (!basis || basis.deleted) {
      var live = seen.filter(function (v) { return !v.deleted; })[0];
      basis = live ? candidateOf(kind, live) : emptyCandidate(kind);
    }
    var parts = deleted ? { data: {}, origins: {} } : written(kind, data, basis);
    var version = {
      author: plan.role,
      rev: nextRev(stored.concat(seen)),
      ancestors: lineage(seen),
      updated: now(),
      deleted: !!deleted,
      data: parts.data,
      origins: parts.origins,
    };
    version.tag = tagOf(id, version);
    plan.entries[id] = settle(id, kind, [versionOf(version)].concat(stored));
    plan.changed = version.updated;
    return versionOf(version);
  }

  // Whether `version`, just saved, is one of the versions of an entry that has two: a
  // version came in meanwhile (a file imported, here or in another tab) and stays beside it.
  function inConflict(plan, version) {
    return !!version.tag && Object.keys(plan.entries).some(function (id) {
      var entry = plan.entries[id];
      return !!entry.conflicts && versionsOf(entry).some(function (v) { return v.tag === version.tag; });
    });
  }

  // The entry of `entries` (a plan's entries before `version` was saved) whose versions
  // left to choose from `version` replaces, every one of them: the save was a party's
  // choice among them. Null when it was not.
  function choiceMade(entries, version) {
    var id = Object.keys(entries).filter(function (key) {
      var entry = entries[key];
      return !!entry.conflicts && versionsOf(entry).every(function (v) { return version.ancestors.indexOf(v.tag) !== -1; });
    })[0];
    return id ? entries[id] : null;
  }

  // Merge another party's entries into ours; nothing is lost.
  function mergeEntries(mine, theirs) {
    var result = { entries: Object.assign({}, mine), added: 0, updated: 0, conflicts: 0 };
    Object.keys(theirs).forEach(function (id) {
      var incoming = theirs[id];
      var local = mine[id];
      var merged = settle(id, incoming.kind, versionsOf(incoming).concat(local ? versionsOf(local) : []));
      if (!local) {
        result.added += 1;
      } else if (canonical(merged) !== canonical(local)) {
        result.updated += 1;
      }
      var before = local && local.conflicts ? canonical(versionsOf(local).map(function (v) { return v.tag; }).sort()) : "";
      var after = canonical(versionsOf(merged).map(function (v) { return v.tag; }).sort());
      if (merged.conflicts && before !== after) result.conflicts += 1;
      result.entries[id] = merged;
    });
    return result;
  }

  // Where a version's parts come from: known parts of its kind, each an origin or null.
  function validOrigins(v, kind) {
    if (v.origins === undefined) return true;
    if (!isObject(v.origins)) return false;
    var names = Object.keys(v.origins);
    if (v.deleted) return !names.length;
    var allowed = kind === "review" ? null : EMPTY[kind] ? Object.keys(SHAPES[kind]) : [WHOLE];
    return names.every(function (part) {
      var o = v.origins[part];
      return (allowed ? allowed.indexOf(part) !== -1 : SLUG.test(part)) && (o === null || (isObject(o) &&
        onlyKeys(o, ["tag", "author"]) && typeof o.tag === "string" && TAG.test(o.tag) &&
        typeof o.author === "string" && SLUG.test(o.author)));
    });
  }

  function validVersion(v, id, kind) {
    if (!isObject(v) || !onlyKeys(v, VERSION_KEYS) || !isObject(v.data)) return false;
    var shape = SHAPES[kind];
    return typeof v.author === "string" && SLUG.test(v.author) && Number.isInteger(v.rev) && v.rev >= 1 &&
      typeof v.tag === "string" && TAG.test(v.tag) && Array.isArray(v.ancestors) &&
      v.ancestors.every(function (a) { return typeof a === "string" && TAG.test(a); }) &&
      typeof v.updated === "string" && TIME.test(v.updated) && typeof v.deleted === "boolean" &&
      (isTombstone(v) || (onlyKeys(v.data, Object.keys(shape)) &&
        Object.keys(shape).every(function (k) { return CHECKS[shape[k]](v.data[k]); }))) &&
      validOrigins(v, kind) &&
      tagOf(id, v) === v.tag; // a version whose content changed after it was tagged is damaged
  }

  function validEntry(e) {
    if (!isObject(e) || !onlyKeys(e, ["id", "kind"].concat(VERSION_KEYS, ["conflicts"]))) return false;
    if (typeof e.id !== "string" || e.id.length > 200 || !ID.test(e.id) || e.id.split(":")[0] !== e.kind) return false;
    if (e.conflicts !== undefined && !(Array.isArray(e.conflicts) && e.conflicts.length >= 1 && e.conflicts.length <= 50)) {
      return false;
    }
    return versionsOf(e).every(function (v) { return validVersion(v, e.id, e.kind); });
  }

  // Whether an entry holds what only files of version 2 and after hold: origins, or
  // what a sign-off covers.
  function newerThanOne(entry) {
    return versionsOf(entry).some(function (v) {
      return v.origins !== undefined || (isObject(v.data) && v.data.covers !== undefined);
    });
  }

  // The file ------------------------------------------------------------------
  // A problem with a file: the key of its message and the values to put in it.
  function Refusal(key, values) {
    this.key = key;
    this.values = values || {};
  }

  function validPayload(p, fileVersion) {
    if (!isObject(p) || !isObject(p.plan) || !Array.isArray(p.entries)) return false;
    if (typeof p.plan.code !== "string" || !p.plan.code || p.plan.code.length > MAX_CODE) return false;
    if (typeof p.plan.kind !== "string" || !SLUG.test(p.plan.kind)) return false;
    if (typeof p.exportedBy !== "string" || !SLUG.test(p.exportedBy) || !TIME.test(String(p.exported))) return false;
    var ids = {};
    return p.entries.every(function (e) {
      var fresh = validEntry(e) && !ids[e.id] && !(fileVersion < 2 && newerThanOne(e));
      if (fresh) ids[e.id] = true;
      return fresh;
    });
  }

  function parseFile(text, passphrase, config) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return Promise.reject(new Refusal("notJson"));
    }
    if (!isObject(file) || file.format !== config.format) return Promise.reject(new Refusal("foreign"));
    if (!Number.isInteger(file.version)) return Promise.reject(new Refusal("damaged"));
    if (file.version > config.version) return Promise.reject(new Refusal("newer", { version: file.version }));
    if (file.version < OLDEST_FILE) return Promise.reject(new Refusal("older", { version: file.version }));
    if (file.encrypted === undefined && !onlyKeys(file, ["format", "version", "plan", "exported", "exportedBy", "entries"])) {
      return Promise.reject(new Refusal("damaged"));
    }
    var opening = file.encrypted !== undefined ? decrypt(file, passphrase) : Promise.resolve(file);
    return opening.then(function (payload) {
      if (!validPayload(payload, file.version)) throw new Refusal("damaged");
      return payload;
    });
  }

  // Passphrase protection: AES-GCM, its key derived with PBKDF2 (SHA-256) from the
  // passphrase and a random salt; the salt, the IV and the iterations are in the file.
  function subtle() {
    return window.crypto && window.crypto.subtle;
  }

  function deriveKey(passphrase, salt, iterations) {
    var raw = new TextEncoder().encode(passphrase);
    return subtle().importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
      var params = { name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256" };
      return subtle().deriveKey(params, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    });
  }

  // The format and version are authenticated with the content: changing them breaks it.
  function header(file) {
    return new TextEncoder().encode(file.format + "/" + file.version);
  }

  function encrypt(file, passphrase) {
    if (!subtle()) return Promise.reject(new Refusal("noCrypto"));
    var salt = window.crypto.getRandomValues(new Uint8Array(16));
    var iv = window.crypto.getRandomValues(new Uint8Array(12));
    var content = { plan: file.plan, exported: file.exported, exportedBy: file.exportedBy, entries: file.entries };
    return deriveKey(passphrase, salt, ITERATIONS).then(function (key) {
      var params = { name: "AES-GCM", iv: iv, additionalData: header(file) };
      return subtle().encrypt(params, key, new TextEncoder().encode(JSON.stringify(content)));
    }).then(function (sealed) {
      return {
        format: file.format,
        version: file.version,
        encrypted: {
          cipher: "AES-GCM",
          kdf: "PBKDF2",
          hash: "SHA-256",
          iterations: ITERATIONS,
          salt: toBase64(salt),
          iv: toBase64(iv),
          data: toBase64(new Uint8Array(sealed)),
        },
      };
    });
  }

  function decrypt(file, passphrase) {
    var box = file.encrypted;
    var parts = isObject(box) && onlyKeys(file, ["format", "version", "encrypted"]) ? unpack(box) : null;
    if (!parts) return Promise.reject(new Refusal("damaged"));
    if (!passphrase) return Promise.reject(new Refusal("needsPassphrase"));
    if (!subtle()) return Promise.reject(new Refusal("noCrypto"));
    return deriveKey(passphrase, parts.salt, box.iterations).then(function (key) {
      var params = { name: "AES-GCM", iv: parts.iv, additionalData: header(file) };
      return subtle().decrypt(params, key, parts.data).catch(function () {
        throw new Refusal("wrongPassphrase"); // or a changed file: AES-GCM cannot tell which
      });
    }).then(function (plain) {
      try {
        return JSON.parse(new TextDecoder().decode(plain));
      } catch (error) {
        throw new Refusal("damaged");
      }
    });
  }

  function unpack(box) {
    var known = box.cipher === "AES-GCM" && box.kdf === "PBKDF2" && box.hash === "SHA-256";
    var rounds = Number.isInteger(box.iterations) && box.iterations >= MIN_ITERATIONS && box.iterations <= MAX_ITERATIONS;
    if (!known || !rounds) return null;
    var salt = fromBase64(box.salt);
    var iv = fromBase64(box.iv);
    var data = fromBase64(box.data);
    return salt && salt.length >= 16 && iv && iv.length === 12 && data && data.length > 16
      ? { salt: salt, iv: iv, data: data }
      : null;
  }

  function toBase64(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return window.btoa(text);
  }

  function fromBase64(text) {
    if (typeof text !== "string") return null;
    try {
      var binary = window.atob(text);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    } catch (error) {
      return null;
    }
  }

  // Words as a file name writes them: small letters (no accents on Latin ones), digits,
  // and hyphens between them.
  function fileWords(text) {
    // Latin accents go ("coordinateur-de-l-organisation"); so do Arabic vowel signs
    // (tanwin to sukun, the dagger alef), once letters with a hamza are composed again.
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")
      .replace(/[\u064b-\u0652\u0670]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  }

  // Text --------------------------------------------------------------------------
  // Dates as the language writes them; isolated text, {placeholders} and numbers are
  // common.js's.

  // A day (yyyy-mm-dd, the local day it was written) as the language writes it: `dates`
  // is how (common.datesOf).
  function formatDay(day, dates) {
    var parts = day.split("-").map(Number);
    return common.formatDate(new Date(parts[0], parts[1] - 1, parts[2]), dates, { dateStyle: "medium" }, day);
  }

  // A moment (an ISO time in UTC) as the language writes it, in the reader's time zone;
  // to the second when `seconds` (two versions saved in the same minute).
  function formatTime(iso, dates, seconds) {
    var options = { dateStyle: "medium", timeStyle: seconds ? "medium" : "short" };
    return common.formatDate(new Date(iso), dates, options, iso);
  }

  // A text that stands alone, with a capital letter (a task's state or a signature under
  // "Version by"): `node`, its first word's first letter capitalised, whatever language
  // that word is marked with; what people typed (isolated in a <bdi>) stays as typed.
  function capitalised(node, lang) {
    var first = node;
    while (first && first.nodeType !== Node.TEXT_NODE && first.nodeName !== "BDI") first = first.firstChild;
    if (first && first.nodeType === Node.TEXT_NODE) {
      first.data = first.data.charAt(0).toLocaleUpperCase(lang) + first.data.slice(1);
    }
    return node;
  }

  // An element holding `text`: a string, or a node (a label in its language).
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text instanceof Node) {
      node.appendChild(text);
    } else if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // The workspace on a page ---------------------------------------------------------
  function Workspace(root) {
    this.root = root;
    this.config = JSON.parse(root.dataset.config);
    this.text = this.config.strings;
    this.lang = common.languageOf(root);
    this.dates = common.datesOf(root);
    this.mode = "plan";
    var open = readOpen();
    this.code = open === null ? readStore().current : open || null; // this tab's plan
    // What each field, task or review shows of its entry (shownOf): a save replaces the
    // versions it stood for when it was shown, and only them, so that a version come in
    // meanwhile stays (saveEntry); with a choice pending, all of them (the party's choice).
    this.shown = new Map();
    // What each field, task, review or sign-off last showed of its entry (the tags of its
    // versions): when that changes, what its status line said is out of date (showEntry).
    this.states = new Map();
    this.here = readHere(); // the versions saved in this tab
  }

  Workspace.prototype.$ = function (selector) {
    return this.root.querySelector(selector);
  };

  Workspace.prototype.$$ = function (selector) {
    return common.all(this.root, selector);
  };

  // This tab's plan in `store` (null when none is open, or it was deleted in another tab).
  Workspace.prototype.plan = function (store) {
    return this.code ? store.plans[this.code] || null : null;
  };

  Workspace.prototype.setOpen = function (code) {
    this.code = code;
    this.keptAs = null; // the role the plan was kept in before this tab opened it (show)
    writeOpen(code);
  };

  // The file a plan is exported to, in the page's language (an import reads only what the
  // file holds, so a file named in any language is received). A protected file is named
  // apart, so that saving both never replaces one by the other.
  Workspace.prototype.fileName = function (plan, protectedFile) {
    var code = plan.code.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "plan";
    var template = protectedFile ? this.text.fileNameProtected : this.text.fileName;
    var at = new Date();
    var time = ("0" + at.getHours()).slice(-2) + ("0" + at.getMinutes()).slice(-2); // two exports of a day apart
    return common.fill(template, { code: code, role: fileWords(this.roleLabel(plan.role)) || plan.role, date: today() + "-" + time }) + ".json";
  };

  Workspace.prototype.roleLabel = function (role) {
    return this.config.roles[role] || role;
  };

  // The parties of a kind of plan (every role, for a kind this page does not know).
  Workspace.prototype.rolesOf = function (kindId) {
    var kind = this.config.kinds[kindId];
    return kind ? kind.roles : Object.keys(this.config.roles);
  };

  // A kind of plan's name (its id, for a kind this page does not know).
  Workspace.prototype.kindLabel = function (kindId) {
    var kind = this.config.kinds[kindId];
    return kind ? kind.label : kindId;
  };

  // Labels in their language ----------------------------------------------------------
  // The page says the language of each label written in another than its own
  // (data-<name>-lang on the root, partials/workspace.html): an interface string under
  // text-<name> (the attribute's name in small letters, as HTML reads it), a label of
  // curriculum/workspace.yml under the name workspace.py gives it (role-<id>, …).

  // The interface strings `names` (one, or several said one after the other), filled
  // from `values`, as a node: each string in its language, each value in its own.
  Workspace.prototype.said = function (names, values) {
    var said = document.createDocumentFragment();
    [].concat(names).forEach(function (name, index) {
      var part = document.createDocumentFragment();
      fillInto(part, this.text[name], values, this.root, "text-" + name);
      if (index) said.appendChild(document.createTextNode(" "));
      said.appendChild(part);
    }, this);
    return said;
  };

  // `node`'s text replaced by the interface strings `names` (said).
  Workspace.prototype.sayInto = function (node, names, values) {
    node.textContent = "";
    node.appendChild(this.said(names, values));
  };

  // The interface string `name` (its plural forms) said of `count` things, in its language.
  Workspace.prototype.countSaid = function (name, count) {
    return common.said(this.root, "text-" + name, common.countText(this.text[name], count, this.lang));
  };

  // A label of curriculum/workspace.yml, `text`, in the language the page gives it under `name`.
  Workspace.prototype.labelSaid = function (name, text) {
    return common.said(this.root, name, text);
  };

  Workspace.prototype.roleSaid = function (role) {
    return this.labelSaid("role-" + role, this.roleLabel(role));
  };

  Workspace.prototype.kindSaid = function (kindId) {
    return this.labelSaid("kind-" + kindId, this.kindLabel(kindId));
  };

  // Roles as a list to read ("Volunteer, Sending tutor, …").
  Workspace.prototype.rolesSaid = function (roles) {
    var list = document.createDocumentFragment();
    roles.forEach(function (role, index) {
      if (index) list.appendChild(document.createTextNode(this.text.separator));
      list.appendChild(this.roleSaid(role));
    }, this);
    return list;
  };

  // A date (`text`, as this.dates writes it), isolated, in the language of the dates.
  Workspace.prototype.dateSaid = function (text) {
    return common.dateSaid(text, this.dates);
  };

  // The parties of a kind of plan, as a list to read.
  Workspace.prototype.partiesOf = function (kindId) {
    return this.rolesSaid(this.rolesOf(kindId));
  };

  // What the status line says when `role` is not a party of a plan of `kindId`.
  Workspace.prototype.notAParty = function (kindId) {
    return new Refusal("wrongRole", { kind: this.kindSaid(kindId), parties: this.partiesOf(kindId) });
  };

  // Change the open plan with `change(plan)`; write and show the result (in `line`, the
  // status line next to what was done; the Share section's when not given). A change that
  // saved a version of an entry (saveEntry returns it) which now has two versions says so,
  // with a link to them: only a save that ends without a conflict says `message` (the
  // name of an interface string: "saved" when none is given). A save with no `message`
  // that replaced the versions left to choose from (choiceMade) says it was the party's
  // choice, and whose versions it replaced.
  Workspace.prototype.update = function (change, message, values, line) {
    var store = readStore();
    var plan = this.plan(store);
    var before = plan ? Object.assign({}, plan.entries) : {};
    var saved = plan && change(plan);
    if (!saved) return;
    var stored = writeStore(store);
    if (saved.tag) {
      this.here = this.here.concat(saved.tag).slice(-HERE_MAX);
      writeHere(this.here);
    }
    this.render();
    var chosen = !message && saved.tag ? choiceMade(before, saved) : null;
    if (!stored) {
      this.status("noStorage", null, line);
    } else if (inConflict(plan, saved)) {
      this.status("savedConflict", this.conflictValues(), line);
    } else if (chosen) {
      this.status("savedChoice", { role: this.writers(candidatesOf(chosen)) }, line);
    } else {
      this.status(message || "saved", values, line);
    }
  };

  // Say the interface strings `names` (said), filled from `values`, in `line`.
  Workspace.prototype.status = function (names, values, line) {
    var store = readStore();
    line = line || (this.plan(store) ? this.$(".workspace__status") : this.$(".workspace__start-status"));
    this.silence(line);
    this.sayInto(line, names, values);
  };

  // One message at a time, next to what was just done: an older one elsewhere would still
  // seem to speak of the present. Every status line but `line` (if given) is emptied.
  Workspace.prototype.silence = function (line) {
    var lines = ".workspace__status, .workspace__start-status, .workspace__form-status, .workspace__opened";
    this.$$(lines).forEach(function (other) {
      if (other !== line) other.textContent = "";
    });
  };

  // The status line nearest to `node`: the one of its field or task, else of its section.
  // What is done far down the page is said there, in sight, not in the Share section's
  // line at the top.
  Workspace.prototype.statusNear = function (node) {
    var holder = node.closest(".workspace__field, .workspace__task, section");
    return holder.querySelector(".workspace__form-status") || node.closest("section").querySelector(".workspace__form-status");
  };

  // A field to correct: say why just after it (in sight with it, even on a phone), tie
  // the message to the field, so that it is read out when the field is reached, and go there.
  // The message (the interface string `name`) replaces any other: the field's older one,
  // and every status line.
  Workspace.prototype.refuseField = function (field, name, values) {
    var note = document.getElementById(field.id + "-error") || element("span", "workspace__field-error");
    note.id = field.id + "-error";
    this.sayInto(note, name, values);
    field.insertAdjacentElement("afterend", note);
    common.markInvalid(field, note.id, true);
    this.silence(null);
    field.focus();
    // Focus scrolls only as far as the field: the message under it must show too.
    field.parentNode.scrollIntoView({ block: "nearest" });
  };

  // The fields of `container` are right now: their messages go.
  Workspace.prototype.acceptFields = function (container) {
    common.all(container, "[aria-invalid]").forEach(function (field) {
      common.markInvalid(field, field.id + "-error", false);
    });
    common.all(container, ".workspace__field-error").forEach(function (note) { note.remove(); });
  };

  Workspace.prototype.start = function () {
    var self = this;
    this.$(".workspace__needs-script").hidden = true;
    this.bindStart();
    this.bindPlan();
    this.bindLogs();
    this.bindExchange();
    this.limitFields();
    this.keepTyping();
    this.keepDrafts();
    window.addEventListener("beforeprint", function () { self.printView(self.mode); });
    window.addEventListener("afterprint", function () { self.mode = "plan"; });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) self.render(); // another tab changed the plans: show this tab's own
    });
    // A link to the versions to choose from (in a message, copied, or under a field): the
    // keyboard goes on from their heading, as after "Keep this version".
    this.root.addEventListener("click", function (event) {
      if (event.target.closest("a[href='#ws-conflicts']")) self.focusOn(self.$("#ws-conflicts"));
    });
    this.render();
    this.restoreDrafts();
  };

  // What is typed in a log form ("Add a session", "Add to my learning log") before it is
  // added is kept in this tab, for the plan open in it: a reload, or a phone that drops
  // the tab in the background, does not lose it. Adding the entry empties it; the form
  // shows it again when that plan is opened again in this tab, and no other plan sees it.
  Workspace.prototype.keepDrafts = function () {
    var self = this;
    Object.keys(LOG_FORMS).forEach(function (name) {
      var form = self.$(LOG_FORMS[name]);
      ["input", "change"].forEach(function (type) {
        form.addEventListener(type, function () { self.writeDraft(name, form); });
      });
    });
  };

  Workspace.prototype.writeDraft = function (name, form) {
    var draft = this.readDraft();
    draft.forms[name] = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name) draft.forms[name][field.name] = field.type === "checkbox" ? field.checked : field.value;
    });
    writeTab(DRAFT_KEY, JSON.stringify(draft));
  };

  // The draft of the plan open in this tab (an empty one for another plan's).
  Workspace.prototype.readDraft = function () {
    var draft = null;
    try {
      draft = JSON.parse(readTab(DRAFT_KEY) || "null");
    } catch (error) {
      draft = null;
    }
    return isObject(draft) && draft.code === this.code && isObject(draft.forms) ? draft : { code: this.code, forms: {} };
  };

  // The log forms as the open plan's draft left them (empty without one).
  Workspace.prototype.restoreDrafts = function () {
    var self = this;
    var draft = this.readDraft();
    Object.keys(LOG_FORMS).forEach(function (name) {
      var form = self.$(LOG_FORMS[name]);
      var values = isObject(draft.forms[name]) ? draft.forms[name] : {};
      form.reset();
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || !(field.name in values)) return;
        if (field.type === "checkbox") {
          field.checked = values[field.name] === true;
        } else if (typeof values[field.name] === "string") {
          field.value = values[field.name];
        }
      });
    });
    this.$(".workspace__concern-note").hidden = !this.$(LOG_FORMS.session).elements.concern.checked;
    this.showPrompt();
  };

  // A field takes no more than a file may hold (a longer text would make the file refused).
  // A text field that is full says so under it: a text pasted in is cut at the limit, and
  // the end that was not kept would otherwise be lost without a word.
  Workspace.prototype.limitFields = function () {
    var self = this;
    this.$$("textarea").forEach(function (field) { field.maxLength = MAX_TEXT; });
    this.$(".workspace__add-learning").elements.goal.maxLength = MAX_SHORT;
    this.$$(".workspace__initials").forEach(function (field) { field.maxLength = MAX_INITIALS; });
    this.$(".workspace__code").maxLength = MAX_CODE;
    this.root.addEventListener("input", function (event) {
      var field = event.target;
      if (field.tagName === "TEXTAREA" && field.id) self.sayFull(field);
    });
  };

  // Under a text field, whether it is full (the interface string textFull), or nothing.
  Workspace.prototype.sayFull = function (field) {
    var id = field.id + "-full";
    var note = document.getElementById(id);
    var full = field.value.length >= field.maxLength;
    if (full && !note) {
      note = element("span", "workspace__field-full");
      note.id = id;
      this.sayInto(note, "textFull", { count: formatNumber(field.maxLength, this.lang) });
      field.insertAdjacentElement("afterend", note);
    } else if (!full && note) {
      note.remove();
    }
    common.describedBy(field, id, full);
  };

  // A field is saved when it is left; what is still being typed is saved too when the
  // page is closed, reloaded or hidden (a phone may discard a tab in the background).
  Workspace.prototype.keepTyping = function () {
    var typing = [];
    this.root.addEventListener("input", function (event) {
      var field = event.target;
      if (field.matches("textarea[data-entry], textarea[data-question]") && typing.indexOf(field) === -1) typing.push(field);
    });
    this.root.addEventListener("change", function (event) {
      typing = typing.filter(function (field) { return field !== event.target; });
    }, true);
    function save() {
      typing.splice(0).forEach(function (field) { field.dispatchEvent(new Event("change", { bubbles: true })); });
    }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
    window.addEventListener("pagehide", save);
  };

  // Opening a plan ----------------------------------------------------------------
  Workspace.prototype.bindStart = function () {
    var self = this;
    var kind = this.$(".workspace__kind");
    kind.addEventListener("change", function () { self.chooseKind(); });
    this.chooseKind();
    this.$(".workspace__open").addEventListener("submit", function (event) {
      event.preventDefault();
      self.open(self.$(".workspace__code").value, kind.value, self.$(".workspace__role").value);
    });
  };

  // The chosen kind of plan: its parties said under it (its options name the kind alone,
  // short enough for a phone), and only they can be chosen as the role.
  Workspace.prototype.chooseKind = function () {
    var kind = this.$(".workspace__kind").value;
    this.sayInto(this.$(".workspace__kind-parties"), "kindParties", { parties: this.partiesOf(kind) });
    var select = this.$(".workspace__role");
    Array.prototype.forEach.call(select.options, function (option) {
      var allowed = !option.value || option.dataset.kinds.split(" ").indexOf(kind) !== -1;
      option.hidden = !allowed;
      option.disabled = !allowed;
    });
    if (select.selectedOptions[0] && select.selectedOptions[0].disabled) select.value = "";
  };

  Workspace.prototype.open = function (rawCode, kind, role) {
    var store = readStore();
    var opened;
    this.acceptFields(this.$(".workspace__open"));
    try {
      opened = this.openIn(store, rawCode, kind, role);
    } catch (problem) {
      // A code to type or a role to choose: the message under its field, as on the import form.
      var role = this.$(".workspace__role");
      this.refuseAt(problem, { needsCode: this.$(".workspace__code"), needsRole: role, wrongRole: role });
      return;
    }
    var stored = writeStore(store);
    this.show(opened, stored ? "opened" : "noStorage", { code: isolated(opened.plan.code, "ltr") });
  };

  // A plan's code as every party writes it: capitals, single spaces.
  function planCode(raw) {
    return String(raw).trim().replace(/\s+/g, " ").toUpperCase();
  }

  // The plan `rawCode` opened in `role`, in `store` (not yet written): made there, of
  // `kind`, when it is not kept yet. Returns the plan and the role it was kept in before;
  // throws a Refusal when the code or the role is missing, or when the role is not a party
  // of the plan's kind. Opening from the form and importing from the start screen share it.
  Workspace.prototype.openIn = function (store, rawCode, kind, role) {
    var code = planCode(rawCode);
    if (!code) throw new Refusal("needsCode");
    if (!role) throw new Refusal("needsRole");
    var plan = store.plans[code] || { code: code, kind: kind, created: now(), exported: null, changed: null, entries: {} };
    if (!Object.keys(plan.entries).length) plan.kind = kind;
    if (this.rolesOf(plan.kind).indexOf(role) === -1) { // a plan started as another kind
      throw this.notAParty(plan.kind);
    }
    var before = plan.role;
    plan.role = role;
    store.plans[code] = plan;
    store.current = code; // the plan a fresh tab opens
    return { plan: plan, before: before };
  };

  // This tab shows the plan just opened (openIn), with a warning when it was kept in this
  // browser in another role (the person may be about to write as the wrong party), and
  // goes to its title. What opening it did (the interface strings `names`, filled from
  // `values`: opened, and what a file imported from the start screen brought) is said just
  // under the title, in sight with it on a phone, and read with it: not in the Share
  // section further down.
  Workspace.prototype.show = function (opened, names, values) {
    this.acceptFields(this.$(".workspace__open")); // opened another way: its message is old
    this.setOpen(opened.plan.code);
    this.keptAs = opened.before || null;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    this.render();
    var line = this.$(".workspace__opened");
    this.status(names, values, line);
    this.describeTitle();
    this.restoreDrafts(); // this plan's, if this tab kept one; none of another plan's
    this.focusTitle();
    line.scrollIntoView({ block: "nearest" }); // focus showed the title: the message under it too
  };

  // The plan's title is read with what is said under it: the warning about the role, and
  // what opening the plan did (until the next message replaces it).
  Workspace.prototype.describeTitle = function () {
    var title = this.$(".workspace__plan-title");
    var ids = [".workspace__role-warning", ".workspace__opened"].map(this.$, this).filter(function (node) {
      return !node.hidden && node.textContent;
    }).map(function (node) { return node.id; });
    if (ids.length) {
      title.setAttribute("aria-describedby", ids.join(" "));
    } else {
      title.removeAttribute("aria-describedby");
    }
  };

  Workspace.prototype.focusTitle = function () {
    this.focusOn(this.$(".workspace__plan-title"));
  };

  // Go on from `node`, a heading or a status line (focusable from a script only).
  Workspace.prototype.focusOn = function (node) {
    node.setAttribute("tabindex", "-1");
    node.focus();
  };

  Workspace.prototype.renderSaved = function (store) {
    var self = this;
    var list = this.$(".workspace__saved-list");
    var codes = Object.keys(store.plans).sort();
    list.textContent = "";
    this.$(".workspace__saved").hidden = !codes.length;
    codes.forEach(function (code) {
      var plan = store.plans[code];
      var button = element("button", "md-button workspace__saved-plan");
      button.type = "button";
      self.sayInto(button, "openSaved", { code: isolated(code, "ltr"), role: self.roleSaid(plan.role) });
      button.addEventListener("click", function () {
        self.open(code, plan.kind, plan.role);
      });
      var item = element("li");
      item.appendChild(button);
      list.appendChild(item);
    });
  };

  // The open plan -------------------------------------------------------------------
  Workspace.prototype.bindPlan = function () {
    var self = this;
    this.$$("textarea[data-entry]").forEach(function (field) {
      field.addEventListener("change", function () {
        var id = field.dataset.entry;
        self.update(function (plan) {
          return self.saveField(plan, field, id, "agreement", { text: field.value });
        }, null, null, self.statusNear(field));
      });
    });
    this.$$("fieldset.workspace__task").forEach(function (task) {
      task.addEventListener("change", function () {
        var data = { due: task.querySelector("[data-field=due]").value, done: task.querySelector("[data-field=done]").checked };
        self.update(function (plan) {
          return self.saveField(plan, task, task.dataset.entry, "task", data);
        }, null, null, self.statusNear(task));
      });
    });
    this.$$(".workspace__review").forEach(function (review) {
      review.addEventListener("change", function (event) {
        if (event.target.tagName !== "TEXTAREA") return;
        var answers = {};
        review.querySelectorAll("textarea[data-question]").forEach(function (field) {
          if (field.value.trim()) answers[field.dataset.question] = field.value;
        });
        self.update(function (plan) {
          var id = "review:" + review.dataset.review + ":" + plan.role;
          if (!plan.entries[id] && !Object.keys(answers).length) return null;
          return self.saveField(plan, review, id, "review", { answers: answers });
        }, null, null, self.statusNear(event.target));
      });
    });
    this.$$(".workspace__sign-off").forEach(function (box) { self.bindSignOff(box); });
    this.$(".workspace__close").addEventListener("click", function () { self.close(); });
    this.$(".workspace__delete-plan").addEventListener("click", function () { self.deletePlan(); });
  };

  // Save what a field, a task or a review (`holder`) holds now: a version that replaces the
  // ones it showed (with a choice pending, every version left to choose from: shownOf),
  // and keeps where each part it did not change comes from. The holder then shows the
  // version just saved: the next save replaces it, and only it, until it is shown again.
  Workspace.prototype.saveField = function (plan, holder, id, kind, data) {
    var shown = this.shown.get(holder);
    var version = saveEntry(plan, id, kind, data, false, shown && shown.versions, shown);
    if (version) this.shown.set(holder, candidateOf(kind, version));
    return version;
  };

  Workspace.prototype.bindSignOff = function (box) {
    var self = this;
    var initials = box.querySelector(".workspace__initials");
    var button = box.querySelector(".workspace__sign-button");
    initials.addEventListener("keydown", function (event) { // Enter (a phone keyboard's Go) signs
      if (event.key !== "Enter") return;
      event.preventDefault();
      button.click();
    });
    button.addEventListener("click", function () {
      var typed = initials.value.trim();
      self.acceptFields(box);
      if (!typed) {
        self.refuseField(initials, "needsInitials");
        return;
      }
      var plan = self.plan(readStore());
      if (plan && !self.coveredContent(plan, box.dataset.signOff).length) {
        self.refuseField(initials, "nothingToSign");
        return;
      }
      initials.value = "";
      self.update(function (plan) {
        var id = "signoff:" + box.dataset.signOff + ":" + plan.role;
        return saveEntry(plan, id, "signoff", { date: today(), initials: typed, covers: self.covered(plan, box.dataset.signOff) });
      }, null, null, self.statusNear(box));
    });
  };

  Workspace.prototype.close = function () {
    var store = readStore();
    if (store.current === this.code) store.current = null;
    writeStore(store);
    this.setOpen(null);
    this.render();
    this.$(".workspace__code").focus();
  };

  Workspace.prototype.deletePlan = function () {
    var store = readStore();
    var plan = this.plan(store);
    // A browser's dialog shows a plain string: it cannot say the text's language.
    if (!plan || !window.confirm(common.fill(this.text.confirmDelete, { code: plan.code }))) return;
    delete store.plans[plan.code];
    if (store.current === plan.code) store.current = null;
    writeStore(store);
    writeTab(DRAFT_KEY, ""); // nothing typed for it is kept either
    this.setOpen(null);
    this.render();
    this.restoreDrafts();
    this.status("deletedPlan", { code: isolated(plan.code, "ltr") });
    this.$(".workspace__code").focus();
  };

  Workspace.prototype.render = function () {
    var store = readStore();
    var plan = this.plan(store);
    if (this.code && !plan) { // deleted in another tab: say so, rather than open another
      var code = this.code;
      this.setOpen(null);
      this.render();
      this.status("planGone", { code: isolated(code, "ltr") });
      return;
    }
    this.$(".workspace__start").hidden = !!plan;
    this.$(".workspace__plan").hidden = !plan;
    this.root.classList.toggle("workspace--open", !!plan);
    if (!plan) {
      this.renderSaved(store);
      return;
    }
    this.renderHeader(plan);
    this.renderParties(plan);
    this.renderFields(plan);
    this.renderSessions(plan);
    this.renderLearning(plan);
    this.renderReviews(plan);
    this.renderSignOffs(plan);
    this.renderConflicts(plan);
  };

  Workspace.prototype.renderHeader = function (plan) {
    var title = this.$(".workspace__plan-title");
    this.sayInto(title, "planTitle", { code: isolated(plan.code, "ltr") });
    this.sayInto(this.$(".workspace__plan-info"), "planInfo", { role: this.roleSaid(plan.role), kind: this.kindSaid(plan.kind) });
    // Opened in another role than the one it was kept in: said under the title, and read
    // with the title, which has the focus once the plan opens. Not a refusal: a person may
    // really have two roles.
    var warning = this.$(".workspace__role-warning");
    var other = this.keptAs && this.keptAs !== plan.role;
    warning.hidden = !other;
    warning.textContent = "";
    if (other) {
      this.sayInto(warning, "otherRole", { before: this.roleSaid(this.keptAs), role: this.roleSaid(plan.role) });
    }
    this.describeTitle();
    var line = this.$(".workspace__last-export");
    if (!plan.exported) {
      this.sayInto(line, "neverExported");
      return;
    }
    var changed = plan.changed && plan.changed > plan.exported;
    this.sayInto(line, ["lastExport", changed ? "changedSince" : "upToDate"], {
      date: this.dateSaid(formatTime(plan.exported, this.dates)),
    });
  };

  // Show what concerns the plan's kind: its parties' tasks and signatures, its titles.
  Workspace.prototype.renderParties = function (plan) {
    var kind = this.config.kinds[plan.kind];
    var roles = this.rolesOf(plan.kind);
    this.$$(".workspace__plan [data-role]").forEach(function (node) {
      node.hidden = roles.indexOf(node.dataset.role) === -1;
    });
    this.$$(".workspace__plan [data-plan]").forEach(function (node) {
      var fallback = !kind && node === node.parentNode.firstElementChild; // a kind this page does not know
      node.hidden = !(node.dataset.plan === plan.kind || fallback);
    });
  };

  // Fields bound to one entry each: the agreement and the tasks.
  Workspace.prototype.renderFields = function (plan) {
    var self = this;
    this.$$(".workspace__conflict-note").forEach(function (note) { note.remove(); });
    this.$$("textarea[data-entry]").forEach(function (field) {
      var entry = plan.entries[field.dataset.entry];
      // What is being typed stays, and so does what the field showed when typing began.
      if (field !== document.activeElement) {
        var shown = self.shownOf(plan, "agreement", entry);
        field.value = shown.data.text;
        self.shown.set(field, shown);
      }
      self.showEntry(field.parentNode, entry);
    });
    this.$$("fieldset.workspace__task").forEach(function (task) {
      var entry = plan.entries[task.dataset.entry];
      var shown = self.shownOf(plan, "task", entry);
      task.querySelector("[data-field=due]").value = shown.data.due;
      task.querySelector("[data-field=done]").checked = shown.data.done;
      self.shown.set(task, shown);
      self.showEntry(task, entry);
    });
  };

  // What a field, a task or a review shows of `entry` (of `kind`): the candidate of this
  // party's own version when a choice is left (saved in this tab, else written in its
  // role; candidatesOf), so that what it wrote never vanishes from its screen before it
  // chooses; else the entry. Empty when there is no entry, or it was deleted. It stands
  // for every version of the entry (its `versions`): with a choice left, the others are
  // in the list above, and the note under the holder says that what is saved there is
  // the party's choice (markConflict), so a save replaces them all (saveField).
  Workspace.prototype.shownOf = function (plan, kind, entry) {
    if (!entry) return emptyCandidate(kind);
    var here = this.here;
    var rank = function (candidate) {
      return candidate.versions.reduce(function (best, v) {
        var saved = here.lastIndexOf(v.tag);
        return Math.max(best, saved !== -1 ? 2 + saved : v.author === plan.role ? 1 : 0);
      }, 0);
    };
    var shown = candidatesOf(entry).reduce(function (best, candidate) {
      return rank(candidate) > rank(best) ? candidate : best;
    });
    return Object.assign({}, shown.deleted ? emptyCandidate(kind) : shown, { versions: versionsOf(entry) });
  };

  // `holder` (a field, a task, a review, a sign-off) shows `entry` as it is now. When the
  // entry changed since the holder last showed it (a save, another tab, an imported file),
  // what the holder's status line says is of the old one: "Saved" becomes the two-versions
  // message when the entry has two versions now, and goes otherwise.
  Workspace.prototype.showEntry = function (holder, entry) {
    var self = this;
    var state = entry ? versionsOf(entry).map(function (v) { return v.tag; }).sort().join(" ") : "";
    var before = this.states.get(holder);
    this.states.set(holder, state);
    this.markConflict(holder, entry);
    if (before === undefined || before === state) return;
    common.all(holder, ".workspace__form-status").forEach(function (line) {
      if (!line.textContent) return;
      if (entry && entry.conflicts) {
        self.sayInto(line, "savedConflict", self.conflictValues());
      } else {
        line.textContent = "";
      }
    });
  };

  // Under `container` (a field, a task, a review, a sign-off, a log entry), when `entry`
  // has versions to choose from: a note with a link to them and, where the entry is saved
  // from fields of `container`, that what is saved there is the party's choice (saveField,
  // a sign-off). The note describes those fields, so that it is read when one is reached
  // (and no longer once the choice is made).
  Workspace.prototype.markConflict = function (container, entry) {
    var fields = common.all(container, "textarea, input");
    var id = fields.length ? fields[0].id + "-choice" : "";
    var pending = !!entry && !!entry.conflicts;
    fields.forEach(function (field) { common.describedBy(field, id, pending); });
    if (!pending) return;
    var note = element("p", "workspace__conflict-note");
    note.appendChild(this.conflictsLink("conflictNote"));
    if (fields.length) {
      note.id = id;
      note.appendChild(document.createTextNode(" "));
      note.appendChild(this.said("conflictSave"));
    }
    container.appendChild(note);
  };

  // A link to the entries with two versions, to choose one of each: the interface string `name`.
  Workspace.prototype.conflictsLink = function (name) {
    var link = element("a", "", this.said(name));
    link.href = "#ws-conflicts";
    return link;
  };

  // The values of the message of a save that left two versions: its link to them.
  Workspace.prototype.conflictValues = function () {
    return { link: this.conflictsLink("chooseVersion") };
  };

  Workspace.prototype.entries = function (plan, kind) {
    return Object.keys(plan.entries).map(function (id) { return plan.entries[id]; }).filter(function (entry) {
      return entry.kind === kind && !entry.deleted;
    }).sort(function (a, b) {
      if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
      return a.id < b.id ? -1 : 1;
    });
  };

  Workspace.prototype.renderList = function (plan, kind, selector, empty, fill) {
    var self = this;
    var list = this.$(selector);
    list.textContent = "";
    var entries = this.entries(plan, kind);
    if (!entries.length) list.appendChild(element("li", "workspace__none", empty));
    entries.forEach(function (entry) {
      var item = element("li", "workspace__item");
      var head = element("p", "workspace__item-head");
      head.id = "ws-item-" + entry.id.replace(/:/g, "-");
      head.appendChild(element("strong", "", self.dateSaid(formatDay(entry.data.date, self.dates))));
      item.appendChild(head);
      fill(item, head, entry);
      var by = element("p", "workspace__by");
      self.sayInto(by, "writtenBy", {
        role: self.roleSaid(entry.author),
        date: self.dateSaid(formatTime(entry.updated, self.dates)),
      });
      item.appendChild(by);
      self.markConflict(item, entry);
      item.appendChild(self.deleteButton(entry, head.id));
      list.appendChild(item);
    });
  };

  Workspace.prototype.deleteButton = function (entry, describedBy) {
    var self = this;
    var button = element("button", "md-button workspace__delete", this.said("delete"));
    button.type = "button";
    button.setAttribute("aria-describedby", describedBy);
    button.addEventListener("click", function () {
      // A browser's dialog shows a plain string: it cannot say the text's language.
      if (!window.confirm(self.text.confirmDeleteEntry)) return;
      var list = button.closest(".workspace__list");
      var index = common.all(list, ".workspace__delete").indexOf(button);
      self.update(function (plan) {
        return saveEntry(plan, entry.id, entry.kind, {}, true, versionsOf(entry));
      }, "deletedEntry", null, self.statusNear(list));
      self.focusAfterDelete(list, index);
    });
    return button;
  };

  // The list was written again: go on from the entry that took the deleted one's place
  // (else the one before it, else the section's heading), not from the top of the page.
  Workspace.prototype.focusAfterDelete = function (list, index) {
    var buttons = common.all(list, ".workspace__delete");
    var next = buttons[index] || buttons[index - 1];
    if (next) {
      next.focus();
    } else {
      this.focusOn(list.closest("section").querySelector("h3"));
    }
  };

  // Each pair's label (a node in its language) over what a person wrote, if they did.
  function definitions(item, pairs) {
    var list = element("dl", "workspace__details");
    pairs.forEach(function (pair) {
      if (!pair[1]) return;
      list.appendChild(element("dt", "", pair[0]));
      var value = element("dd", "workspace__text", pair[1]);
      value.dir = "auto";
      list.appendChild(value);
    });
    if (list.children.length) item.appendChild(list);
  }

  Workspace.prototype.renderSessions = function (plan) {
    var self = this;
    this.renderList(plan, "session", ".workspace__session-list", this.said("noSessions"), function (item, head, entry) {
      if (entry.data.minutes) {
        head.appendChild(document.createTextNode(" · "));
        head.appendChild(isolated(self.countSaid("minutes", entry.data.minutes)));
      }
      definitions(item, [[self.said("topics"), entry.data.topics], [self.said("next"), entry.data.next]]);
      if (entry.data.concern) item.appendChild(self.concernNote());
    });
  };

  Workspace.prototype.concernNote = function () {
    // The links are the form's own concern note's (written by the page, so that the
    // offline copy's rewritten links hold here too): the procedure, then its form.
    var note = element("p", "workspace__concern", this.said("concern"));
    note.appendChild(document.createTextNode(" "));
    common.all(this.root, ".workspace__concern-note a").forEach(function (link, index) {
      if (index > 0) note.appendChild(document.createTextNode(this.text.separator));
      note.appendChild(link.cloneNode(true));
    }, this);
    return note;
  };

  // What a learning-log entry is tied to: a key competence, or the person's own goal
  // (what they wrote of it isolated, to read in its own direction).
  Workspace.prototype.competenceNode = function (data) {
    var competence = this.config.competences[data.competence];
    var node = isolated(competence ? this.labelSaid("competence-" + data.competence, competence.label) : this.said("ownGoal"));
    if (!competence && data.goal) {
      node.appendChild(document.createTextNode(" — "));
      node.appendChild(isolated(data.goal));
    }
    return node;
  };

  Workspace.prototype.renderLearning = function (plan) {
    var self = this;
    this.renderList(plan, "learning", ".workspace__learning-list", this.said("noLearning"), function (item, head, entry) {
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(self.competenceNode(entry.data));
      definitions(item, [[self.said("reflection"), entry.data.text]]);
    });
  };

  // Reviews: my answers in the fields, the other parties' answers below each question.
  Workspace.prototype.renderReviews = function (plan) {
    var self = this;
    var kind = this.config.kinds[plan.kind];
    var others = (kind ? kind.roles : []).filter(function (role) { return role !== plan.role; });
    this.$$(".workspace__review").forEach(function (review) {
      var mine = plan.entries["review:" + review.dataset.review + ":" + plan.role];
      // One entry for all of a review's answers: none is refreshed while one is typed in.
      if (!review.contains(document.activeElement)) {
        var shown = self.shownOf(plan, "review", mine);
        review.querySelectorAll("textarea[data-question]").forEach(function (field) {
          field.value = shown.data.answers[field.dataset.question] || "";
        });
        self.shown.set(review, shown);
      }
      self.showEntry(review, mine);
      review.querySelectorAll(".workspace__others").forEach(function (box) {
        box.textContent = "";
        others.forEach(function (role) {
          var entry = plan.entries["review:" + review.dataset.review + ":" + role];
          var answer = entry ? self.shownOf(plan, "review", entry).data.answers[box.dataset.question] : "";
          if (!answer) return;
          var line = element("p", "workspace__answer");
          line.appendChild(element("strong", "", self.roleSaid(role)));
          line.appendChild(document.createTextNode(" "));
          var text = element("span", "workspace__text", answer);
          text.dir = "auto";
          line.appendChild(text);
          box.appendChild(line);
        });
      });
    });
  };

  // A party's signature of `what` (agreement, or final): who signed and when, from
  // `version` of its sign-off (none: not signed), and whether what it signs has changed
  // since (changedSince), said in words and marked.
  Workspace.prototype.signature = function (plan, what, version) {
    var text = element("span");
    if (!version || version.deleted) {
      this.sayInto(text, "notSigned");
      return text;
    }
    var changed = this.changedSince(plan, what, version);
    this.sayInto(text, changed ? "signedChanged" : "signed", {
      initials: isolated(version.data.initials),
      date: this.dateSaid(formatDay(version.data.date, this.dates)),
    });
    if (changed) text.className = "workspace__signature-changed";
    return text;
  };

  // The entries a sign-off covers: the agreement's points, or the final review's
  // answers (the last review's), every party's.
  Workspace.prototype.coveredIds = function (plan, what) {
    var reviews = this.config.reviews;
    var prefix = what === "final" && reviews.length ? "review:" + reviews[reviews.length - 1].id + ":" : "agreement:";
    return Object.keys(plan.entries).sort().filter(function (id) { return id.indexOf(prefix) === 0; });
  };

  // What a sign-off of `what` covers, as a tag of its content (coveredIds): the same
  // content gives the same tag on every device, whatever the versions it went through.
  // An entry with versions to choose from counts each of them; an empty one counts as none.
  Workspace.prototype.covered = function (plan, what) {
    return hashOf(canonical(this.coveredContent(plan, what)));
  };

  // What a sign-off of `what` would cover: each covered entry that is not empty, with its
  // versions' texts (none: there is nothing to sign yet).
  Workspace.prototype.coveredContent = function (plan, what) {
    return this.coveredIds(plan, what).map(function (id) {
      var entry = plan.entries[id];
      var empty = canonical(plainData(entry.kind, EMPTY[entry.kind] || {}));
      var texts = candidatesOf(entry).filter(function (c) { return !c.deleted; }).map(function (c) {
        return canonical(plainData(entry.kind, c.data));
      }).filter(function (text) { return text !== empty; }).sort();
      return texts.length ? [id, texts] : null;
    }).filter(Boolean);
  };

  // Whether what a sign-off (`version`) signs has changed since it was signed: its content
  // is not the one signed. A sign-off made before sign-offs kept what they covered: an
  // entry it covers has a version saved after it.
  Workspace.prototype.changedSince = function (plan, what, version) {
    if (version.data.covers) return version.data.covers !== this.covered(plan, what);
    return this.coveredIds(plan, what).some(function (id) {
      return versionsOf(plan.entries[id]).some(function (v) { return v.updated > version.updated; });
    });
  };

  Workspace.prototype.renderSignOffs = function (plan) {
    var self = this;
    this.$$(".workspace__sign-off").forEach(function (box) {
      var what = box.dataset.signOff;
      self.showEntry(box, plan.entries["signoff:" + what + ":" + plan.role]);
      box.querySelectorAll("li[data-role]").forEach(function (row) {
        var cell = row.querySelector(".workspace__signature");
        cell.textContent = "";
        cell.appendChild(self.signature(plan, what, plan.entries["signoff:" + what + ":" + row.dataset.role]));
      });
    });
  };

  // Conflicts ------------------------------------------------------------------------
  // What an entry is, as a node to read ("Task: …", "Review by …").
  Workspace.prototype.label = function (entry) {
    var parts = entry.id.split(":");
    var values = {};
    var name = {
      agreement: "entryAgreement",
      task: "entryTask",
      session: "entrySession",
      learning: "entryLearning",
      review: "entryReview",
      signoff: "entrySignOff",
    }[entry.kind];
    if (entry.kind === "agreement") {
      var field = this.config.agreement.filter(function (f) { return f.id === parts[1]; })[0];
      values.name = field ? this.labelSaid("agreement-" + field.id, field.label) : parts[1];
    } else if (entry.kind === "task") {
      values.name = this.taskText(parts[1], parts[2]);
    } else if (entry.kind === "review") {
      var review = this.config.reviews.filter(function (r) { return r.id === parts[1]; })[0];
      values.name = review ? this.labelSaid("review-" + review.id, review.title) : parts[1];
      values.role = this.roleSaid(parts[2]);
    } else if (entry.kind === "signoff") {
      values.name = this.said(parts[1] === "final" ? "signOffFinal" : "signOffAgreement");
      values.role = this.roleSaid(parts[2]);
    } else { // a tombstone has no date: the version that was kept has one
      var dated = versionsOf(entry).filter(function (v) { return v.data.date; })[0];
      values.date = dated ? this.dateSaid(formatDay(dated.data.date, this.dates)) : "";
    }
    return this.said(name, values);
  };

  // A task's text, in its language (its ids, for a task this page does not know).
  Workspace.prototype.taskText = function (stageId, taskId) {
    var stage = this.config.stages.filter(function (s) { return s.id === stageId; })[0];
    var task = stage && stage.tasks.filter(function (t) { return t.id === taskId; })[0];
    return task ? this.labelSaid("task-" + stageId + "-" + taskId, task.text) : document.createTextNode(stageId + ":" + taskId);
  };

  // One version's content (`candidate`, candidatesOf; null: nothing written yet), as
  // blocks added to `box`, on screen or on paper: interface text as it is, and what people
  // wrote each in a block of its own that takes its direction from its text (an English
  // answer in an Arabic plan ends with its full stop on the right, and the other way).
  Workspace.prototype.content = function (box, plan, entry, candidate) {
    var self = this;
    var kind = entry ? entry.kind : null;
    var data = candidate && !candidate.deleted ? candidate.data : null;
    // Interface text: a block as it is, or a text (a string, a label in its language) in a <p>.
    function shown(value, className) {
      box.appendChild(value instanceof Element ? value : element("p", className, value));
    }
    function written(value) {
      var block = element("p", "workspace__text", value);
      block.dir = "auto";
      box.appendChild(block);
    }
    if (candidate && candidate.deleted) return shown(this.said("deleted"));
    if (kind === "agreement") return data && data.text ? written(data.text) : shown(this.said("empty"));
    if (kind === "task") return shown(capitalised(this.taskState(data), this.lang));
    if (kind === "signoff") {
      var signed = this.signature(plan, entry.id.split(":")[1], data ? { data: data, updated: candidate.versions[0].updated } : null);
      var line = element("p");
      line.appendChild(capitalised(signed, this.lang));
      return shown(line);
    }
    if (kind === "review") {
      var review = this.config.reviews.filter(function (r) { return r.id === entry.id.split(":")[1]; })[0];
      var answers = data ? data.answers : {};
      var answered = Object.keys(answers).filter(function (q) { return answers[q]; });
      answered.forEach(function (q) {
        var question = review && review.questions.filter(function (x) { return x.id === q; })[0];
        shown(question ? self.labelSaid("question-" + review.id + "-" + q, question.label) : q, "workspace__question");
        written(answers[q]);
      });
      return answered.length ? null : shown(this.said("empty"));
    }
    if (!data) return shown(this.said("empty"));
    shown(this.logHead(kind, data));
    if (kind === "session") {
      [data.topics, data.next].filter(Boolean).forEach(written);
      if (data.concern) shown(this.said("concern"));
    } else if (data.text) {
      written(data.text);
    }
    return null;
  };

  // A log entry's first line: its day, and its length or what it is tied to.
  Workspace.prototype.logHead = function (kind, data) {
    var head = element("p", "workspace__item-head");
    head.appendChild(element("strong", "", this.dateSaid(formatDay(data.date, this.dates))));
    if (kind === "session" && data.minutes) {
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(isolated(this.countSaid("minutes", data.minutes)));
    } else if (kind === "learning") {
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(this.competenceNode(data));
    }
    return head;
  };

  // A task's state, as words (a node): its due date (or none) and whether it is done.
  Workspace.prototype.taskState = function (data) {
    data = data || EMPTY.task;
    var state = data.due ? this.said("due", { date: this.dateSaid(formatDay(data.due, this.dates)) }) : this.said("noDue");
    state.appendChild(document.createTextNode(" · "));
    state.appendChild(this.said(data.done ? "done" : "notDone"));
    return state;
  };

  // Who wrote what `candidates` hold: the writers of each one's parts left to choose (of
  // all its parts when none is), whoever saved it when no part says (a deletion); each
  // once, as a list to read (a node). Choosing a version does not make its words the
  // chooser's.
  Workspace.prototype.writers = function (candidates) {
    return this.rolesSaid(writerRoles(candidates));
  };

  function writerRoles(candidates) {
    var roles = [];
    candidates.forEach(function (candidate) {
      var parts = candidate.open.length ? candidate.open : Object.keys(candidate.origins);
      var found = [];
      parts.forEach(function (part) {
        var origin = candidate.origins[part];
        if (origin) found.push(origin.author);
      });
      if (!found.length) found.push(candidate.versions[0].author);
      found.forEach(function (role) {
        if (roles.indexOf(role) === -1) roles.push(role);
      });
    });
    return roles;
  }

  // "Version by …" over a candidate, into `line`: who wrote it; who kept it, when that is
  // another party (two parties who each kept another's version at once meet again here,
  // and the date is when it was kept, not written); when it was saved; and, on screen,
  // whether it was saved in this tab (two versions by the same role told apart).
  Workspace.prototype.versionBy = function (line, candidate, onPaper) {
    var here = this.here;
    var saved = !onPaper && candidate.versions.some(function (v) { return here.indexOf(v.tag) !== -1; });
    var writers = writerRoles([candidate]);
    var keepers = [];
    candidate.versions.forEach(function (v) {
      if (writers.indexOf(v.author) === -1 && keepers.indexOf(v.author) === -1) keepers.push(v.author);
    });
    var name = (keepers.length ? "versionKept" : "versionBy") + (saved ? "Here" : "");
    this.sayInto(line, name, {
      role: this.rolesSaid(writers),
      keeper: this.rolesSaid(keepers),
      date: this.dateSaid(formatTime(candidate.versions[0].updated, this.dates, true)),
    });
  };

  Workspace.prototype.renderConflicts = function (plan) {
    var self = this;
    var list = this.$(".workspace__conflict-list");
    list.textContent = "";
    var conflicted = Object.keys(plan.entries).sort().map(function (id) { return plan.entries[id]; }).filter(function (e) {
      return e.conflicts;
    });
    this.$(".workspace__conflicts").hidden = !conflicted.length;
    conflicted.forEach(function (entry, n) {
      var item = element("li", "workspace__conflict");
      item.appendChild(element("p", "workspace__conflict-title", self.label(entry)));
      var versions = element("ul", "workspace__versions");
      candidatesOf(entry).forEach(function (candidate, index) {
        versions.appendChild(self.versionItem(plan, entry, candidate, "ws-version-" + n + "-" + index));
      });
      item.appendChild(versions);
      list.appendChild(item);
    });
  };

  // One of the versions to choose from: who wrote it, what it holds, and a button to keep
  // it. Keeping it saves it as this party's choice; its words stay credited to who wrote them.
  Workspace.prototype.versionItem = function (plan, entry, candidate, id) {
    var self = this;
    var item = element("li", "workspace__version");
    var by = element("p", "workspace__version-by");
    by.id = id;
    this.versionBy(by, candidate);
    item.appendChild(by);
    var content = element("div", "workspace__version-text");
    this.content(content, plan, entry, candidate);
    item.appendChild(content);
    var keep = element("button", "md-button workspace__keep", this.said("keep"));
    keep.type = "button";
    keep.setAttribute("aria-describedby", id);
    keep.addEventListener("click", function () {
      self.update(function (stored) {
        return saveEntry(stored, entry.id, entry.kind, candidate.data, candidate.deleted, versionsOf(entry), candidate);
      }, "kept", { role: self.writers([candidate]) });
      self.focusOn(self.$(self.$(".workspace__conflicts").hidden ? ".workspace__status" : "#ws-conflicts"));
    });
    item.appendChild(keep);
    return item;
  };

  // Session and learning logs -----------------------------------------------------
  Workspace.prototype.bindLogs = function () {
    var self = this;
    var sessions = this.$(".workspace__add-session");
    var concern = sessions.elements.concern;
    var note = this.$(".workspace__concern-note");
    concern.addEventListener("change", function () { note.hidden = !concern.checked; });
    sessions.addEventListener("submit", function (event) {
      event.preventDefault();
      var f = sessions.elements;
      var minutes = Math.max(0, Math.round(Number(f.minutes.value) || 0));
      var data = { date: f.date.value, minutes: minutes, topics: f.topics.value, next: f.next.value, concern: concern.checked };
      var tooLong = { minutes: self.countSaid("minutes", MAX_MINUTES), hours: self.countSaid("hours", MAX_MINUTES / 60) };
      if (self.add(sessions, "session", data, [[f.minutes, minutes <= MAX_MINUTES, "tooLong", tooLong]])) note.hidden = true;
    });
    var learning = this.$(".workspace__add-learning");
    var competence = learning.elements.competence;
    competence.addEventListener("change", function () { self.showPrompt(); });
    this.showPrompt();
    learning.addEventListener("submit", function (event) {
      event.preventDefault();
      var f = learning.elements;
      var data = { date: f.date.value, competence: competence.value, goal: competence.value ? "" : f.goal.value, text: f.text.value };
      if (self.add(learning, "learning", data)) self.showPrompt();
    });
  };

  Workspace.prototype.showPrompt = function () {
    var value = this.$(".workspace__add-learning").elements.competence.value;
    var competence = this.config.competences[value];
    var prompt = this.$(".workspace__prompt");
    prompt.textContent = "";
    if (competence) prompt.appendChild(this.labelSaid("prompt-" + value, competence.prompt));
    this.$(".workspace__goal").hidden = !!competence;
  };

  // Add an entry from `form`, unless a field must be corrected first: the date, then
  // each of `checks` ([field, whether it is right, the interface string that says what
  // to do, its values]). What was typed stays.
  Workspace.prototype.add = function (form, kind, data, checks) {
    var wrong = [[form.elements.date, DAY.test(data.date), "needsDate"]].concat(checks || []).filter(function (check) {
      return !check[1];
    })[0];
    this.acceptFields(form);
    if (wrong) {
      this.refuseField(wrong[0], wrong[2], wrong[3]);
      return false;
    }
    this.update(function (plan) {
      return saveEntry(plan, kind + ":" + randomId(), kind, data);
    }, "added", null, this.statusNear(form));
    form.reset();
    this.writeDraft(form.classList.contains("workspace__add-session") ? "session" : "learning", form);
    return true;
  };

  // Exchange -------------------------------------------------------------------------
  Workspace.prototype.bindExchange = function () {
    var self = this;
    this.$(".workspace__export").addEventListener("click", function () { self.exportPlan(); });
    // Two ways in, one way through: the open plan's Share section, and the start screen's
    // form for a file received before any plan is open here.
    this.$$(".workspace__import").forEach(function (input) {
      input.addEventListener("change", function () {
        var file = input.files[0];
        var box = input.closest(".workspace__exchange, .workspace__receive");
        if (file) self.importFile(file, box).then(function () { input.value = ""; });
      });
    });
    // Enter in the form's fields: the next step is the file, so its chooser opens.
    this.$(".workspace__receive").addEventListener("submit", function (event) {
      event.preventDefault();
      self.$("#ws-receive-file").click();
    });
    this.$(".workspace__print-plan").addEventListener("click", function () { self.print("plan"); });
    this.$(".workspace__print-report").addEventListener("click", function () { self.print("report"); });
  };

  Workspace.prototype.exportPlan = function () {
    var self = this;
    var plan = this.plan(readStore());
    if (!plan) return Promise.resolve();
    var file = {
      format: this.config.format,
      version: this.config.version,
      plan: { code: plan.code, kind: plan.kind },
      exported: now(),
      exportedBy: plan.role,
      entries: Object.keys(plan.entries).sort().map(function (id) { return plan.entries[id]; }),
    };
    var box = this.$(".workspace__exchange");
    var passphrase = box.querySelector(".workspace__passphrase").value;
    this.acceptFields(box); // a passphrase asked for by an import: this is another action
    if (passphrase) this.status("working");
    return (passphrase ? encrypt(file, passphrase) : Promise.resolve(file)).then(function (written) {
      var name = self.fileName(plan, !!passphrase);
      common.download(JSON.stringify(written, null, 2) + "\n", name);
      self.update(function (stored) {
        stored.exported = file.exported;
        return true;
      }, passphrase ? "exportedProtected" : "exported", { file: isolated(name, "ltr") });
    }).catch(function (problem) {
      self.refuse(problem);
    });
  };

  // Import a file chosen in `box`: the open plan's Share section, or the start screen's
  // form (which also gives the role to open the plan in). What is wrong with the file is
  // said in the box's status line; a role to choose or a passphrase to type (again), under
  // its field.
  Workspace.prototype.importFile = function (file, box) {
    var self = this;
    var passphrase = box.querySelector(".workspace__passphrase");
    var role = box.querySelector(".workspace__receive-role");
    var line = box.querySelector(".workspace__status, .workspace__form-status");
    this.acceptFields(box);
    if (file.size > MAX_FILE) {
      this.refuse(new Refusal("tooLarge", { megabytes: formatNumber(MAX_FILE / 1024 / 1024, this.lang) }), line);
      return Promise.resolve();
    }
    this.status("working", null, line);
    return file.text().then(function (text) {
      return parseFile(text, passphrase.value, self.config);
    }).then(function (payload) {
      if (payload.entries.length > MAX_ENTRIES) {
        throw new Refusal("tooManyEntries", { count: formatNumber(MAX_ENTRIES, self.lang) });
      }
      self.receive(payload, role ? role.value : null);
      // Read: the passphrase goes, so that the next export is not protected with it unasked.
      passphrase.value = "";
    }).catch(function (problem) {
      // A field to fill in or to change: the message under it. On the start screen, no plan
      // is open yet: a wrong role is chosen again, and the file with it.
      var fields = { needsRole: role, wrongRole: role, needsPassphrase: passphrase, wrongPassphrase: passphrase };
      self.refuseAt(problem, fields, line, { wrongRole: "wrongRoleReceive" });
    });
  };

  // A file's entries merged into the open plan. With no plan open (the start screen), the
  // plan the file is for is opened first, in `role` or else the role it is kept in here,
  // and made here when it is not kept yet. All or nothing: a refusal changes nothing.
  Workspace.prototype.receive = function (payload, role) {
    var store = readStore();
    var plan = this.plan(store);
    var opened = null;
    if (!plan) {
      var kept = store.plans[planCode(payload.plan.code)];
      opened = this.openIn(store, payload.plan.code, payload.plan.kind, role || (kept && kept.role));
      plan = opened.plan;
    }
    var result = this.mergeInto(plan, payload);
    var stored = writeStore(store);
    var values = { role: this.roleSaid(payload.exportedBy), added: result.added, updated: result.updated, conflicts: result.conflicts };
    var said = !result.added && !result.updated ? ["nothingNew"] : ["imported"].concat(result.conflicts ? ["importedConflicts"] : []);
    if (result.conflicts) values.link = this.conflictsLink("chooseVersions");
    if (opened) {
      values.code = isolated(plan.code, "ltr");
      this.show(opened, stored ? ["opened"].concat(said) : "noStorage", values);
    } else {
      this.render();
      this.status(stored ? said : "noStorage", values);
    }
  };

  // The entries of `payload` merged into `plan`; throws a Refusal when the file is for
  // another plan, or for another kind of plan that `plan` cannot become.
  Workspace.prototype.mergeInto = function (plan, payload) {
    var code = { code: isolated(payload.plan.code, "ltr"), current: isolated(plan.code, "ltr") };
    if (payload.plan.code !== plan.code) throw new Refusal("otherPlan", code);
    if (payload.plan.kind !== plan.kind) {
      if (Object.keys(plan.entries).length) {
        throw new Refusal("otherKind", { kind: this.kindSaid(payload.plan.kind), current: this.kindSaid(plan.kind), code: code.current });
      }
      if (this.rolesOf(payload.plan.kind).indexOf(plan.role) === -1) throw this.notAParty(payload.plan.kind);
      plan.kind = payload.plan.kind;
    }
    var incoming = {};
    payload.entries.forEach(function (entry) { incoming[entry.id] = entry; });
    var result = mergeEntries(plan.entries, incoming);
    plan.entries = result.entries;
    if (result.added || result.updated) plan.changed = now();
    return result;
  };

  // Say what is wrong under the field it is about (`fields`, by the refusal's key; a
  // field missing there: none), in its own words where `texts` names them by key;
  // otherwise in `line` (refuse).
  Workspace.prototype.refuseAt = function (problem, fields, line, texts) {
    var key = problem instanceof Refusal ? problem.key : "";
    var field = fields[key];
    if (field) {
      this.refuseField(field, (texts && texts[key]) || key, problem.values);
    } else {
      this.refuse(problem, line);
    }
  };

  // Say what is wrong (in `line`, else the status line of what is on screen).
  Workspace.prototype.refuse = function (problem, line) {
    if (!(problem instanceof Refusal)) problem = new Refusal("damaged");
    this.status(problem.key, problem.values, line);
  };

  // Printing: the plan, or the final report, written as text into .workspace__print.
  Workspace.prototype.print = function (mode) {
    this.mode = mode;
    this.printView(mode);
    window.print();
  };

  Workspace.prototype.printView = function (mode) {
    var box = this.$(".workspace__print");
    box.textContent = "";
    var plan = this.plan(readStore());
    if (!plan) return;
    var view = new PrintView(this, plan, box);
    if (mode === "report") {
      view.report();
    } else {
      view.whole();
    }
  };

  // Interface text takes the page's direction, each label in its language (Workspace.said,
  // labelSaid); what people wrote is in blocks of its own that take theirs from their text
  // (Workspace.content).
  function PrintView(workspace, plan, box) {
    this.ws = workspace;
    this.plan = plan;
    this.box = box;
    this.roles = workspace.rolesOf(plan.kind);
  }

  // An element holding `text` (a string or a node), added to `into` (else the box).
  PrintView.prototype.add = function (tag, text, className, into) {
    var node = element(tag, className, text);
    (into || this.box).appendChild(node);
    return node;
  };

  // The title (the interface string `name`), the kind of plan and its parties, the day.
  PrintView.prototype.head = function (name) {
    var ws = this.ws;
    this.add("h2", ws.said(name, { code: isolated(this.plan.code, "ltr") }), "workspace__print-title");
    this.add("p", ws.said("parties", { kind: ws.kindSaid(this.plan.kind), parties: ws.partiesOf(this.plan.kind) }));
    this.add("p", ws.said("printedOn", { date: ws.dateSaid(formatDay(today(), ws.dates)) }));
    var pending = Object.keys(this.plan.entries).some(function (id) { return this.plan.entries[id].conflicts; }, this);
    if (pending) this.add("p", ws.said("printPending"), "workspace__print-pending");
  };

  // What entry `id` holds that `pick(candidate)` takes, printed into `into` by
  // `fill(into, candidate)` (null: nothing written yet). While its versions to choose from
  // differ in it, each is printed, with who wrote it, after a line that says so: a
  // printed plan never shows one of them as if it were agreed.
  PrintView.prototype.choice = function (into, id, pick, fill) {
    var entry = this.plan.entries[id];
    var candidates = entry ? candidatesOf(entry) : [];
    var found = {};
    var distinct = candidates.filter(function (candidate) {
      var key = canonical(candidate.deleted ? null : pick(candidate.data));
      if (found[key]) return false;
      found[key] = true;
      return true;
    });
    if (distinct.length < 2) {
      var only = distinct[0];
      fill(into, only && !only.deleted ? only : null);
      return;
    }
    this.add("p", this.ws.said("printChoice"), "workspace__print-choice", into);
    var list = this.add("ul", null, "workspace__print-versions", into);
    distinct.forEach(function (candidate) {
      var item = this.add("li", null, null, list);
      this.ws.versionBy(this.add("p", null, "workspace__print-by", item), candidate, true);
      if (candidate.deleted) {
        this.add("p", this.ws.said("deleted"), null, item);
      } else {
        fill(item, candidate);
      }
    }, this);
  };

  PrintView.prototype.agreement = function (only) {
    var self = this;
    this.add("h3", this.ws.said("agreement"));
    this.ws.config.agreement.forEach(function (field) {
      if (only && field.id !== only) return;
      var id = "agreement:" + field.id;
      self.add("h4", self.ws.labelSaid("agreement-" + field.id, field.label));
      self.choice(self.box, id, function (data) { return data.text; }, function (into, candidate) {
        self.ws.content(into, self.plan, self.plan.entries[id], candidate);
      });
    });
  };

  PrintView.prototype.stages = function () {
    var self = this;
    this.add("h3", this.ws.said("stages"));
    this.ws.config.stages.forEach(function (stage) {
      var kind = stage.titles[self.plan.kind] ? self.plan.kind : Object.keys(stage.titles)[0];
      self.add("h4", self.ws.labelSaid("stage-" + stage.id + "-" + kind, stage.titles[kind]));
      var list = self.add("ul");
      stage.tasks.filter(function (t) { return self.roles.indexOf(t.role) !== -1; }).forEach(function (task) {
        var item = self.add("li", self.ws.roleSaid(task.role), null, list);
        item.appendChild(document.createTextNode(" — "));
        item.appendChild(self.ws.taskText(stage.id, task.id));
        self.choice(item, "task:" + stage.id + ":" + task.id, function (data) { return data; }, function (into, candidate) {
          if (into === item) {
            item.appendChild(document.createTextNode(" — "));
            item.appendChild(self.ws.taskState(candidate && candidate.data));
          } else {
            self.add("p", capitalised(self.ws.taskState(candidate.data), self.ws.lang), null, into);
          }
        });
      });
    });
  };

  // A log, under its title (the interface string `name`).
  PrintView.prototype.log = function (kind, name) {
    var self = this;
    this.add("h3", this.ws.said(name));
    var entries = this.ws.entries(this.plan, kind);
    if (!entries.length) this.add("p", this.ws.said(kind === "session" ? "noSessions" : "noLearning"));
    entries.forEach(function (entry) {
      var block = self.add("div", null, "workspace__print-entry");
      self.choice(block, entry.id, function (data) { return data; }, function (into, candidate) {
        self.ws.content(into, self.plan, entry, candidate);
      });
    });
  };

  PrintView.prototype.reviews = function (only) {
    var self = this;
    this.add("h3", this.ws.said("reviews"));
    this.ws.config.reviews.forEach(function (review) {
      if (only && review.id !== only) return;
      self.add("h4", self.ws.labelSaid("review-" + review.id, review.title));
      review.questions.forEach(function (question) {
        self.add("p", self.ws.labelSaid("question-" + review.id + "-" + question.id, question.label), "workspace__print-question");
        var answered = self.roles.filter(function (role) {
          var id = "review:" + review.id + ":" + role;
          var entry = self.plan.entries[id];
          var answers = entry ? candidatesOf(entry).filter(function (c) {
            return !c.deleted && c.data.answers[question.id];
          }) : [];
          if (!answers.length) return false;
          var block = self.add("div", null, "workspace__print-answer");
          self.add("p", self.ws.roleSaid(role), "workspace__print-by", block);
          self.choice(block, id, function (data) { return data.answers[question.id] || ""; }, function (into, candidate) {
            var answer = candidate ? candidate.data.answers[question.id] : "";
            var text = self.add("p", answer || self.ws.said("empty"), answer ? "workspace__text" : null, into);
            if (answer) text.dir = "auto";
          });
          return true;
        });
        if (!answered.length) self.add("p", self.ws.said("empty"));
      });
    });
  };

  PrintView.prototype.signOffs = function (which) {
    var self = this;
    which.forEach(function (what) {
      self.add("h3", self.ws.said(what === "final" ? "signOffFinal" : "signOffAgreement"));
      var list = self.add("ul");
      self.roles.forEach(function (role) {
        var item = self.add("li", self.ws.roleSaid(role), null, list);
        self.choice(item, "signoff:" + what + ":" + role, function (data) { return data; }, function (into, candidate) {
          var version = candidate ? { data: candidate.data, updated: candidate.versions[0].updated } : null;
          if (into === item) {
            item.appendChild(document.createTextNode(" — "));
            item.appendChild(self.ws.signature(self.plan, what, version));
          } else {
            self.add("p", null, null, into).appendChild(self.ws.signature(self.plan, what, version));
          }
        });
      });
    });
  };

  // The whole plan (a method named `plan` would be hidden by the plan itself, this.plan).
  PrintView.prototype.whole = function () {
    this.head("printPlan");
    this.agreement();
    this.signOffs(["agreement"]);
    this.stages();
    this.log("session", "sessions");
    this.log("learning", "learning");
    this.reviews();
    this.signOffs(["final"]);
  };

  PrintView.prototype.report = function () {
    var ws = this.ws;
    var sessions = ws.entries(this.plan, "session");
    var minutes = sessions.reduce(function (sum, e) { return sum + e.data.minutes; }, 0);
    var tasks = [];
    var self = this;
    ws.config.stages.forEach(function (stage) {
      stage.tasks.forEach(function (task) {
        if (self.roles.indexOf(task.role) !== -1) tasks.push(self.plan.entries["task:" + stage.id + ":" + task.id]);
      });
    });
    this.head("printReport");
    this.add("p", ws.said("summary", {
      sessions: formatNumber(sessions.length, ws.lang),
      hours: ws.countSaid("hours", minutes / 60),
      // A task counts as done when every version left to choose from says so.
      done: formatNumber(tasks.filter(function (t) {
        return t && candidatesOf(t).every(function (c) { return !c.deleted && c.data.done; });
      }).length, ws.lang),
      tasks: formatNumber(tasks.length, ws.lang),
    }));
    this.agreement("goals");
    this.reviews();
    this.log("learning", "learning");
    this.signOffs(["final"]);
  };

  // Start ---------------------------------------------------------------------------
  function init() {
    common.each(".workspace", function (root) {
      new Workspace(root).start();
    });
  }

  // For the tests: merging, saving and the candidates an entry offers, without a page.
  window.GoodTutoringWorkspace = { merge: mergeEntries, canonical: canonical, save: saveEntry, candidates: candidatesOf };
  common.onPage(init);
})();
