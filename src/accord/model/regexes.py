"""Regular expressions written for Java/Oniguruma, compiled for Python's `re`.

Pact files carry patterns from JVM, JavaScript and Rust writers. Python differs in a few places:
`\\Q...\\E` literal quoting, possessive quantifiers and atomic groups (3.11 supports them), POSIX
classes `\\p{Alpha}` and friends, `\\z`/`\\Z` anchors and `\\h`. Matching is always against the
whole string (`fullmatch`), as the specification requires.
"""

from __future__ import annotations

import re
from functools import lru_cache

_POSIX_CLASSES = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7F",
    "Alpha": "a-zA-Z",
    "IsAlphabetic": "a-zA-Z",
    "L": "a-zA-Z",
    "Digit": "0-9",
    "IsDigit": "0-9",
    "Nd": "0-9",
    "N": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1F\\x7F",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0B\\f\\r",
    "javaLowerCase": "a-z",
    "javaUpperCase": "A-Z",
    "Lu": "A-Z",
    "Ll": "a-z",
}


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a Java-style pattern; raises `re.error` with the original pattern on failure."""
    translated = translate(pattern)
    try:
        return re.compile(translated)
    except re.error as error:
        raise re.error(f"{error.msg} in regex {pattern!r}", pattern, error.pos) from None


def full_match(pattern: str, text: str) -> bool:
    """True when the whole of `text` matches `pattern`."""
    return compile_pattern(pattern).fullmatch(text) is not None


def translate(pattern: str) -> str:
    """Rewrite the Java-only constructs of `pattern` into Python syntax."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "Q":
                end = pattern.find("\\E", i + 2)
                literal = pattern[i + 2 :] if end < 0 else pattern[i + 2 : end]
                out.append(re.escape(literal))
                i = n if end < 0 else end + 2
                continue
            if nxt in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                name = pattern[i + 3 : end] if end > 0 else ""
                name = (
                    name.removeprefix("Is") if name.removeprefix("Is") in _POSIX_CLASSES else name
                )
                if end > 0 and name in _POSIX_CLASSES:
                    body = _POSIX_CLASSES[name]
                    negate = nxt == "P"
                    if in_class:
                        out.append(body if not negate else "")
                    else:
                        out.append(f"[{'^' if negate else ''}{body}]")
                    i = end + 1
                    continue
            if nxt == "z":
                out.append("\\Z")
                i += 2
                continue
            if nxt == "Z":
                out.append("(?=\\n?\\Z)")
                i += 2
                continue
            if nxt == "h":
                out.append("[ \\t\\xA0]" if not in_class else " \\t\\xA0")
                i += 2
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            # A ']' right after '[' or '[^' is literal in both dialects.
            if i + 1 < n and pattern[i + 1] == "^":
                out.append("^")
                i += 1
            if i + 1 < n and pattern[i + 1] == "]":
                out.append("\\]")
                i += 1
            i += 1
            continue
        if char == "[" and in_class:
            # Java allows nested classes/unions; Python needs the bracket escaped.
            out.append("\\[")
            i += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)
