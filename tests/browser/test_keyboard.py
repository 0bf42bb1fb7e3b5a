"""The site's frame (header, drawer, search, language menu, tooltips) as a keyboard or
screen-reader user meets it, on a phone (360 px) and a desktop (1280 px), in a language
written from the left and one written from the right: every Tab stop is on the screen and
visible, the menu is a named button that opens the drawer with Enter and closes it with
Escape, a focused element is never under the header, the number of search results is
announced, the language menu's entries say their language, and an abbreviation's
explanation can be hovered and dismissed. The pages as they load are checked with axe in
tests/browser/test_every_page.py; here, the states the keyboard reaches."""

from __future__ import annotations

import re

import pytest

from audit import violations
from conftest import PAGE_TYPES, QUERIES, search, url

pytestmark = pytest.mark.browser

LANGS = ("en", "ar")
CHAPTER = "handbook/buddy-system/08-supervision-and-self-assessment/"  # a table of contents, abbreviations
LINKS = PAGE_TYPES["course guide and tracks"]  # many links in its text
# Material's own translation of "Navigation" (partials/languages/<lang>.html, key "nav").
NAVIGATION = {"en": "Navigation", "fr": "Navigation", "ar": "تصفح"}

SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"

# The focused element: where it is, whether it can be seen, and whether something else
# (the header, the "Back to top" button, a panel of the drawer) is drawn over any of nine
# points spread over its visible part.
FOCUSED = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
  const points = [];
  for (const x of [0.1, 0.5, 0.9]) for (const y of [0.1, 0.5, 0.9])
    points.push([box.left + x * box.width, top + y * (bottom - top)]);
  const covered = points.filter(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return !hit || !(hit === e || e.contains(hit) || hit.contains(e));
  }).length;
  return {
    what: `${e.tagName} ${(e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40)}`,
    body: e === document.body,
    inHeader: !!e.closest(".md-header"),
    inDrawer: !!e.closest(".md-sidebar--primary"),
    onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    visible: e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    taller: box.height > innerHeight - 120,
    covered,
    drawerOpen: document.getElementById("__drawer").checked,
  };
}"""


# The site's Content-Security-Policy refuses the evaluated code of wait_for_function and
# axe: both are the tests', not the site's.
@pytest.fixture
def screen(open_page, width):
    return open_page(width, bypass_csp=True)


@pytest.fixture
def phone(open_page):
    return open_page(360, bypass_csp=True)


@pytest.fixture
def desktop(open_page):
    return open_page(1280, bypass_csp=True)


# What has the focus once the page has answered the key: two frames, so that the scroll
# a focus caused has been reported and Material has shown or hidden what follows the
# scroll ("Back to top" hides at the top of the page), then every transition ended (one
# round trip to the page per key).
SETTLED_FOCUS = f"""async () => {{
  for (let i = 0; i < 2; i++) await new Promise(done => requestAnimationFrame(done));
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  return ({FOCUSED})();
}}"""


def press(page, key: str) -> dict:
    """Press a key, wait until every transition has ended, and say what has the focus."""
    page.keyboard.press(key)
    return page.evaluate(SETTLED_FOCUS)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS colours written rgb(r, g, b)."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# 1. The closed drawer is out of the tab order; every Tab stop can be seen -------------


@pytest.mark.parametrize("lang", LANGS)
def test_tab_from_the_top_lands_only_on_what_can_be_seen(phone, site_url, lang):
    phone.goto(url(site_url, lang, CHAPTER))
    reached = []
    for _ in range(80):
        focused = press(phone, "Tab")
        if focused["body"]:
            break
        reached.append(focused)
        assert not focused["drawerOpen"]
        assert not focused["inDrawer"], focused
        assert focused["onScreen"] and focused["visible"], focused
    assert len(reached) > 15  # the header, then the page's own links
    assert any(stop["what"].startswith("BUTTON " + NAVIGATION[lang]) for stop in reached)


def test_no_tab_stop_on_the_palette_toggle_or_the_closed_search_results(desktop, site_url):
    desktop.goto(site_url + CHAPTER)
    assert desktop.query_selector("#__palette_0") is None  # one scheme: no toggle written
    stops = []
    for _ in range(12):
        desktop.keyboard.press("Tab")
        stops.append(desktop.evaluate("document.activeElement.id || document.activeElement.className"))
    assert not [stop for stop in stops if "palette" in stop or "md-option" in stop]
    # From the search field, Tab closes search and leaves the header: not onto the
    # results' empty frame.
    field = next(i for i, stop in enumerate(stops) if "md-search__input" in stop)
    assert "md-search__scrollwrap" not in stops[field + 1]


# 2. The menu button -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_button_is_named_and_opens_the_drawer_with_enter(phone, site_url, lang):
    phone.goto(url(site_url, lang, CHAPTER))
    button = phone.get_by_role("button", name=NAVIGATION[lang], exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    press(phone, "Tab")  # the skip link
    focused = press(phone, "Tab")
    assert focused["what"] == "BUTTON " + NAVIGATION[lang]
    assert focused["visible"] and focused["covered"] == 0

    # Enter opens it, and the focus goes into it; every stop there is visible, uncovered.
    focused = press(phone, "Enter")
    assert focused["drawerOpen"] and focused["inDrawer"]
    assert button.get_attribute("aria-expanded") == "true"
    while focused["inDrawer"]:
        assert focused["visible"] and focused["onScreen"] and focused["covered"] == 0, focused
        focused = press(phone, "Tab")
    # Tab past its last entry closes it: it never covers the focused element.
    assert not focused["drawerOpen"]

    # Space opens it as well, and Escape closes it, the focus back on the button.
    button.focus()
    assert press(phone, " ")["drawerOpen"]
    focused = press(phone, "Escape")
    assert not focused["drawerOpen"]
    assert focused["what"] == "BUTTON " + NAVIGATION[lang]
    assert button.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("lang", LANGS)
def test_the_drawer_panels_open_and_close_from_the_keyboard(phone, site_url, lang):
    """A chapter's drawer opens on its section; its title leads back up, a section's
    label into the section, the focus following; the table of contents opens too."""
    phone.goto(url(site_url, lang, CHAPTER))
    phone.focus(".portfolio-drawer-button")
    title = press(phone, "Enter")  # the section's title, its way back up
    section = title["what"]
    assert title["what"].startswith("LABEL")
    opener = press(phone, "Enter")  # back up: the focus on the entry that opened the section
    assert opener["what"] == section and opener["covered"] == 0
    assert press(phone, " ")["what"] == section  # Space goes back into it

    # The chapter's own entry opens its table of contents.
    for _ in range(20):
        press(phone, "Tab")
        if phone.evaluate("document.activeElement.htmlFor === '__toc'"):
            break
    toc = press(phone, "Enter")
    assert toc["inDrawer"] and toc["covered"] == 0
    first = press(phone, "Tab")
    assert phone.evaluate("document.activeElement.getAttribute('href')").startswith("#")
    assert first["visible"] and first["covered"] == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_drawer_has_no_violation(phone, site_url, lang):
    phone.goto(url(site_url, lang, CHAPTER))
    phone.focus(".portfolio-drawer-button")
    press(phone, "Enter")
    assert violations(phone) == []


# 3. Nothing focused under the header, nor under "Back to top" --------------------------


@pytest.mark.parametrize(("width", "lang"), [(360, "ar"), (1280, "en")], ids=["360px-ar", "1280px-en"])
def test_shift_tab_never_leaves_the_focus_under_the_header(screen, site_url, lang):
    """Both widths and both directions, in two runs (each walks the whole page back)."""
    screen.goto(url(site_url, lang, LINKS))
    screen.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    screen.focus(".md-copyright a")
    hidden = []
    for _ in range(60):
        focused = press(screen, "Shift+Tab")
        if focused["inHeader"] or focused["body"]:
            break
        if focused["covered"] and not focused["taller"]:
            hidden.append(focused)
    assert hidden == []


# 4. Search: the count announced, the result under the keyboard outlined ----------------


@pytest.mark.parametrize("lang", ("en", "fr", "ar"))
def test_the_number_of_search_results_is_in_a_status_region(desktop, site_url, lang):
    desktop.goto(url(site_url, lang, ""))
    search(desktop, QUERIES[lang])
    count = desktop.locator(".md-search-result__meta")
    assert re.search(r"\d", count.text_content())
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    # Exposed as such: a status region whose text is the count.
    assert desktop.get_by_role("status").filter(has_text=count.text_content().strip()).count() == 1


def test_the_search_result_under_the_keyboard_is_outlined(desktop, site_url):
    desktop.goto(site_url)
    search(desktop, QUERIES["en"])
    desktop.keyboard.press("ArrowDown")
    style = desktop.evaluate(
        """() => { const e = document.activeElement, s = getComputedStyle(e);
          return [e.className, s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor,
                  getComputedStyle(document.querySelector('.md-search__scrollwrap')).backgroundColor]; }"""
    )
    assert "md-search-result__link" in style[0]
    assert style[1] == "solid" and style[2] >= 2
    assert contrast(style[3], style[4]) >= 3


# 5. The header's focus ring ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_focus_ring_stands_out_from_the_header(screen, site_url, width, lang):
    screen.goto(url(site_url, lang, ""))
    press(screen, "Tab")  # the skip link
    press(screen, "Tab")  # the menu button on a phone, the logo on a desktop
    button, style, ring, header = screen.evaluate(
        """() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle,
                  getComputedStyle(document.activeElement).outlineColor,
                  getComputedStyle(document.querySelector('.md-header')).backgroundColor]"""
    )
    assert ("portfolio-drawer-button" if width == 360 else "md-logo") in button
    assert style != "none"
    assert contrast(ring, header) >= 3


# 6. The language menu -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ("en", "fr", "ar"))
def test_each_language_menu_entry_says_its_language(desktop, site_url, lang):
    desktop.goto(url(site_url, lang, CHAPTER))
    entries = desktop.eval_on_selector_all(
        ".md-select__link", "links => links.map(a => [a.hreflang, a.lang, a.dir, a.textContent.trim()])"
    )
    assert {hreflang for hreflang, *_ in entries} == {"en", "fr", "ar"}
    for hreflang, language, direction, _ in entries:
        assert language == hreflang
        assert direction == ("rtl" if hreflang == "ar" else "ltr")


# 7. Arabic: chevrons point the way the text goes ---------------------------------------


def test_collapsed_sections_point_left_in_arabic(desktop, site_url):
    chevrons = """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__item--pruned .md-nav__icon')]
      .map(icon => new DOMMatrix(getComputedStyle(icon, '::after').transform).a)"""
    desktop.goto(url(site_url, "en", CHAPTER))
    assert set(desktop.evaluate(chevrons)) == {1}  # Material's chevron points right
    desktop.goto(url(site_url, "ar", CHAPTER))
    assert set(desktop.evaluate(chevrons)) == {-1}  # turned half a turn: it points left


# 8. An abbreviation's explanation ------------------------------------------------------


TOOLTIP = """() => [...document.querySelectorAll('.md-tooltip2[role=tooltip].md-tooltip2--active')]
  .map(t => getComputedStyle(t).visibility)"""


def test_an_abbreviation_explanation_can_be_hovered_and_dismissed(desktop, site_url):
    desktop.goto(site_url + CHAPTER)
    abbr = desktop.locator("article abbr").first
    abbr.scroll_into_view_if_needed()
    box = abbr.bounding_box()
    middle = box["x"] + box["width"] / 2
    desktop.mouse.move(middle, box["y"] + box["height"] / 2)
    desktop.wait_for_function(SETTLED)
    assert desktop.evaluate(TOOLTIP) == ["visible"]

    # The pointer moves down onto the explanation, a pixel at a time: it stays.
    tip = desktop.locator(".md-tooltip2--active .md-tooltip2__inner").bounding_box()
    for y in range(int(box["y"] + box["height"]) + 1, int(tip["y"] + tip["height"] / 2)):
        desktop.mouse.move(middle, y)
    desktop.wait_for_timeout(400)  # Material takes a tooltip down 250 ms after the pointer left
    assert desktop.evaluate(TOOLTIP) == ["visible"]

    # Escape hides it, the pointer where it is; back on the abbreviation, it shows again.
    desktop.keyboard.press("Escape")
    assert desktop.evaluate(TOOLTIP) == ["hidden"]
    desktop.mouse.move(middle, box["y"] + box["height"] / 2)
    desktop.wait_for_function(SETTLED)
    assert desktop.evaluate(TOOLTIP) == ["visible"]


def test_an_abbreviation_explanation_shows_on_a_tap(phone, site_url):
    phone.goto(site_url + CHAPTER)
    abbr = phone.locator("article abbr").first
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    phone.wait_for_function(SETTLED)
    assert phone.evaluate(TOOLTIP) == ["visible"]
