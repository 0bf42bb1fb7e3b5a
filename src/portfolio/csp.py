"""The Content-Security-Policy every page carries: only the site's own scripts, styles,
images and connections. Material writes a few small inline scripts; each is allowed by
its SHA-256 hash, computed from the page as it was written, outside the page's content."""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT_HASHES = "__portfolio_csp_script_hashes__"

POLICY = {
    "default-src": "'self'",
    "script-src": f"'self' {SCRIPT_HASHES}",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def policy() -> str:
    """The policy, with a marker where the page's inline-script hashes go."""
    return "; ".join(f"{directive} {sources}" for directive, sources in POLICY.items())


def with_script_hashes(page: str) -> str:
    """Replace the marker by the hashes of the theme's inline scripts. Scripts inside the
    page's content (its <article>) are never trusted: content is written by contributors."""
    if SCRIPT_HASHES not in page:
        return page
    theme = _CONTENT.sub("", page)
    hashes = sorted({_hash(body) for body in _INLINE_SCRIPT.findall(theme)})
    return page.replace(SCRIPT_HASHES, " ".join(hashes), 1)


# Helpers ----------------------------------------------------------------------


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# Data -------------------------------------------------------------------------
# The content of a page, where what contributors write ends up: up to the last closing
# tag, so that a page writing `</article>` itself cannot put a script after it.
_CONTENT = re.compile(r"<article\b.*</article>", re.S)
# A <script> without src whose content runs (JSON data blocks do not need a hash).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
