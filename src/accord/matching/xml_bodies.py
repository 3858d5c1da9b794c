"""XML bodies: elements, attributes and text under matching rules, on `xml.etree`.

Names are compared by namespace URI, never by prefix (`{urn:x}a` is shown as `urn:x:a`). Paths
reuse the JSON syntax: element names are steps, `['@name']` is an attribute and `['#text']` the
text. Repeated children are paths without an index, so one rule covers every repetition.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from accord.matching import describe
from accord.matching.context import Concrete, RuleContext
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.values import apply_rules, check_regex, check_text
from accord.model import MatchingRule, RuleKind, RulePath, format_path, parse_rule_path

_INDEX = re.compile(r"\[(?:\*|\d+)\]")


def compare_xml(expected: bytes, actual: bytes, context: RuleContext) -> list[Mismatch]:
    """Compare two XML documents; unparseable input is reported as a mismatch at `$`."""
    found: list[Mismatch] = []
    roots = []
    for which, data in (("expected", expected), ("actual", actual)):
        try:
            roots.append(ET.fromstring(data))
        except ET.ParseError as error:
            found.append(
                _mismatch((), expected, actual, describe.body_unparseable(which, str(error)))
            )
    if found:
        return found
    expected_root, actual_root = roots
    context = context.with_rules(
        [(_without_indices(path), rules) for path, rules in context.entries]
    )
    _XmlWalk(found, context).element(
        (qualified_name(expected_root.tag),), expected_root, actual_root
    )
    return found


def _without_indices(path: RulePath) -> RulePath:
    """XML paths have no array indices (repeated children share one path), so drop `[*]`/`[0]`."""
    if "[" not in path.text:
        return path
    return parse_rule_path(_INDEX.sub("", path.text))


def qualified_name(tag: str) -> str:
    """`{urn:x}local` → `urn:x:local`; a name without namespace stays as it is."""
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return f"{uri}:{local}"
    return tag


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _mismatch(path: Concrete, expected: object, actual: object, message: str) -> Mismatch:
    shown = format_path(path)
    return Mismatch(
        kind=MismatchKind.BODY, path=shown, expected=expected, actual=actual, message=message
    )


def _children(element: ET.Element) -> list[ET.Element]:
    return [child for child in element if isinstance(child.tag, str)]


class _XmlWalk:
    __slots__ = ("context", "found")

    def __init__(self, found: list[Mismatch], context: RuleContext) -> None:
        self.found = found
        self.context = context

    def report(self, path: Concrete, expected: object, actual: object, message: str) -> None:
        self.found.append(_mismatch(path, expected, actual, message))

    def element(self, path: Concrete, expected: ET.Element, actual: ET.Element) -> None:
        selected = self.context.best(path)
        if selected is None:
            messages = [m] if (m := _check_element(_EQUALITY, expected, actual, False)) else []
        else:
            cascaded = selected.cascaded
            messages = apply_rules(selected.rules, _check_element, expected, actual, cascaded)
        expected_name, actual_name = qualified_name(expected.tag), qualified_name(actual.tag)
        for message in messages:
            self.report(path, expected_name, actual_name, message)
        if messages:
            return
        self.attributes(path, expected, actual)
        self.children(path, expected, actual)
        self.text(path, expected, actual)

    def attributes(self, path: Concrete, expected: ET.Element, actual: ET.Element) -> None:
        wanted = {qualified_name(k): v for k, v in expected.attrib.items()}
        got = {qualified_name(k): v for k, v in actual.attrib.items()}
        strict = not self.context.allow_unexpected_keys
        if not wanted and got and strict:
            self.report(path, wanted, got, describe.xml_no_attributes(got))
            return
        if not strict and len(wanted) > len(got):
            message = describe.xml_attribute_count(len(wanted), len(got), at_least=True)
            self.report(path, wanted, got, message)
        elif strict and len(wanted) != len(got):
            message = describe.xml_attribute_count(len(wanted), len(got), at_least=False)
            self.report(path, wanted, got, message)
        for name, value in sorted(wanted.items()):
            child = (*path, f"@{name}")
            if name in got:
                self.value(child, value, got[name])
            else:
                self.report(child, name, None, describe.xml_attribute_missing(name, value))

    def children(self, path: Concrete, expected: ET.Element, actual: ET.Element) -> None:
        wanted, got = _children(expected), _children(actual)
        strict = not self.context.allow_unexpected_keys
        if not wanted and got and strict:
            names = [qualified_name(child.tag) for child in got]
            self.report(path, "", ", ".join(names), describe.xml_no_children(names))
            return
        wanted_by_name = _group(wanted)
        got_by_name = _group(got)
        for name, group in sorted(got_by_name.items()):
            child_path = (*path, name)
            if name in wanted_by_name:
                examples = wanted_by_name.pop(name)
                if self.context.type_rule_defined(child_path):
                    for item in group:
                        self.element(child_path, examples[0], item)
                    continue
                for index in range(max(len(examples), len(group))):
                    if index < len(examples) and index < len(group):
                        self.element(child_path, examples[index], group[index])
                    elif index < len(examples):
                        self.report(child_path, name, None, describe.xml_child_missing(name))
                    elif strict:
                        self.report(child_path, None, name, describe.xml_child_unexpected(name))
            elif strict or self.context.type_rule_defined(child_path):
                self.report(path, None, name, describe.xml_child_unexpected(name))
        for name in sorted(wanted_by_name):
            self.report(path, name, None, describe.xml_child_missing(name))

    def text(self, path: Concrete, expected: ET.Element, actual: ET.Element) -> None:
        wanted, got = _text(expected), _text(actual)
        self.value((*path, "#text"), wanted, got)

    def value(self, path: Concrete, expected: str, actual: str) -> None:
        selected = self.context.best(path)
        if selected is None:
            if expected == actual:
                return
            messages = [describe.text_not_equal(actual, expected)]
        else:
            cascaded = selected.cascaded
            messages = apply_rules(selected.rules, check_text, expected, actual, cascaded)
        for message in messages:
            self.report(path, expected, actual, message)


def _group(elements: list[ET.Element]) -> dict[str, list[ET.Element]]:
    groups: dict[str, list[ET.Element]] = {}
    for element in elements:
        groups.setdefault(qualified_name(element.tag), []).append(element)
    return groups


def _text(element: ET.Element) -> str:
    # Direct text only (not the children's), trimmed piece by piece as the reference does.
    return "".join(piece.strip() for piece in _text_pieces(element)).strip()


def _text_pieces(element: ET.Element) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if child.tail:
            yield child.tail


_EQUALITY = MatchingRule(kind=RuleKind.EQUALITY)


def _check_element(
    rule: MatchingRule, expected: ET.Element, actual: ET.Element, cascaded: bool
) -> str | None:
    expected_name, actual_name = qualified_name(expected.tag), qualified_name(actual.tag)
    kind = rule.kind
    if kind is RuleKind.REGEX:
        if not _children(actual) and not _children(expected):
            # A regex written for a leaf element is about its text (checked with the text).
            return None
        return check_regex(rule.regex, local_name(actual.tag), actual_name)
    if kind is RuleKind.TYPE:
        if expected.tag != actual.tag:
            return describe.xml_name_not_same_type(expected_name, actual_name)
        if cascaded:
            return None
        count = len(_children(actual))
        if rule.min is not None and count < rule.min:
            return describe.xml_too_few_children(actual_name, rule.min)
        if rule.max is not None and count > rule.max:
            return describe.xml_too_many_children(actual_name, rule.max)
        return None
    if kind in (RuleKind.EQUALITY, RuleKind.VALUES):
        if expected.tag == actual.tag:
            return None
        return describe.xml_name_not_equal(expected_name, actual_name)
    if kind is RuleKind.NOT_EMPTY:
        return None if len(actual) else describe.xml_childless(actual_name)
    # Value rules (integer, date, …) written for an element apply to its text.
    return check_text(rule, _text(expected), _text(actual), cascaded)
