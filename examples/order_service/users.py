"""The example consumer's client for the user service (standard library only)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: int
    name: str
    email: str


class UserNotFound(LookupError):
    pass


class UserClient:
    """What the order service needs from the user service: a user's id, name and email."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def get_user(self, user_id: int) -> User:
        request = urllib.request.Request(
            f"{self.base_url}/users/{user_id}", headers={"Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                payload = json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise UserNotFound(user_id) from None
            raise
        return User(id=payload["userId"], name=payload["name"], email=payload["email"])

    def create_user(self, name: str, email: str) -> User:
        body = json.dumps({"name": name, "email": email}).encode()
        request = urllib.request.Request(
            f"{self.base_url}/users",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            payload = json.load(response)
        return User(id=payload["userId"], name=payload["name"], email=payload["email"])
