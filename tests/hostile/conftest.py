"""The git repository fixture of the git-native review tests, for textconv and diff --rev."""

from __future__ import annotations

from tests.gitflow.conftest import git_repo

__all__ = ["git_repo"]
