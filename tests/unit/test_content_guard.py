"""A page's HTML read as a browser reads it: what the line checks cannot see is refused
(portfolio.content_guard). The cases come from an adversarial reading of the build."""

from __future__ import annotations

import pytest

from portfolio.content_guard import content_problems, unsafe_content

UNSAFE = {
    "a script written with Jinja escapes": "<p></p><script>alert(1)</script>",
    "a script after a closing article": "<p></article><script>alert(1)</script></p>",
    "a handler on the next line": '<div\nonclick="alert(1)">x</div>',
    "a handler after a slash": '<img/src="a.png"/onerror="alert(1)">',
    "a handler from an attribute list": '<em onclick="alert(13)" x>stop</em>',
    "a handler after a comment the browser closes": "<!-- --!><b onclick=1>x</b> -->",
    "a javascript: link from a reference": "<a href=\"javascript:alert('x')\">ref</a>",
    "a javascript: link with a tab": '<a href="jav\tascript:alert(1)">x</a>',
    "a file: link": '<a href="file:///etc/passwd">x</a>',
    "an image from another site": '<img src="https://evil.example/a.png">',
    "an image set from another site": '<img srcset="a.png 1x, https://evil.example/b.png 2x">',
    "an SVG image from another site": '<svg><image href="https://evil.example/a.png"/></svg>',
    "an SVG xlink image from another site": '<svg><image xlink:href="//evil.example/a.png"/></svg>',
    "an SVG animation to a javascript: link": '<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
    "a table background from another site": '<table background="//evil.example/a.png"></table>',
    "a style fetching from another site": "<p style=\"background: image-set('https://e.example/a.png' 1x)\">x</p>",
    "a style url": '<p style="background: url(//e.example/a.png)">x</p>',
    "a ping": '<a href="page/" ping="https://evil.example/track">x</a>',
    "an iframe": '<iframe src="page/"></iframe>',
    "a meta refresh": '<meta http-equiv="refresh" content="0; url=https://evil.example">',
    "a style sheet": "<style>p { color: red }</style>",
    "a form sent elsewhere": '<form action="javascript:alert(1)"></form>',
    "a form sent to another site": '<form action="https://evil.example/s"></form>',
    "a button sending to another site": '<button formaction="https://evil.example/">b</button>',
    "backslashes read as slashes": '<img src="/\\evil.example/x">',
    "inside a template": '<template><img src="https://evil.example/x"></template>',
    "an SVG paint from another site": '<svg><rect cursor="url(https://evil.example/c.png)"/></svg>',
    "an unfinished tag at the end": '<div>\n<img src="https://evil.example/?',
    "an element left open at the end": "<textarea>",
}
SAFE = {
    "a link to another site": '<a href="https://www.asti.lu/">ASTI</a>',
    "mail and phone links": '<a href="mailto:team@example.org">m</a> <a href="tel:+35200">t</a>',
    "a page and an anchor": '<a href="../step/#purpose">step</a> <a class="headerlink" href="#purpose">¶</a>',
    "an image of the site": '<img src="../../assets/images/cycle.svg" alt="The cycle">',
    "an image in the page": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">',
    "an SVG drawing": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><use href="#step"/></svg>',
    "an SVG paint of the page": '<svg><rect fill="url(#gradient)"/></svg>',
    "a quiz form": '<form class="quiz" data-quiz="q" novalidate><input type="radio" name="a"></form>',
    "text about scripts": "<p>Write &lt;script&gt; nowhere.</p><pre><code>onclick=alert(1)</code></pre>",
}


@pytest.mark.parametrize("html", UNSAFE.values(), ids=UNSAFE.keys())
def test_what_a_browser_would_run_or_fetch_is_found(html):
    assert unsafe_content(html)


@pytest.mark.parametrize("html", SAFE.values(), ids=SAFE.keys())
def test_what_the_project_writes_is_accepted(html):
    assert unsafe_content(html) == []


def test_an_element_is_named_with_what_to_do_instead(tmp_path, monkeypatch):
    """The build's line names the element and gives its own fix, said once."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n<style>p { color: red }</style>\n\n<script>alert(1)</script>\n")
    html = "<h1>Page</h1><style>p { color: red }</style><script>alert(1)</script>"
    assert [p.format() for p in content_problems(page, html)] == [
        "page.md:3 [unsafe-markup] the page's HTML holds a <style> element (styles written into the page) — remove"
        " it: styles belong in docs/assets/stylesheets; to make a text stand out, use an admonition (!!! note) or"
        " *emphasis*",
        "page.md:5 [unsafe-markup] the page's HTML holds a <script> element (code run in the reader's browser)"
        " — remove it: scripts belong in docs/assets/javascripts",
    ]
