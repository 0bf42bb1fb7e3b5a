// What every script of the site needs, written once: start-up on each page, storage
// in this browser that never breaks the page, filling {placeholders} of the labels the
// pages carry, each text in the language the page gives it, the language of an element,
// isolated text, numbers, numbers of things and dates written as the language writes
// them, and saving a file. Loaded before the other scripts (on the site and in the SCORM
// packages); they find it as window.GoodTutoringCommon.
(function () {
  "use strict";

  // Start-up -------------------------------------------------------------------------
  // Run `init` on every page, including after Material's instant navigation, which
  // swaps pages without loading them again.
  function onPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  // The elements under `root` that match `selector`, as an array.
  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  // Call `setUp(element)` once for each element of the page that matches `selector`: the
  // element is marked data-ready, so that a page shown again is not set up twice.
  function each(selector, setUp) {
    all(document, selector + ":not([data-ready])").forEach(function (element) {
      element.setAttribute("data-ready", "");
      setUp(element);
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

  // Storage ----------------------------------------------------------------------------
  // localStorage can refuse to be read (private browsing, storage turned off) or written
  // (full): the page still works. What the browser refused to keep is held in this page
  // instead, by key, until a later write is kept or the key is removed: what was done
  // stays on screen and goes into an export, and the page says it was not kept.
  var refused = {};

  // The value kept under `key` (or held in this page), or null when there is none or it
  // cannot be read.
  function readStorage(key) {
    if (Object.prototype.hasOwnProperty.call(refused, key)) return JSON.parse(refused[key]);
    try {
      return JSON.parse(window.localStorage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  // Keep `value` under `key`; false when the browser refused it (then held in this page).
  function writeStorage(key, value) {
    var text = JSON.stringify(value);
    try {
      window.localStorage.setItem(key, text);
      delete refused[key];
      return true;
    } catch (error) {
      refused[key] = text;
      return false;
    }
  }

  // Forget what is kept under `key` (nothing kept: nothing to do).
  function removeStorage(key) {
    delete refused[key];
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      // storage turned off: nothing was kept
    }
  }

  // Text -------------------------------------------------------------------------------
  // A label from the page with its {placeholders} replaced by `values`, as a string; an
  // unknown placeholder stays as it is.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  // `text` written into `element`, its {placeholders} replaced by `values`: strings
  // become text, a node (an isolated <bdi>, a title in its own language) is copied at
  // each place it is named. What a person typed is therefore only ever written as text.
  // Given the `owner` and `key` the page names the text by, the text's own words (with
  // the strings filled into them) are in the language the page gives it (said), and each
  // node keeps its own: an English "Not yet passed: {list}." marked English around a
  // German title, not over it, as the build writes it (locale_facts.text_parts).
  function fillInto(element, text, values, owner, key) {
    var words = ""; // the text's words and strings since the last node
    function write() {
      if (words) element.appendChild(owner ? said(owner, key, words) : document.createTextNode(words));
      words = "";
    }
    element.textContent = "";
    text.split(/(\{\w+\})/).forEach(function (part) {
      var place = /^\{(\w+)\}$/.exec(part);
      var value = place && values && place[1] in values ? values[place[1]] : part;
      if (value instanceof Node) {
        write();
        element.appendChild(value.cloneNode(true));
      } else {
        words += String(value);
      }
    });
    write();
  }

  // `text`, from `owner`'s data-<key> (or made from it), as a node to write: in a <span>
  // that says its language where the page marks that text as written in another one than
  // the page's (data-<key>-lang and -dir: a translation not made yet, shown in English;
  // partials/said.html), so that a screen reader reads it with the right voice. A text
  // with no letter (a number, the space between two values) has no words to read out:
  // it is written as it is.
  function said(owner, key, text) {
    var lang = owner.getAttribute("data-" + key + "-lang");
    if (!lang || !/\p{L}/u.test(text)) return document.createTextNode(text);
    var span = document.createElement("span");
    span.lang = lang;
    span.dir = owner.getAttribute("data-" + key + "-dir") || "auto";
    span.textContent = text;
    return span;
  }

  // `element`'s text replaced by `owner`'s data-<key>, its {placeholders} filled from
  // `values`, in the language the page gives that text (fillInto, said).
  function sayInto(element, owner, key, values) {
    fillInto(element, owner.getAttribute("data-" + key), values, owner, key);
  }

  // A control to correct (`invalid`), or corrected: aria-invalid, and the note that says
  // why (`noteId`, if any) among what describes it, or no longer (describedBy).
  function markInvalid(control, noteId, invalid) {
    if (invalid) {
      control.setAttribute("aria-invalid", "true");
    } else {
      control.removeAttribute("aria-invalid");
    }
    describedBy(control, noteId, invalid);
  }

  // The id of a note (`noteId`, if any) put first among the ids of what describes
  // `control` (`described`), so that it is read when the control is reached, or taken out
  // of them.
  function describedBy(control, noteId, described) {
    var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== noteId;
    });
    if (described && noteId) ids.unshift(noteId);
    if (ids.length) {
      control.setAttribute("aria-describedby", ids.join(" "));
    } else {
      control.removeAttribute("aria-describedby");
    }
  }

  // The language of an element: its own or its nearest ancestor's `lang`.
  function languageOf(element) {
    var owner = element && element.closest ? element.closest("[lang]") : null;
    return (owner && owner.lang) || document.documentElement.lang || "en";
  }

  // `text` isolated from the text around it (a <bdi>), so that a Latin name in an Arabic
  // sentence, or the reverse, keeps its own order. `dir` is "auto" unless given. `text`
  // may be a node: a text in its own language (said).
  function isolated(text, dir, className) {
    var bdi = document.createElement("bdi");
    bdi.dir = dir || "auto";
    if (className) bdi.className = className;
    if (text instanceof Node) {
      bdi.appendChild(text);
    } else {
      bdi.textContent = text;
    }
    return bdi;
  }

  // Numbers and dates ------------------------------------------------------------------
  // Written as the language writes them, by the browser's CLDR data; an unknown language
  // tag gives plain digits. How a language writes dates is the page's (the interface's
  // date-locale and date-first-day), as the PDFs write them (locale_facts.written_date).

  // A number with at most one decimal: 1.5 in English, 1,5 in French.
  function formatNumber(value, lang) {
    try {
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
    } catch (error) {
      return String(value);
    }
  }

  // `forms` said of `count` things: of a text's plural forms ({one: "{count} minute",
  // other: "{count} minutes"}), the form of the category CLDR's rules give the number in
  // the language (Intl.PluralRules), or `other` where the forms lack it; a plain text
  // serves every number. {count} is the number as formatNumber writes it. The build
  // chooses the same way (portfolio.locale_facts.count_text).
  function countText(forms, count, lang) {
    var text = forms;
    if (forms && typeof forms === "object") {
      var category = "other";
      try {
        category = new Intl.PluralRules(lang, { maximumFractionDigits: 1 }).select(count);
      } catch (error) {
        // an unknown language tag: the `other` form
      }
      text = Object.prototype.hasOwnProperty.call(forms, category) ? forms[category] : forms.other;
    }
    return fill(String(text), { count: formatNumber(count, lang) });
  }

  // A whole percentage (0 to 100): "80%" in English, "80 %" in French, as the build writes
  // the pass mark beside it (locale_facts.percent): without the direction marks some
  // browsers put around the sign, which would show an Arabic score as "%100" under a pass
  // mark written "70%".
  function formatPercent(value, lang) {
    try {
      var said = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
      return said.replace(/[\u200e\u200f\u061c]/g, "");
    } catch (error) {
      return value + "%";
    }
  }

  // How dates are written where `element` is, from the page (data-date-locale and
  // data-text-first-day on it or an ancestor, its `owner`): the CLDR locale whose date
  // formats its language follows (en-GB) and the first day of a month ("{day}er" in
  // French). Without them, the element's language and the day's number alone.
  function datesOf(element) {
    var owner = element.closest("[data-date-locale]");
    return {
      locale: owner ? owner.dataset.dateLocale : languageOf(element),
      firstDay: (owner && owner.dataset.textFirstDay) || "{day}",
      owner: owner,
    };
  }

  // `text`, a date written as `dates` says, as a node to put in a sentence: isolated,
  // and in the language of the dates where the page marks it as another than its own
  // (data-date-locale-lang: a language that has not chosen how it writes dates yet
  // writes them as the default language does, "1 December 2026").
  function dateSaid(text, dates) {
    return isolated(dates.owner ? said(dates.owner, "date-locale", text) : text);
  }

  // A date with the Intl.DateTimeFormat `options`, written as `dates` (datesOf) says:
  // "1 December 2026", "1er décembre 2026" (the first day of a month, where the date
  // names the month); `fallback` when the locale is unknown.
  function formatDate(date, dates, options, fallback) {
    try {
      var parts = dateFormat(dates.locale, options).formatToParts(date);
      var namesTheMonth = parts.some(function (part) { return part.type === "month" && !/^\d+$/.test(part.value); });
      return parts.map(function (part) {
        var first = part.type === "day" && namesTheMonth && date.getDate() === 1;
        return first ? fill(dates.firstDay, { day: part.value }) : part.value;
      }).join("");
    } catch (error) {
      return fallback;
    }
  }

  // One formatter per locale and options: making one costs far more than using it, and a
  // list (a plan's log) writes a date or two for each of its entries.
  var dateFormats = {};
  function dateFormat(locale, options) {
    var key = JSON.stringify([locale, options]);
    if (!dateFormats[key]) dateFormats[key] = new Intl.DateTimeFormat(locale, options);
    return dateFormats[key];
  }

  // Today where the learner is (not in UTC), as yyyy-mm-dd.
  function today() {
    var now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // Today in full, as dates are written where `element` is ("1 December 2026").
  function todayInFull(element) {
    return formatDate(new Date(), datesOf(element), { dateStyle: "long" }, today());
  }

  // Files ------------------------------------------------------------------------------
  // Offer `text` as a JSON file called `name` to save: made in the browser, sent nowhere.
  function download(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  onPage(loadOnDemand);

  window.GoodTutoringCommon = {
    onPage: onPage,
    all: all,
    each: each,
    readStorage: readStorage,
    writeStorage: writeStorage,
    removeStorage: removeStorage,
    fill: fill,
    fillInto: fillInto,
    said: said,
    sayInto: sayInto,
    markInvalid: markInvalid,
    describedBy: describedBy,
    languageOf: languageOf,
    isolated: isolated,
    formatNumber: formatNumber,
    countText: countText,
    formatPercent: formatPercent,
    datesOf: datesOf,
    dateSaid: dateSaid,
    formatDate: formatDate,
    today: today,
    todayInFull: todayInFull,
    download: download,
  };
})();
