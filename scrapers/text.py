"""HTML to the plain text of the record format: one paragraph a line.

Block elements (paragraphs, headings, list items, table rows, divs) end a line; whitespace
inside a line collapses to single spaces; empty lines and navigation lines ("Back to top")
are dropped. Inline elements (strong, a, span) stay inside their line.
"""
from __future__ import annotations

import re
from typing import Callable

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "ul",
})
CELL_TAGS = frozenset({"td", "th"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "button", "svg", "iframe",
                       "head", "title", "meta", "link", "input", "select", "textarea"})
# Page furniture that is a line of its own on LGSCO decision pages, not decision text.
DROP_LINES = frozenset({"back to top", "print this page", "print"})

_WS = re.compile(r"\s+")


def soup_of(html: str | bytes) -> BeautifulSoup:
    # html.parser: in the standard library, tolerant, and lxml is not a dependency here.
    return BeautifulSoup(html, "html.parser")


def html_to_text(node: Tag | str | bytes, skip: Callable[[Tag], bool] | None = None) -> str:
    """Plain text of an element (or an HTML fragment): block elements become lines."""
    if isinstance(node, (str, bytes)):
        node = soup_of(node)
    out: list[str] = []
    _walk(node, out, skip)
    lines = (_WS.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line and line.lower() not in DROP_LINES)


def _walk(node: Tag, out: list[str], skip: Callable[[Tag], bool] | None) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            # Newlines in the source are layout, not breaks: only elements make lines.
            out.append(_WS.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in SKIP_TAGS or (skip is not None and skip(child)):
            continue
        if name == "br":
            out.append("\n")
        elif name in BLOCK_TAGS:
            out.append("\n")
            _walk(child, out, skip)
            out.append("\n")
        elif name in CELL_TAGS:
            out.append(" ")
            _walk(child, out, skip)
            out.append(" ")
        else:
            _walk(child, out, skip)


def collapse(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()
