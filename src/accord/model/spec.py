"""Pact specification versions: parsing, ordering and the version string each one writes."""

from __future__ import annotations

import enum

from accord.errors import UnsupportedSpecVersion


class SpecVersion(enum.IntEnum):
    """A version of the Pact specification; versions compare in release order."""

    V1 = 10
    V1_1 = 11
    V2 = 20
    V3 = 30
    V4 = 40

    @classmethod
    def parse(cls, text: str | SpecVersion) -> SpecVersion:
        """Read "v3", "V3", "3", "3.0.0", "4.0", "1.1" or "v1.1" into a version."""
        if isinstance(text, SpecVersion):
            return text
        if not isinstance(text, str):
            raise UnsupportedSpecVersion(
                f"spec version must be a string such as 'v4', got {text!r} ({type(text).__name__})"
            )
        cleaned = text.strip().lower().lstrip("v")
        parts = cleaned.split(".")
        try:
            major = int(parts[0])
            minor = int(parts[1]) if len(parts) > 1 and parts[1] else 0
        except ValueError:
            raise UnsupportedSpecVersion(
                f"unknown pact specification version {text!r}; use one of "
                "'v1', 'v1.1', 'v2', 'v3' or 'v4'"
            ) from None
        if major == 1:
            return cls.V1_1 if minor >= 1 else cls.V1
        table = {2: cls.V2, 3: cls.V3, 4: cls.V4}
        if major in table:
            return table[major]
        raise UnsupportedSpecVersion(
            f"unknown pact specification version {text!r}; use one of "
            "'v1', 'v1.1', 'v2', 'v3' or 'v4'"
        )

    @property
    def metadata_version(self) -> str:
        """The string written to `metadata.pactSpecification.version`."""
        return _METADATA_VERSIONS[self]

    @property
    def label(self) -> str:
        """Short user-facing name such as 'v1.1' or 'v4'."""
        return {10: "v1", 11: "v1.1", 20: "v2", 30: "v3", 40: "v4"}[self.value]


_METADATA_VERSIONS = {
    SpecVersion.V1: "1.0.0",
    SpecVersion.V1_1: "1.1.0",
    SpecVersion.V2: "2.0.0",
    SpecVersion.V3: "3.0.0",
    SpecVersion.V4: "4.0",
}
