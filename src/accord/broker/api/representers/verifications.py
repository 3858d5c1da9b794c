"""Verification result documents."""

from __future__ import annotations

from typing import Any

from accord.broker.api import urls
from accord.broker.api.hal import curies, link, timestamp
from accord.broker.services.verifications import VerificationView


def verification(base: str, view: VerificationView) -> dict[str, Any]:
    row = view.verification
    provider, consumer = view.provider.name, view.consumer.name
    sha = view.pact_version.sha
    verified_by = row.verified_by if isinstance(row.verified_by, dict) else {}
    language = verified_by.get("clientLanguage")
    client = language if isinstance(language, dict) else {}
    return {
        "providerName": provider,
        "providerApplicationVersion": view.provider_version.number,
        "success": row.success,
        "verificationDate": timestamp(row.execution_date),
        "buildUrl": row.build_url,
        "testResults": row.test_results,
        "verifiedBy": {
            "implementation": verified_by.get("implementation"),
            "version": verified_by.get("version"),
            "clientImplementation": client.get("name"),
            "clientTestFramework": client.get("testFramework"),
            "clientVersion": client.get("version"),
        },
        "_links": {
            "self": link(urls.verification(base, provider, consumer, sha, row.id),
                         title="Verification result", name=f"Verification result {row.id} for {consumer} and {provider}"),
            "pb:pact-version": link(urls.pact_by_sha(base, provider, consumer, sha), title="Pact", name=sha),
            "pb:provider-version": link(urls.version(base, provider, view.provider_version.number),
                                        title="Provider version", name=view.provider_version.number),
            "pb:triggered-webhooks": link(f"{urls.verification(base, provider, consumer, sha, row.id)}/triggered-webhooks",
                                          title="Webhooks triggered by the publication of this verification result"),
            "curies": curies(base),
        },
    }  # fmt: skip
