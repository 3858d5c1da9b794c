"""Default formats, patterns and examples the DSL helpers share."""

from __future__ import annotations

DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "HH:mm:ss"
DATETIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss"
SEMVER_PATTERN = r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?"
UUID_PATTERNS = {
    "lower-case-hyphenated": r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "upper-case-hyphenated": r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}",
    "simple": r"[0-9a-fA-F]{32}",
    "URN": r"urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
}
UUID_EXAMPLES = {
    "lower-case-hyphenated": "e2490de5-5bd3-43d5-b7c4-526e33f71304",
    "upper-case-hyphenated": "E2490DE5-5BD3-43D5-B7C4-526E33F71304",
    "simple": "e2490de55bd343d5b7c4526e33f71304",
    "URN": "urn:uuid:e2490de5-5bd3-43d5-b7c4-526e33f71304",
}
STATUS_EXAMPLES = {
    "info": 100,
    "success": 200,
    "redirect": 301,
    "clientError": 400,
    "serverError": 500,
    "nonError": 200,
    "error": 400,
}
