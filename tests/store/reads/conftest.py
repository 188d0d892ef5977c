"""The migration tests here use the second catalogue version the gitflow tests build."""

from tests.gitflow.conftest import v120

__all__ = ["v120"]
