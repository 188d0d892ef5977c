"""Commands of the URL checker: ``check``, ``import-checks`` and ``securitytxt``."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """The URL checker's commands are added here by the URL checker work."""
