"""Human-readable texts of pacts-for-verification: short descriptions and notices (§3.7). The
verifiers print them, so they say why each pact is verified and what pending means for it."""

from __future__ import annotations

from accord.broker.selection.candidates import Resolved

PENDING_DOCS = "https://docs.pact.io/go/pending"
WIP_DOCS = "https://docs.pact.io/go/wip"


def short_description(selector: Resolved) -> str:
    fallback = f" (fallback {selector.fallback})" if selector.fallback else ""
    match selector.kind:
        case "main-branch":
            return "latest from main branch"
        case "branch":
            return f"latest from branch {selector.branch}{fallback}"
        case "tag":
            return f"latest with tag {selector.tag}{fallback}"
        case "all-for-tag":
            return (
                f"one of {selector.consumer} {selector.tag}"
                if selector.consumer
                else f"one of {selector.tag}"
            )
        case "deployed":
            return f"deployed to {selector.environment}"
        case "released":
            return f"released in {selector.environment}"
        case _:
            return "latest"


def criterion(selector: Resolved) -> str:
    version = f" ({selector.version_number})" if selector.version_number else ""
    match selector.kind:
        case "main-branch":
            return f"latest version from the main branch{version}"
        case "branch":
            used = selector.fallback or selector.branch
            return f"latest version from branch '{used}'{version}"
        case "tag":
            used = selector.fallback or selector.tag
            return f"latest version tagged '{used}'{version}"
        case "all-for-tag":
            return f"one of the versions tagged '{selector.tag}'{version}"
        case "deployed":
            return f"version(s) currently deployed to {selector.environment}{version}"
        case "released":
            return f"version(s) released and supported in {selector.environment}{version}"
        case _:
            return f"latest version that has a pact with the provider{version}"


def inclusion(url: str, selectors: list[Resolved], consumer: str, wip: bool) -> str:
    if wip:
        head = selectors[0]
        where = f"from branch '{head.branch}'" if head.branch else f"tagged '{head.tag}'"
        return (
            f"The pact at {url} is being verified because it is a 'work in progress' pact (ie. "
            f"it is the pact for the latest version of {consumer} {where} and is still in "
            f"pending state). Read more at {WIP_DOCS}"
        )
    if len(selectors) == 1:
        lead = "the consumer version matching the following criterion"
    else:
        lead = "the consumer versions matching the following criteria"
    bullets = "".join(f"\n    * {criterion(s)}" for s in selectors)
    return (
        f"The pact at {url} is being verified because the pact content belongs to {lead}:{bullets}"
    )


def pending_notices(
    pending: bool, provider: str, branch: str | None, tags: list[str]
) -> list[dict[str, str]]:
    if branch:
        target = f"a version of {provider} with branch '{branch}'"
    elif tags:
        target = f"a version of {provider} with tag(s) {', '.join(repr(t) for t in tags)}"
    else:
        target = f"any version of {provider}"
    if not pending:
        return [
            {
                "when": "before_verification",
                "text": f"This pact has previously been successfully verified by {target}. If "
                f"this verification fails, it will fail the build. Read more at {PENDING_DOCS}",
            }
        ]
    still = f"This pact is still in pending state for {provider}"
    return [
        {
            "when": "before_verification",
            "text": f"This pact is in pending state for this version of {provider} because a "
            f"successful verification result for {target} has not yet been published. If this "
            f"verification fails, it will not cause the overall build to fail. Read more at "
            f"{PENDING_DOCS}",
        },
        {
            "when": "after_verification:success_true_published_false",
            "text": f"{still} as the successful verification results have not yet been published.",
        },
        {
            "when": "after_verification:success_false_published_false",
            "text": f"{still} as a successful verification result has not yet been published",
        },
        {
            "when": "after_verification:success_true_published_true",
            "text": f"This pact is no longer in pending state for {provider}, as a successful "
            "verification result has been published. If a verification fails in the future, "
            "it will fail the build.",
        },
        {
            "when": "after_verification:success_false_published_true",
            "text": f"{still} as a successful verification result has not yet been published",
        },
    ]
