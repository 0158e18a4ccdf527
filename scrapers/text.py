"""HTML to the plain text of the record format: one paragraph a line.

Block elements (paragraphs, headings, list items, table rows, divs) end a line; whitespace
inside a line collapses to single spaces; empty lines and navigation lines ("Back to top")
are dropped. Inline elements (strong, a, span) stay inside their line.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from bs4 import (BeautifulSoup, Comment, Declaration, Doctype, NavigableString, PageElement,
                 ProcessingInstruction, Tag)

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


def _walk(root: Tag, out: list[str], skip: Callable[[Tag], bool] | None) -> None:
    # An explicit stack, not recursion: a page can nest thousands of divs (Python's
    # recursion limit is 1,000), and one such page must not fail the whole batch.
    # Each entry is an iterator over a node's children and the text to emit once that
    # node is done (a newline after a block, a space after a cell).
    stack: list[tuple[Iterator[PageElement], str]] = [(iter(root.children), "")]
    while stack:
        children, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            out.append(closing)
            continue
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
            continue
        if name in BLOCK_TAGS:
            edge = "\n"
        elif name in CELL_TAGS:
            edge = " "
        else:
            edge = ""
        out.append(edge)
        stack.append((iter(child.children), edge))


def collapse(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()
