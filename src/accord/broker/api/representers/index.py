"""The HAL index (`GET /`, design note §2): every relation with the exact names and template
variables the official clients look up."""

from __future__ import annotations

from typing import Any

from accord.broker.api.hal import curies

# relation → (path template, title, templated)
_RELATIONS: list[tuple[str, str, str, bool]] = [
    ("pb:publish-pact", "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "Publish a pact", True),
    ("pb:publish-contracts", "/contracts/publish", "Publish contracts", False),
    ("pb:latest-pact-versions", "/pacts/latest", "Latest pact versions", False),
    ("pb:tagged-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}", "All versions of a pact for a given consumer, provider and consumer version tag", False),
    ("pb:branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}", "All versions of a pact for a given consumer, provider and consumer version branch", True),
    ("pb:latest-branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions", "Latest versions of a pact for a given consumer, provider and consumer version branch", True),
    ("pb:main-branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/versions", "All versions of a pact for a given consumer, provider and the consumer's main branch", True),
    ("pb:latest-main-branch-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions", "Latest versions of a pact for the consumer's main branch", True),
    ("pb:provider-pacts-with-main-branch", "/pacts/provider/{provider}/branch", "All pact versions for the provider from the consumers' main branches", True),
    ("pb:provider-pacts-with-branch", "/pacts/provider/{provider}/branch/{branch}", "All pact versions for the provider with the consumer version branch", True),
    ("pb:latest-provider-pacts-with-main-branch", "/pacts/provider/{provider}/branch/latest", "Latest pacts for the provider from the consumers' main branches", True),
    ("pb:latest-provider-pacts-with-branch", "/pacts/provider/{provider}/branch/{branch}/latest", "Latest pacts for the provider with the consumer version branch", True),
    ("pb:pacticipants", "/pacticipants", "Pacticipants", False),
    ("pb:pacticipant", "/pacticipants/{pacticipant}", "Fetch pacticipant by name", True),
    ("pb:latest-provider-pacts", "/pacts/provider/{provider}/latest", "Latest pacts by provider", True),
    ("pb:latest-provider-pacts-with-tag", "/pacts/provider/{provider}/latest/{tag}", "Latest pacts for provider with the specified tag", True),
    ("pb:provider-pacts-with-tag", "/pacts/provider/{provider}/tag/{tag}", "All pact versions for the provider with the specified consumer version tag", True),
    ("pb:provider-pacts", "/pacts/provider/{provider}", "All pact versions for the specified provider", True),
    ("pb:latest-version", "/pacticipants/{pacticipant}/latest-version", "Latest pacticipant version", True),
    ("pb:latest-tagged-version", "/pacticipants/{pacticipant}/latest-version/{tag}", "Latest pacticipant version with the specified tag", True),
    ("pb:webhooks", "/webhooks", "Webhooks", False),
    ("pb:webhook", "/webhooks/{uuid}", "Webhook", True),
    ("pb:integrations", "/integrations", "Integrations", False),
    ("pb:pacticipant-version-tag", "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", "Get, create or delete a tag for a pacticipant version", True),
    ("pb:pacticipant-branch", "/pacticipants/{pacticipant}/branches/{branch}", "Get or delete a pacticipant branch", True),
    ("pb:pacticipant-branch-version", "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", "Get or add/create a pacticipant version for a branch", True),
    ("pb:pacticipant-version", "/pacticipants/{pacticipant}/versions/{version}", "Get, create or delete a pacticipant version", True),
    ("pb:metrics", "/metrics", "Get Pact Broker metrics", False),
    ("pb:can-i-deploy-pacticipant-version-to-tag", "/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}", "Determine if an application version can be safely deployed to an environment identified by the given tag", True),
    ("pb:can-i-deploy-pacticipant-version-to-environment", "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}", "Determine if an application version can be safely deployed to an environment", True),
    ("pb:provider-pacts-for-verification", "/pacts/provider/{provider}/for-verification", "Pact versions to be verified for the specified provider", True),
    ("pb:environments", "/environments", "Environments", False),
    ("pb:environment", "/environments/{uuid}", "Environment", True),
]  # fmt: skip


def index(base: str) -> dict[str, Any]:
    links: dict[str, Any] = {"self": {"href": base, "title": "Index"}}
    for relation, path, title, templated in _RELATIONS:
        links[relation] = {"href": base + path, "title": title, "templated": templated}
    links["beta:provider-pacts-for-verification"] = {
        "name": "beta",
        "href": f"{base}/pacts/provider/{{provider}}/for-verification",
        "title": "DEPRECATED - please use pb:provider-pacts-for-verification",
        "templated": True,
    }
    links["curies"] = curies(base)
    return {"_links": links}
