"""Body generators on XML documents.

Path expressions name elements (`$.order.item`, with the prefix as written, e.g. `ns:item`), may
pick the n-th of same-named siblings (`$.order.item[1]`) or any element (`*`), and end in an
attribute (`['@id']`) or the element's text (`['#text']`), the only places a value can go.
`xml.dom.minidom` keeps prefixes, comments and attribute order, so the rest of the document comes
out as it went in. The XML declaration is written back only when the original had one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from xml.dom import Node, minidom
from xml.parsers.expat import ExpatError

from accord.model.generators import Generator
from accord.model.paths import WILDCARD

Tokens = tuple[str | int, ...]
# Produces the text for one generator and example, or None to keep the example.
Produce = Callable[[Generator, str], str | None]


def generate_xml(
    content: bytes, entries: list[tuple[Tokens, Generator]], produce: Produce
) -> bytes | None:
    """`content` with each generator applied at its path; None when it is not well-formed XML."""
    try:
        document = minidom.parseString(content)
    except (ExpatError, ValueError):
        return None
    for tokens, generator in entries:
        _apply(document, tokens, generator, produce)
    # minidom would write its own declaration; keep the original one (and the line break after it).
    nodes = "".join(node.toxml() for node in document.childNodes)
    text = content.decode("utf-8", errors="replace").lstrip()
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        gap = text[end : len(text) - len(text[end:].lstrip())]
        return f"{text[:end]}{gap}{nodes}".encode()
    return nodes.encode("utf-8")


def _apply(
    document: minidom.Document, tokens: Tokens, generator: Generator, produce: Produce
) -> None:
    if not tokens:
        return
    roots = list(_pick([document.documentElement], tokens[0], tokens[1:]))
    rest = tokens[1:]
    if rest and isinstance(rest[0], int):
        rest = rest[1:]
    for element in roots:
        _apply_below(element, rest, generator, produce)


def _apply_below(element: Any, tokens: Tokens, generator: Generator, produce: Produce) -> None:
    if not tokens:
        return  # the path names an element, which no generator can replace
    head, rest = tokens[0], tokens[1:]
    if isinstance(head, str) and head.startswith("@") and not rest:
        name = head[1:]
        if element.hasAttribute(name):
            value = produce(generator, element.getAttribute(name))
            if value is not None:
                element.setAttribute(name, value)
        return
    if head == "#text" and not rest:
        _generate_text(element, generator, produce)
        return
    children = [child for child in element.childNodes if child.nodeType == Node.ELEMENT_NODE]
    picked = list(_pick(children, head, rest))
    if rest and isinstance(rest[0], int):
        rest = rest[1:]
    for child in picked:
        _apply_below(child, rest, generator, produce)


def _pick(elements: list[Any], head: str | int, rest: Tokens) -> Iterator[Any]:
    """Elements named `head` (or all for `*`), narrowed to one when an index follows."""
    if isinstance(head, int):
        return iter(())
    named = [el for el in elements if head == WILDCARD or el.tagName == head]
    if rest and isinstance(rest[0], int):
        index = rest[0]
        return iter(named[index : index + 1])
    return iter(named)


def _generate_text(element: Any, generator: Generator, produce: Produce) -> None:
    texts = [
        child
        for child in element.childNodes
        if child.nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE) and child.data.strip()
    ]
    if not texts:
        value = produce(generator, "")
        if value is not None:
            element.appendChild(element.ownerDocument.createTextNode(value))
        return
    for node in texts:
        value = produce(generator, node.data)
        if value is not None:
            node.data = value
