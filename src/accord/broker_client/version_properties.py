"""Version number, branch and build URL detected from CI environment variables or git, for
`--auto-detect-version-properties` (the same sources the official Pact CLI reads).

CI variables win over git, because CI servers often check out a detached HEAD.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

from accord.errors import BrokerClientError

# Known CI variables, most specific first (GitHub Actions, Buildkite, CircleCI, Travis, Jenkins,
# Hudson, AppVeyor, GitLab, CodeShip, Bitbucket, Azure DevOps, Cirrus).
BRANCH_VARIABLES = (
    "GITHUB_HEAD_REF",
    "GITHUB_REF",
    "BUILDKITE_BRANCH",
    "CIRCLE_BRANCH",
    "TRAVIS_BRANCH",
    "GIT_BRANCH",
    "GIT_LOCAL_BRANCH",
    "APPVEYOR_REPO_BRANCH",
    "CI_COMMIT_REF_NAME",
    "BITBUCKET_BRANCH",
    "BUILD_SOURCEBRANCHNAME",
    "CIRRUS_BRANCH",
)
COMMIT_VARIABLES = (
    "GITHUB_SHA",
    "BUILDKITE_COMMIT",
    "CIRCLE_SHA1",
    "TRAVIS_COMMIT",
    "GIT_COMMIT",
    "APPVEYOR_REPO_COMMIT",
    "CI_COMMIT_ID",
    "BITBUCKET_COMMIT",
    "BUILD_SOURCEVERSION",
    "CIRRUS_CHANGE_IN_REPO",
)
BUILD_URL_VARIABLES = (
    "BUILDKITE_BUILD_URL",
    "CIRCLE_BUILD_URL",
    "TRAVIS_BUILD_WEB_URL",
    "BUILD_URL",
)


def detect_commit(env: Mapping[str, str] | None = None, *, cwd: str | None = None) -> str:
    """The commit being built: a CI variable, else `git rev-parse HEAD`."""
    env = os.environ if env is None else env
    found = _first(env, COMMIT_VARIABLES)
    return found or _git(["rev-parse", "HEAD"], cwd=cwd, what="the current commit")


def detect_branch(env: Mapping[str, str] | None = None, *, cwd: str | None = None) -> str:
    """The branch being built: a CI variable, a lone `*_BRANCH` variable, else git."""
    env = os.environ if env is None else env
    found = _first(env, BRANCH_VARIABLES)
    if found:
        return found.removeprefix("refs/heads/")
    # Some CI servers use their own name; one unambiguous *_BRANCH variable is trusted.
    others = [value for name, value in env.items() if name.endswith("_BRANCH") and value.strip()]
    if len(others) == 1:
        return others[0]
    branch = _git(["rev-parse", "--abbrev-ref", "HEAD"], cwd=cwd, what="the current branch")
    if branch == "HEAD":
        raise BrokerClientError(
            "cannot detect the branch: git is on a detached HEAD and no CI branch variable "
            f"is set (looked for {', '.join(BRANCH_VARIABLES)}); pass --branch"
        )
    return branch.removeprefix("origin/")


def detect_build_url(env: Mapping[str, str] | None = None) -> str | None:
    """The CI build's web page, when the CI server says where it is."""
    env = os.environ if env is None else env
    parts = [env.get(name, "").strip() for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY")]
    run_id = env.get("GITHUB_RUN_ID", "").strip()
    if all(parts) and run_id:
        return f"{parts[0]}/{parts[1]}/actions/runs/{run_id}"
    return _first(env, BUILD_URL_VARIABLES)


def _first(env: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = env.get(name, "").strip()
        if value:
            return value
    return None


def _git(arguments: list[str], *, cwd: str | None, what: str) -> str:
    command = ["git", *arguments]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BrokerClientError(
            f"cannot detect {what}: {' '.join(command)} failed ({error})"
        ) from error
    output = done.stdout.strip()
    if done.returncode != 0 or not output:
        raise BrokerClientError(
            f"cannot detect {what}: `{' '.join(command)}` answered "
            f"{(done.stderr.strip() or output or 'nothing')!r}; run inside a git checkout or "
            "pass the value explicitly"
        )
    return output
