"""Make text that comes from articles safe to put into a Markdown page.

Everything an article supplies (its text, title, names, quotes, roles, outlet) may hold
HTML, a script or Markdown syntax. It must reach the reader as the characters it is,
never as markup. Two layers do that:

- HTML escaping (`<`, `>`, `&`, quotes), so a browser never sees a tag;
- numeric character references for every ASCII character Markdown or one of the
  enabled extensions gives a meaning to (`*`, `_`, `[`, `|`, `{`, `!`, ...), so
  Python-Markdown finds no syntax to interpret. A reference renders as the character.

Newlines are turned into spaces (inline text) or `&#10;` (block text, shown with
`white-space: pre-wrap`), so article text can never start a Markdown line.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

# Characters with a meaning in Markdown, attr_list, admonition, tables or html; each
# becomes a numeric reference. `.`, `-`, `+` matter only at a line start, which
# escaped text never reaches, but they are cheap to cover too.
_SPECIAL = set('&<>"\'\\`*_{}[]()#+-.!|~^=:$%@')
_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _SPECIAL}
_SPACES = re.compile(r"\s+")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _references(text: str) -> str:
    return text.translate(_TABLE)


def inline(value: object) -> Markup:
    """Text for one line of Markdown (a heading, a table cell, a list item)."""
    return Markup(_references(_SPACES.sub(" ", str(value)).strip()))


def block(value: object) -> Markup:
    """Text that keeps its line breaks, for a raw HTML block styled `pre-wrap`."""
    return Markup(_references(str(value)).replace("\n", "&#10;"))


def plain(value: object) -> str:
    """A one-line label with every markup character removed, for places where
    references are not decoded the same way (YAML front matter, page titles)."""
    kept = "".join(ch if ch not in '<>&"\\`*_{}[]#|!~^=$%@' else " " for ch in str(value))
    return _SPACES.sub(" ", kept).strip()


def page_name(identifier: str) -> str:
    """A file-name part from a record id; ids are checked, never trusted blindly."""
    if not _SAFE_ID.match(identifier) or ".." in identifier:
        raise ValueError(f"id {identifier!r} is not a safe page name (letters, digits, '_', '.', '-')")
    return identifier


def href(url: str | None) -> Markup | None:
    """An external link target: only http(s) URLs, percent-encoded so no quote or
    bracket can end the Markdown link or the attribute it lands in."""
    if not url:
        return None
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return Markup(quote(url, safe="/:?=&#%~+,;@"))
