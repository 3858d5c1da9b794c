"""The matching engine: compare actual requests, responses and messages with a pact's expectations.

Standard library only. Depends on `accord.model` and `accord.errors`; must not import generation or
any layer above it.
An empty list of mismatches means the actual part satisfies the expected one:

    match_request({"method": "GET", "path": "/a"}, {"method": "GET", "path": "/b"}, spec="v3")
    # -> [Mismatch(kind=MismatchKind.PATH, message="Expected path '/a' but was '/b'", ...)]
"""

from accord.matching.http import match_request, match_response
from accord.matching.message_parts import match_message
from accord.matching.mismatches import Mismatch, MismatchKind

__all__ = ["Mismatch", "MismatchKind", "match_message", "match_request", "match_response"]
