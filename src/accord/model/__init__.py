"""The pact model: pure data types and the JSON codec. Standard library only.

Must not import any other accord package except `accord.errors`.
"""

from accord.model.bodies import Body, BodyState
from accord.model.codec import dump_pact, dumps_pact, load_pact, save_pact
from accord.model.content_types import ContentType, detect_content_type, parse_content_type
from accord.model.generators import Generator, GeneratorKind, Generators
from accord.model.http import (
    Request,
    Response,
    find_header,
    format_query_string,
    parse_query_string,
)
from accord.model.interactions import (
    AnyInteraction,
    AsyncMessage,
    HttpInteraction,
    Interaction,
    InteractionType,
    MessageContents,
    ProviderState,
    SyncMessage,
)
from accord.model.pact import Pact
from accord.model.paths import RulePath, format_path, parse_rule_path
from accord.model.rules import (
    ArrayVariant,
    Combine,
    MatchingRule,
    MatchingRules,
    RuleKind,
    RuleList,
)
from accord.model.spec import SpecVersion

__all__ = [
    "AnyInteraction",
    "ArrayVariant",
    "AsyncMessage",
    "Body",
    "BodyState",
    "Combine",
    "ContentType",
    "Generator",
    "GeneratorKind",
    "Generators",
    "HttpInteraction",
    "Interaction",
    "InteractionType",
    "MatchingRule",
    "MatchingRules",
    "MessageContents",
    "Pact",
    "ProviderState",
    "Request",
    "Response",
    "RuleKind",
    "RuleList",
    "RulePath",
    "SpecVersion",
    "SyncMessage",
    "detect_content_type",
    "dump_pact",
    "dumps_pact",
    "find_header",
    "format_path",
    "format_query_string",
    "load_pact",
    "parse_content_type",
    "parse_query_string",
    "parse_rule_path",
    "save_pact",
]
